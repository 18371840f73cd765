using System.Security.Cryptography;
using System.Text;

namespace StudyBot.Knowledge.Quizzes;

/// <summary>The hash that ties a question to the exact text of its chunk.</summary>
public static class ChunkContentHash
{
    public static string Of(string chunkText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(chunkText))[..16]);
}

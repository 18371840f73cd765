using System.Security.Cryptography;
using System.Text;

namespace StudyBot.Knowledge.Index;

/// <summary>Deterministic chunk ids: the same source, document and ordinal always give the same UUID (Qdrant accepts UUIDs).</summary>
public static class ChunkKey
{
    public static string For(string source, string documentId, int ordinal)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{source}\u001f{documentId}\u001f{ordinal}"), hash);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }
}

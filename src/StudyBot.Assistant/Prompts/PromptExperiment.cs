using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StudyBot.Core.Models;

namespace StudyBot.Assistant.Prompts;

/// <summary>
/// Assigns each conversation one of StudyBot:Llm:PromptVariants by a hash of its id, so a thread
/// keeps its variant across turns, hosts and restarts, and the variants split traffic evenly.
/// </summary>
public sealed class PromptExperiment(IOptions<LlmOptions> options)
{
    public string VariantFor(string conversationId) => VariantFor(conversationId, options.Value.PromptVariants);

    /// <summary>One of <paramref name="variants"/> for the conversation, always the same one (quizzes run their own experiment).</summary>
    public static string VariantFor(string conversationId, IReadOnlyList<string> variants)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(conversationId));
        return variants[(int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % (uint)variants.Count)];
    }
}

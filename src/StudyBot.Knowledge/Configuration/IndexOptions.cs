using System.ComponentModel.DataAnnotations;

namespace StudyBot.Knowledge.Configuration;

/// <summary>StudyBot:Index — chunking and fusion settings of the index.</summary>
public sealed class IndexOptions
{
    public const string SectionName = "StudyBot:Index";

    /// <summary>
    /// The local embedder when no embedding model is configured under StudyBot:Llm: a packaged
    /// sentence-embedding model (ArcticXs, MiniLM) or feature hashing (Hashing: instant, for very
    /// large corpora on small machines). Changing it re-embeds the index.
    /// </summary>
    [AllowedValues("ArcticXs", "MiniLM", "Hashing", ErrorMessage = "StudyBot:Index:Embedder must be ArcticXs, MiniLM or Hashing.")]
    public string Embedder { get; set; } = "ArcticXs";

    [Range(32, 8192, ErrorMessage = "StudyBot:Index:ChunkTokens must be between {1} and {2}.")]
    public int ChunkTokens { get; set; } = 300;

    [Range(0, 1024, ErrorMessage = "StudyBot:Index:ChunkOverlapTokens must be between {1} and {2}.")]
    public int ChunkOverlapTokens { get; set; } = 40;

    /// <summary>Weight of the BM25 ranking in reciprocal rank fusion.</summary>
    [Range(0.0, 10.0, ErrorMessage = "StudyBot:Index:LexicalWeight must be between {1} and {2}.")]
    public double LexicalWeight { get; set; } = 1.0;

    /// <summary>Weight of the dense-vector ranking in reciprocal rank fusion.</summary>
    [Range(0.0, 10.0, ErrorMessage = "StudyBot:Index:DenseWeight must be between {1} and {2}.")]
    public double DenseWeight { get; set; } = 1.0;
}

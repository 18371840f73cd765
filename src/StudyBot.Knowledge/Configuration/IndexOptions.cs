using System.ComponentModel.DataAnnotations;

namespace StudyBot.Knowledge.Configuration;

/// <summary>StudyBot:Index — chunking and fusion settings of the index.</summary>
public sealed class IndexOptions
{
    public const string SectionName = "StudyBot:Index";

    [Range(32, 8192)]
    public int ChunkTokens { get; set; } = 300;

    [Range(0, 1024)]
    public int ChunkOverlapTokens { get; set; } = 40;

    /// <summary>Weight of the BM25 ranking in reciprocal rank fusion.</summary>
    [Range(0.0, 10.0)]
    public double LexicalWeight { get; set; } = 1.0;

    /// <summary>Weight of the dense-vector ranking in reciprocal rank fusion.</summary>
    [Range(0.0, 10.0)]
    public double DenseWeight { get; set; } = 1.0;
}

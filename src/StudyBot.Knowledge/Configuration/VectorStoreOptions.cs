using StudyBot.Knowledge.Index.Qdrant;

namespace StudyBot.Knowledge.Configuration;

/// <summary>StudyBot:VectorStore — where chunks are kept: the embedded index (default) or Qdrant.</summary>
public sealed class VectorStoreOptions
{
    public const string SectionName = "StudyBot:VectorStore";

    public VectorStoreProvider Provider { get; set; } = VectorStoreProvider.Embedded;

    public QdrantOptions Qdrant { get; set; } = new();
}

public enum VectorStoreProvider
{
    Embedded,
    Qdrant,
}

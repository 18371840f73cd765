namespace StudyBot.Knowledge.Index.Qdrant;

/// <summary>StudyBot:VectorStore:Qdrant — the Qdrant REST API that keeps the chunks when Provider is Qdrant.</summary>
public sealed class QdrantOptions
{
    /// <summary>REST root, e.g. http://qdrant:6333 (not the gRPC port 6334).</summary>
    public string? Url { get; set; }

    /// <summary>Sent as the <c>api-key</c> header; empty for an unsecured Qdrant.</summary>
    public string? ApiKey { get; set; }

    public string Collection { get; set; } = "studybot";

    /// <summary>Points per upsert request.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Longest wait for one request attempt.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of a request that failed with 429, 5xx or a connection error.</summary>
    public int MaxRetries { get; set; } = 4;
}

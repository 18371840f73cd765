using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Core.Ingestion;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Index.Qdrant;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Sources.Files;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Qdrant;

/// <summary>
/// StudyBot's knowledge services wired as the host wires them (AddStudyBotKnowledge), with
/// StudyBot:VectorStore:Provider Qdrant pointing at <paramref name="url"/>.
/// </summary>
internal sealed class QdrantTestBed : IDisposable
{
    public const string ApiKey = "fake-qdrant-key";

    private readonly TempFolder _data = new();
    private readonly IHost _host;

    public QdrantTestBed(string url, string collection, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StudyBot:DataDirectory"] = _data.Path,
            ["StudyBot:VectorStore:Provider"] = "Qdrant",
            ["StudyBot:VectorStore:Qdrant:Url"] = url,
            ["StudyBot:VectorStore:Qdrant:ApiKey"] = ApiKey,
            ["StudyBot:VectorStore:Qdrant:Collection"] = collection,
            ["StudyBot:VectorStore:Qdrant:MaxRetries"] = "0",
            ["StudyBot:Index:ChunkTokens"] = "120",
            ["StudyBot:Index:ChunkOverlapTokens"] = "15",
            // The store is under test, not the model: the instant hashing embedder (1,024 dimensions).
            ["StudyBot:Index:Embedder"] = "Hashing",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddStudyBotKnowledge();
        _host = builder.Build();
    }

    public QdrantChunkStore Store => _host.Services.GetRequiredService<QdrantChunkStore>();

    public IDocumentIndex Index => _host.Services.GetRequiredService<IDocumentIndex>();

    public IKnowledgeSearch Search => _host.Services.GetRequiredService<IKnowledgeSearch>();

    public IngestionPipeline Pipeline => _host.Services.GetRequiredService<IngestionPipeline>();

    /// <summary>The whole result of the last <see cref="IngestAsync"/>: its failure and document errors.</summary>
    public IngestionResult? LastResult { get; private set; }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Ingests a folder as the source <paramref name="name"/>.</summary>
    public async Task<IngestionCounts> IngestAsync(string folder, string name = "notes")
    {
        LastResult = await Pipeline.RunAsync(new FilesSource(name, folder), CancellationToken.None);
        return LastResult.Counts;
    }

    public void Dispose()
    {
        _host.Dispose();
        _data.Dispose();
    }
}

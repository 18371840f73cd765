using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Core.Retrieval;
using StudyBot.Eval.Beir;
using StudyBot.Eval.Retrieval;
using StudyBot.Knowledge;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Index.Embedded;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Eval;

/// <summary>
/// A data set (or a folder of documents) ingested the way StudyBot ingests a source: services composed by
/// AddStudyBotKnowledge from the same settings (defaults, environment, --set overrides), with the
/// embedded index in a temporary data folder that is deleted afterwards.
/// </summary>
internal sealed class EvalIndex : IDisposable
{
    public const string SourceName = "eval";

    private readonly IHost _host;
    private readonly string _folder;

    private EvalIndex(IHost host, string folder, TimeSpan ingestion, int chunks)
    {
        _host = host;
        _folder = folder;
        IngestionTime = ingestion;
        Chunks = chunks;
    }

    public TimeSpan IngestionTime { get; }

    public int Chunks { get; }

    public IServiceProvider Services => _host.Services;

    public static Task<EvalIndex> BuildAsync(BeirDataset dataset, IConfiguration settings, CancellationToken cancellationToken) =>
        BuildAsync(new BeirCorpusSource(SourceName, dataset.Corpus), settings, cancellationToken);

    public static async Task<EvalIndex> BuildAsync(IKnowledgeSource source, IConfiguration settings, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "studybot-eval", Guid.NewGuid().ToString("N"));
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(settings);
        builder.Configuration.AddInMemoryCollection([new("StudyBot:DataDirectory", folder)]);
        builder.AddStudyBotKnowledge();
        var host = builder.Build();
        try
        {
            var store = host.Services.GetRequiredService<EmbeddedChunkStore>();
            await store.EnsureCollectionExistsAsync(cancellationToken);
            var stopwatch = Stopwatch.StartNew();
            var result = await host.Services.GetRequiredService<IngestionPipeline>()
                .RunAsync(source, cancellationToken);
            // The host computes vectors in the background; the evaluation waits for all of them.
            await host.Services.GetRequiredService<EmbeddingBackfill>().CompleteAsync(cancellationToken);
            stopwatch.Stop();
            if (result.Failure is not null || result.Errors.Count > 0)
            {
                throw new InvalidOperationException("ingestion failed: " + (result.Failure ?? string.Join("; ", result.Errors.Select(e => $"{e.Document}: {e.Error}"))));
            }

            var chunks = (await store.CountAsync(source.Name, cancellationToken)).Chunks;
            return new EvalIndex(host, folder, stopwatch.Elapsed, chunks);
        }
        catch
        {
            Dispose(host, folder);
            throw;
        }
    }

    /// <summary>The hybrid search StudyBot serves, or one of its two rankings alone.</summary>
    public IKnowledgeSearch Search(RetrievalMode mode) => mode == RetrievalMode.Hybrid
        ? Services.GetRequiredService<IKnowledgeSearch>()
        : new SingleRankingSearch(
            Services.GetRequiredService<EmbeddedChunkStore>(),
            Services.GetRequiredService<EmbedderSelection>(),
            mode);

    public void Dispose() => Dispose(_host, _folder);

    private static void Dispose(IHost host, string folder)
    {
        host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner; the evaluation's figures are unaffected.
        }
    }
}

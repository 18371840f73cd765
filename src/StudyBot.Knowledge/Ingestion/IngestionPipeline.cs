using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StudyBot.Knowledge.Chunking;
using StudyBot.Core.Ingestion;
using StudyBot.Core.Retrieval;
using StudyBot.Core.Telemetry;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Knowledge.Ingestion;

/// <summary>
/// Brings one source's documents into the index: unchanged documents (same content hash) are
/// skipped, changed ones replaced atomically, vanished ones removed. A document that fails is
/// logged and listed while the run goes on; its previous version keeps serving. Chunks go to a
/// store that takes them before their vectors (the embedded one) with cached vectors only, and
/// <see cref="EmbeddingBackfill"/> computes the rest; other stores get every vector now. The run's
/// outcome is its result; one run per source at a time is <see cref="KnowledgeIngestion"/>'s concern.
/// </summary>
public sealed partial class IngestionPipeline(
    IDocumentIndex index,
    ChunkEmbedder embedder,
    MarkdownChunker chunker,
    TimeProvider time,
    ILogger<IngestionPipeline> logger)
{
    public Task<IngestionResult> RunAsync(IKnowledgeSource source, CancellationToken cancellationToken) =>
        RunAsync(source, progress: null, cancellationToken);

    /// <summary>Runs one ingestion of <paramref name="source"/>; a failure of the whole run is in the result, cancellation throws.</summary>
    /// <param name="progress">Told after each document: done of total, and the errors so far.</param>
    public async Task<IngestionResult> RunAsync(IKnowledgeSource source, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        using var activity = IngestionTelemetry.StartRun(source.Name);
        var stopwatch = Stopwatch.StartNew();
        int added = 0, updated = 0, unchanged = 0, removed = 0, failed = 0, done = 0, total = 0;
        var errors = new ConcurrentQueue<DocumentError>();
        IngestionCounts Counts() => new(added, updated, unchanged, removed, failed, Math.Round(stopwatch.Elapsed.TotalSeconds, 3));
        void Report() => progress?.Report(new IngestionProgress(Volatile.Read(ref done), total, [.. errors]));
        try
        {
            var indexed = await index.GetDocumentsAsync(source.Name, cancellationToken);
            var items = new List<SourceItem>();
            await foreach (var item in source.ListAsync(cancellationToken))
            {
                items.Add(item);
            }

            total = items.Count;
            Report();
            // Documents are read, chunked and embedded in parallel (PDF parsing is CPU-bound); the store serialises writes.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(items, parallel, async (item, token) =>
            {
                indexed.TryGetValue(item.Id, out var previous);
                if (previous?.ContentHash == item.ContentHash)
                {
                    Interlocked.Increment(ref unchanged);
                }
                else if (await TryIndexAsync(source, item, token) is { } error)
                {
                    errors.Enqueue(error);
                    Interlocked.Increment(ref failed);
                }
                else
                {
                    Interlocked.Increment(ref previous is null ? ref added : ref updated);
                }

                Interlocked.Increment(ref done);
                Report();
            });

            var listed = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in indexed.Keys.Where(id => !listed.Contains(id)))
            {
                await index.RemoveDocumentAsync(source.Name, gone, cancellationToken);
                removed++;
            }

            var counts = Counts();
            Record(source.Name, counts, activity, failure: null);
            LogFinished(source.Name, added, updated, unchanged, removed, failed, counts.DurationSeconds);
            return new IngestionResult(counts, null, [.. errors]);
        }
        catch (OperationCanceledException)
        {
            Record(source.Name, Counts(), activity, "cancelled");
            throw;
        }
        catch (Exception ex)
        {
            // Listing failed (folder gone, API down) or the index is unreachable: nothing is removed, the previous index keeps serving.
            Record(source.Name, Counts(), activity, ex.Message);
            LogSourceFailed(ex, source.Name, ex.Message);
            return new IngestionResult(Counts(), ex.Message, [.. errors]);
        }
    }

    /// <returns>Null when the document is indexed; otherwise why it could not be.</returns>
    private async Task<DocumentError?> TryIndexAsync(IKnowledgeSource source, SourceItem item, CancellationToken cancellationToken)
    {
        try
        {
            var document = await source.LoadAsync(item, cancellationToken);
            var chunks = chunker.Chunk(document.Parts);
            var records = await EmbedAsync(source.Name, document, chunks, cancellationToken);
            var entry = new IndexedDocument(
                source.Name, item.Id, document.Title, document.Item.Link, document.Item.ContentHash,
                document.Item.LastModified, time.GetUtcNow(), records.Count);
            await index.ReplaceDocumentAsync(entry, records, cancellationToken);
            IngestionTelemetry.RecordChunks(source.Name, records.Count);
            return null;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or KnowledgeUnavailableException))
        {
            IngestionTelemetry.RecordDocumentError(source.Name);
            // An unreadable document is expected (its reason says why); a stack trace is logged only for anything else.
            LogDocumentFailed(ex is DocumentReadException ? null : ex, source.Name, item.Id, ex.Message);
            return new DocumentError(item.Id, ex.Message);
        }
    }

    private static void Record(string source, IngestionCounts counts, Activity? activity, string? failure)
    {
        IngestionTelemetry.RecordDocuments(source, "added", counts.Added);
        IngestionTelemetry.RecordDocuments(source, "updated", counts.Updated);
        IngestionTelemetry.RecordDocuments(source, "unchanged", counts.Unchanged);
        IngestionTelemetry.RecordDocuments(source, "removed", counts.Removed);
        IngestionTelemetry.RecordDocuments(source, "failed", counts.Failed);
        IngestionTelemetry.RecordRun(source, counts.DurationSeconds, failure is not null);
        activity?.SetTag("studybot.documents.added", counts.Added).SetTag("studybot.documents.updated", counts.Updated)
            .SetTag("studybot.documents.failed", counts.Failed);
        if (failure is not null)
        {
            StudyBotTelemetry.Fail(activity, failure == "cancelled" ? "cancelled" : "source listing failed");
        }
    }

    private async Task<List<ChunkRecord>> EmbedAsync(string source, SourceDocument document, IReadOnlyList<TextChunk> chunks, CancellationToken cancellationToken)
    {
        var records = chunks.Select(chunk => new ChunkRecord
        {
            Key = ChunkKey.For(source, document.Item.Id, chunk.Ordinal),
            Source = source,
            DocumentId = document.Item.Id,
            Ordinal = chunk.Ordinal,
            Title = document.Title,
            Link = document.Item.Link,
            Page = chunk.Page,
            HeadingPath = string.Join(ChunkRecord.HeadingSeparator, chunk.HeadingPath),
            Text = chunk.Text,
        }).ToList();

        var vectors = index is IDeferredVectors
            ? await embedder.CachedAsync(records, cancellationToken)
            : await embedder.EmbedAsync(records, cancellationToken);
        for (var i = 0; i < records.Count; i++)
        {
            records[i].Embedding = vectors[i] ?? ReadOnlyMemory<float>.Empty;
        }

        return records;
    }

    [LoggerMessage(LogLevel.Information, "Ingested {Source}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Failed} failed in {Seconds}s")]
    private partial void LogFinished(string source, int added, int updated, int unchanged, int removed, int failed, double seconds);

    [LoggerMessage(LogLevel.Warning, "Skipped document {Document} of {Source}: {Reason}")]
    private partial void LogDocumentFailed(Exception? exception, string source, string document, string reason);

    [LoggerMessage(LogLevel.Error, "Ingestion of {Source} failed; the previous index keeps serving: {Reason}")]
    private partial void LogSourceFailed(Exception exception, string source, string reason);
}

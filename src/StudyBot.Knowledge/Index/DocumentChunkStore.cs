using System.Linq.Expressions;
using Microsoft.Extensions.VectorData;

namespace StudyBot.Knowledge.Index;

/// <summary>
/// What both stores share as VectorData collections: chunks are read by key and searched, but written
/// and removed only with their whole document (<see cref="IDocumentIndex"/>), so that a reader never
/// sees half of one.
/// </summary>
public abstract class DocumentChunkStore : VectorStoreCollection<string, ChunkRecord>
{
    public override IAsyncEnumerable<ChunkRecord> GetAsync(Expression<Func<ChunkRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<ChunkRecord>? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("list documents with GetDocumentsAsync; chunks are fetched by key");

    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"chunks are removed with their document: RemoveDocumentAsync (key {key})");

    public override Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("chunks are removed with their document: RemoveDocumentAsync");

    public override Task UpsertAsync(ChunkRecord record, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("chunks are written with their document: ReplaceDocumentAsync");

    public override Task UpsertAsync(IEnumerable<ChunkRecord> records, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("chunks are written with their document: ReplaceDocumentAsync");
}

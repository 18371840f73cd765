using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace StudyBot.Knowledge.Index.Qdrant;

/// <summary>
/// How chunks and documents are laid out as Qdrant points. A chunk point carries its record, its
/// generation (one per write of its document) and <c>live</c>, which turns true only once all of
/// the generation's chunks are stored; searches read live chunks only. A document point (no
/// vectors) carries what <see cref="IndexedDocument"/> needs.
/// </summary>
internal static class QdrantPoints
{
    public const string DenseVector = "dense";
    public const string SparseVector = "text";

    public const string Kind = "kind";
    public const string Source = "source";
    public const string DocumentId = "document_id";
    public const string Generation = "generation";
    public const string Live = "live";
    public const string Key = "key";
    public const string EmbedderId = "embedder";

    public const string ChunkKind = "chunk";
    public const string DocumentKind = "document";

    /// <summary>Payload fields with an index, and their index type.</summary>
    public static readonly IReadOnlyDictionary<string, string> Indexes = new Dictionary<string, string>
    {
        [Kind] = "keyword",
        [Source] = "keyword",
        [DocumentId] = "keyword",
        [Live] = "bool",
        [Key] = "keyword",
    };

    public static string GenerationOf(IndexedDocument document, string embedderId) =>
        Hash($"{document.ContentHash}\u001f{document.IndexedAt.UtcTicks}\u001f{embedderId}").ToString("N")[..16];

    public static PointStruct Chunk(ChunkRecord chunk, string generation) => new(
        Hash($"{chunk.Key}\u001f{generation}").ToString(),
        new Dictionary<string, object>
        {
            [DenseVector] = chunk.Embedding.ToArray(),
            [SparseVector] = SparseText.Encode(chunk.SearchText),
        },
        new Dictionary<string, object?>
        {
            [Kind] = ChunkKind,
            [Source] = chunk.Source,
            [DocumentId] = chunk.DocumentId,
            [Generation] = generation,
            [Live] = false,
            [Key] = chunk.Key,
            ["ordinal"] = chunk.Ordinal,
            ["title"] = chunk.Title,
            ["link"] = chunk.Link,
            ["page"] = chunk.Page,
            ["heading_path"] = chunk.HeadingPath,
            ["text"] = chunk.Text,
        });

    public static PointStruct Document(IndexedDocument document, string generation, string embedderId) => new(
        DocumentPointId(document.Source, document.DocumentId),
        new Dictionary<string, object>(),
        new Dictionary<string, object?>
        {
            [Kind] = DocumentKind,
            [Source] = document.Source,
            [DocumentId] = document.DocumentId,
            [Generation] = generation,
            [EmbedderId] = embedderId,
            ["title"] = document.Title,
            ["link"] = document.Link,
            ["content_hash"] = document.ContentHash,
            ["last_modified"] = document.LastModified.ToString("O", CultureInfo.InvariantCulture),
            ["indexed_at"] = document.IndexedAt.ToString("O", CultureInfo.InvariantCulture),
            ["chunk_count"] = document.ChunkCount,
        });

    public static ChunkRecord ToChunk(IReadOnlyDictionary<string, JsonElement> payload) => new()
    {
        Key = payload[Key].GetString()!,
        Source = payload[Source].GetString()!,
        DocumentId = payload[DocumentId].GetString()!,
        Ordinal = payload["ordinal"].GetInt32(),
        Title = payload["title"].GetString()!,
        Link = payload["link"].GetString()!,
        Page = payload.TryGetValue("page", out var page) && page.ValueKind == JsonValueKind.Number ? page.GetInt32() : null,
        HeadingPath = payload["heading_path"].GetString()!,
        Text = payload["text"].GetString()!,
    };

    /// <summary>The document as recorded; one written by another embedder gets no hash, so the next run re-embeds it.</summary>
    public static IndexedDocument ToDocument(IReadOnlyDictionary<string, JsonElement> payload, string embedderId) => new(
        payload[Source].GetString()!,
        payload[DocumentId].GetString()!,
        payload["title"].GetString()!,
        payload["link"].GetString()!,
        payload[EmbedderId].GetString() == embedderId ? payload["content_hash"].GetString()! : "",
        DateTimeOffset.Parse(payload["last_modified"].GetString()!, CultureInfo.InvariantCulture),
        DateTimeOffset.Parse(payload["indexed_at"].GetString()!, CultureInfo.InvariantCulture),
        payload["chunk_count"].GetInt32());

    public static FieldCondition Is(string key, object value) => new(key, new Match(Value: value));

    public static FieldCondition IsAny(string key, IEnumerable<string> values) => new(key, new Match(Any: [.. values]));

    public static Filter LiveChunks(IReadOnlyCollection<string>? sources, params FieldCondition[] more)
    {
        List<FieldCondition> must = [Is(Kind, ChunkKind), Is(Live, true), .. more];
        if (sources is { Count: > 0 })
        {
            must.Add(IsAny(Source, sources));
        }

        return new Filter(must);
    }

    private static string DocumentPointId(string source, string documentId) => Hash($"{source}\u001f{documentId}\u001fdocument").ToString();

    private static Guid Hash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return new Guid(hash[..16], bigEndian: true);
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using StudyBot.Knowledge.Storage;

namespace StudyBot.Knowledge.Index.Embedded;

/// <summary>
/// The embedded store's durable half: documents and chunks (text, metadata, vector) in a SQLite
/// file. A document's chunks are replaced in one transaction.
/// </summary>
internal sealed class IndexDatabase(string path)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
    }.ToString();

    public async Task InitializeAsync(string embedderId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS documents (
                source TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, link TEXT NOT NULL,
                content_hash TEXT NOT NULL, last_modified TEXT NOT NULL, indexed_at TEXT NOT NULL,
                chunk_count INTEGER NOT NULL, PRIMARY KEY (source, id));
            CREATE TABLE IF NOT EXISTS chunks (
                key TEXT PRIMARY KEY, source TEXT NOT NULL, document_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
                title TEXT NOT NULL, link TEXT NOT NULL, page INTEGER, heading_path TEXT NOT NULL,
                text TEXT NOT NULL, embedding BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks (source, document_id);
            """, cancellationToken);

        var stored = await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'embedder'", cancellationToken);
        if (stored is not null && stored != embedderId)
        {
            // Vectors from another embedder are not comparable: start over so every document is re-read.
            await ExecuteAsync(connection, "DELETE FROM chunks; DELETE FROM documents;", cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ('embedder', $value)";
        command.Parameters.AddWithValue("$value", embedderId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async IAsyncEnumerable<ChunkRecord> ReadAllChunksAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ChunkColumns}, embedding FROM chunks";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadChunk(reader, withVector: true);
        }
    }

    /// <summary>Chunks stored without a vector (an empty blob), oldest first.</summary>
    public async Task<IReadOnlyList<ChunkRecord>> GetChunksWithoutVectorsAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ChunkColumns} FROM chunks WHERE length(embedding) = 0 ORDER BY rowid LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        var chunks = new List<ChunkRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(ReadChunk(reader, withVector: false));
        }

        return chunks;
    }

    /// <summary>Sets vectors of chunks that still exist and returns the keys that were set.</summary>
    public async Task<IReadOnlyList<string>> SetVectorsAsync(IReadOnlyList<(string Key, ReadOnlyMemory<float> Vector)> vectors, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE chunks SET embedding = $embedding WHERE key = $key";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var embedding = command.Parameters.Add("$embedding", SqliteType.Blob);
        var set = new List<string>(vectors.Count);
        foreach (var (chunk, vector) in vectors)
        {
            key.Value = chunk;
            embedding.Value = MemoryMarshal.AsBytes(vector.Span).ToArray();
            if (await command.ExecuteNonQueryAsync(cancellationToken) > 0)
            {
                set.Add(chunk);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return set;
    }

    public async Task<IReadOnlyList<ChunkRecord>> GetChunksAsync(IReadOnlyCollection<string> keys, bool withVectors, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = keys.Select((key, i) =>
        {
            command.Parameters.AddWithValue($"$k{i}", key);
            return $"$k{i}";
        });
        command.CommandText = $"SELECT {ChunkColumns}{(withVectors ? ", embedding" : "")} FROM chunks WHERE key IN ({string.Join(',', names)})";
        var chunks = new List<ChunkRecord>(keys.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(ReadChunk(reader, withVectors));
        }

        return chunks;
    }

    public async Task<IReadOnlyDictionary<string, IndexedDocument>> GetDocumentsAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT source, id, title, link, content_hash, last_modified, indexed_at, chunk_count FROM documents WHERE source = $source";
        command.Parameters.AddWithValue("$source", source);
        var documents = new Dictionary<string, IndexedDocument>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var document = new IndexedDocument(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture),
                reader.GetInt32(7));
            documents[document.DocumentId] = document;
        }

        return documents;
    }

    public async Task<IReadOnlyList<string>> GetSourcesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT source FROM documents ORDER BY source";
        var sources = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sources.Add(reader.GetString(0));
        }

        return sources;
    }

    public async Task<IndexCounts> CountAsync(string? source, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COALESCE(SUM(chunk_count), 0) FROM documents WHERE $source IS NULL OR source = $source";
        command.Parameters.AddWithValue("$source", (object?)source ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IndexCounts(reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>Replaces a document and its chunks in one transaction and returns the keys of its previous chunks.</summary>
    public async Task<IReadOnlyList<string>> ReplaceDocumentAsync(IndexedDocument document, IReadOnlyList<ChunkRecord> chunks, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var oldKeys = await DeleteChunksAsync(connection, transaction, document.Source, document.DocumentId, cancellationToken);

        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT OR REPLACE INTO documents (source, id, title, link, content_hash, last_modified, indexed_at, chunk_count)
                VALUES ($source, $id, $title, $link, $hash, $modified, $indexed, $count)
                """;
            upsert.Parameters.AddWithValue("$source", document.Source);
            upsert.Parameters.AddWithValue("$id", document.DocumentId);
            upsert.Parameters.AddWithValue("$title", document.Title);
            upsert.Parameters.AddWithValue("$link", document.Link);
            upsert.Parameters.AddWithValue("$hash", document.ContentHash);
            upsert.Parameters.AddWithValue("$modified", document.LastModified.ToString("O", CultureInfo.InvariantCulture));
            upsert.Parameters.AddWithValue("$indexed", document.IndexedAt.ToString("O", CultureInfo.InvariantCulture));
            upsert.Parameters.AddWithValue("$count", chunks.Count);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT OR REPLACE INTO chunks ({ChunkColumns}, embedding) VALUES ($key, $source, $doc, $ordinal, $title, $link, $page, $headings, $text, $embedding)";
            var parameters = ChunkParameters
                .Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
            foreach (var chunk in chunks)
            {
                parameters[0].Value = chunk.Key;
                parameters[1].Value = chunk.Source;
                parameters[2].Value = chunk.DocumentId;
                parameters[3].Value = chunk.Ordinal;
                parameters[4].Value = chunk.Title;
                parameters[5].Value = chunk.Link;
                parameters[6].Value = (object?)chunk.Page ?? DBNull.Value;
                parameters[7].Value = chunk.HeadingPath;
                parameters[8].Value = chunk.Text;
                parameters[9].SqliteType = SqliteType.Blob;
                parameters[9].Value = MemoryMarshal.AsBytes(chunk.Embedding.Span).ToArray();
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return oldKeys;
    }

    /// <summary>Deletes a document and returns the keys of its chunks.</summary>
    public async Task<IReadOnlyList<string>> RemoveDocumentAsync(string source, string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var keys = await DeleteChunksAsync(connection, transaction, source, documentId, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM documents WHERE source = $source AND id = $id";
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$id", documentId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return keys;
    }

    private static readonly string[] ChunkParameters = ["$key", "$source", "$doc", "$ordinal", "$title", "$link", "$page", "$headings", "$text", "$embedding"];

    private const string ChunkColumns = "key, source, document_id, ordinal, title, link, page, heading_path, text";

    private static ChunkRecord ReadChunk(SqliteDataReader reader, bool withVector) => new()
    {
        Key = reader.GetString(0),
        Source = reader.GetString(1),
        DocumentId = reader.GetString(2),
        Ordinal = reader.GetInt32(3),
        Title = reader.GetString(4),
        Link = reader.GetString(5),
        Page = reader.IsDBNull(6) ? null : reader.GetInt32(6),
        HeadingPath = reader.GetString(7),
        Text = reader.GetString(8),
        Embedding = withVector ? MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(9)).ToArray() : ReadOnlyMemory<float>.Empty,
    };

    private static async Task<List<string>> DeleteChunksAsync(SqliteConnection connection, SqliteTransaction transaction, string source, string documentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM chunks WHERE source = $source AND document_id = $id RETURNING key";
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$id", documentId);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => SqliteFile.OpenAsync(_connectionString, cancellationToken);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}

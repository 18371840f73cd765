using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using StudyBot.Knowledge.Index.Embedded;
using StudyBot.Knowledge.Storage;

namespace StudyBot.Knowledge.Embeddings;

/// <summary>
/// Vectors by content hash (SHA-256 of the embedded text) in a SQLite file of the data folder, so
/// text that was embedded once — a chunk of an unchanged paragraph, a sentence — is never embedded
/// again, across re-indexes and restarts. Holds one embedder's vectors: another embedder clears it.
/// Vectors are kept as int8 codes and a scale (388 bytes for 384 dimensions).
/// </summary>
public sealed class VectorCache(string path, string embedderId)
{
    private const int MaxParameters = 500;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    private readonly Lazy<Task> _schema = new(() => InitializeAsync(path, embedderId));

    /// <summary>The cached vector of each text, or null where there is none.</summary>
    public async Task<float[]?[]> GetAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var found = new float[]?[texts.Count];
        if (texts.Count == 0)
        {
            return found;
        }

        await _schema.Value.WaitAsync(cancellationToken);
        var byHash = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            var hash = Hash(texts[i]);
            if (!byHash.TryGetValue(hash, out var positions))
            {
                byHash[hash] = positions = [];
            }

            positions.Add(i);
        }

        await using var connection = await OpenAsync(cancellationToken);
        foreach (var page in byHash.Keys.Chunk(MaxParameters))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT hash, scale, codes FROM vectors WHERE hash IN ({string.Join(',', page.Select((h, i) => Parameter(command, $"$h{i}", h)))})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var vector = Decode(reader.GetFloat(1), (byte[])reader.GetValue(2));
                foreach (var position in byHash[reader.GetString(0)])
                {
                    found[position] = vector;
                }
            }
        }

        return found;
    }

    public async Task PutAsync(IReadOnlyList<string> texts, IReadOnlyList<ReadOnlyMemory<float>> vectors, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return;
        }

        await _schema.Value.WaitAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO vectors (hash, scale, codes) VALUES ($hash, $scale, $codes)";
        var hash = command.Parameters.Add("$hash", SqliteType.Text);
        var scale = command.Parameters.Add("$scale", SqliteType.Real);
        var codes = command.Parameters.Add("$codes", SqliteType.Blob);
        for (var i = 0; i < texts.Count; i++)
        {
            var quantized = new sbyte[vectors[i].Length];
            hash.Value = Hash(texts[i]);
            scale.Value = Int8Vectors.Quantize(vectors[i].Span, quantized);
            codes.Value = MemoryMarshal.AsBytes(quantized.AsSpan()).ToArray();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static float[] Decode(float scale, byte[] codes)
    {
        var vector = new float[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            vector[i] = (sbyte)codes[i] * scale;
        }

        return vector;
    }

    private static string Hash(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 18));

    private static string Parameter(SqliteCommand command, string name, string value)
    {
        command.Parameters.AddWithValue(name, value);
        return name;
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => SqliteFile.OpenAsync(_connectionString, cancellationToken);

    private static async Task InitializeAsync(string path, string embedderId)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS vectors (hash TEXT PRIMARY KEY, scale REAL NOT NULL, codes BLOB NOT NULL) WITHOUT ROWID;
            DELETE FROM vectors WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'embedder' AND value = $embedder);
            INSERT OR REPLACE INTO meta (key, value) VALUES ('embedder', $embedder);
            """;
        command.Parameters.AddWithValue("$embedder", embedderId);
        await command.ExecuteNonQueryAsync();
    }
}

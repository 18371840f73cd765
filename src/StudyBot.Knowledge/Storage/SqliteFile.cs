using Microsoft.Data.Sqlite;

namespace StudyBot.Knowledge.Storage;

/// <summary>Opens a connection to one of the data folder's SQLite files with the settings every one of them uses.</summary>
internal static class SqliteFile
{
    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // A writer waits for the lock inside SQLite instead of failing at once; NORMAL is safe under WAL.
        pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StudyBot.Storage;

/// <summary>
/// Per-connection SQLite settings. busy_timeout lets a writer wait for the lock inside SQLite
/// instead of Microsoft.Data.Sqlite's coarse retry sleeps, which otherwise stall webhook
/// acknowledgements behind the dispatcher's writes; synchronous=NORMAL is durable under WAL.
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

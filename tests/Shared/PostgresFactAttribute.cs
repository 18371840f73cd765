namespace StudyBot.Tests;

/// <summary>A test on a real PostgreSQL server (see <see cref="TestPostgres"/>), skipped with the reason where none can be started.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestPostgres.UnavailableReason;
}

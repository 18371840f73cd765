namespace StudyBot.Storage;

/// <summary>
/// The assemblies holding each provider's migrations (ids unchanged since they lived in the host, so
/// existing databases carry on). The host references both, so they are deployed with it.
/// </summary>
public static class StorageMigrations
{
    public const string Sqlite = "StudyBot.Storage.Sqlite";
    public const string Postgres = "StudyBot.Storage.Postgres";
}

namespace StudyBot.Tests;

/// <summary>
/// The PostgreSQL server the tests use: STUDYBOT_TEST_POSTGRES (set by .ci/run), else the local
/// default. Each test creates its own database and drops it afterwards.
/// </summary>
internal static class TestPostgres
{
    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("STUDYBOT_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=studybot";

    public static string DatabaseConnectionString(string database) => $"{ServerConnectionString};Database={database}";
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Ingestion;
using StudyBot.Tests;

namespace StudyBot.Storage.Tests;

/// <summary>
/// A database created by the migrations as they were when they lived in the host assembly
/// (OldDatabases/*.sql: `dotnet ef migrations script` of StudyBot.Host at cd20be9), with rows in it,
/// opened by this store: the migration ids are the same, so it upgrades and keeps its rows.
/// </summary>
public sealed class OldDatabaseTests
{
    private static readonly DateTimeOffset Then = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task Migrate_DatabaseOfTheHostsMigrations_UpgradesAndKeepsItsRows(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider, migrate: false);
        await using (var context = bed.Services.GetRequiredService<AppStore>().CreateContext())
        {
            await RunScriptAsync(context, provider == "Sqlite" ? "sqlite.sql" : "postgres.sql");
            await SeedAsync(context);
        }

        await bed.Services.GetRequiredService<AppStoreInitializer>().StartAsync(CancellationToken.None);

        await using (var context = bed.Services.GetRequiredService<AppStore>().CreateContext())
        {
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        }

        var answer = await bed.Services.GetRequiredService<IAnswerLog>().FindAsync("a1", CancellationToken.None);
        var quiz = await bed.Services.GetRequiredService<IQuizStore>().FindOpenSessionAsync(new ConversationAddress("slack", "C1", "1712.01"), CancellationToken.None);
        var runs = await bed.Services.GetRequiredService<ISourceRunStore>().GetAllAsync(CancellationToken.None);
        Assert.Equal("What is QLoRA?", answer?.Question);
        Assert.Equal("q-old", quiz?.Id);
        Assert.Equal((SourceRunState.Failed, "folder missing"), (runs["wiki"].State, runs["wiki"].LastError?.Error));
    }

    /// <summary>Runs the script on the raw connection: it is several statements and transactions, as `dotnet ef` wrote it.</summary>
    private static async Task RunScriptAsync(AppDbContext context, string file)
    {
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "OldDatabases", file));
        await command.ExecuteNonQueryAsync();
        await connection.CloseAsync();
    }

    private static async Task SeedAsync(AppDbContext context)
    {
        var then = Stored(context, Then);
        await context.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO answers ("Id", "Channel", "ConversationId", "UserId", "Question", "Answer", "Found", "CitationsJson", "PromptVersion", "CreatedAt")
            VALUES ('a1', 'slack', 'C1:1712.01', 'U1', 'What is QLoRA?', 'QLoRA is…', TRUE, '[]', NULL, {0})
            """, [then]);
        await context.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO quiz_sessions ("Id", "Channel", "Space", "Thread", "Reference", "OpenIn", "Personal", "StartedBy", "Topic", "QuestionIdsJson", "Current", "State", "StartedAt", "QuestionDeadline", "IdleDeadline")
            VALUES ('q-old', 'slack', 'C1', '1712.01', NULL, 'slack|C1:1712.01', FALSE, 'teacher', 'topic', '["q1"]', 0, 'Open', {0}, NULL, {0})
            """, [then]);
        await context.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO source_runs ("Source", "Status", "LeaseUntil", "StartedAt", "FinishedAt", "LastError")
            VALUES ('wiki', 'failed', {0}, {0}, {0}, 'folder missing')
            """, [then]);
    }

    /// <summary>A timestamp as the provider stores it (SQLite: UTC ticks).</summary>
    private static object Stored(AppDbContext context, DateTimeOffset value) =>
        context.Model.FindEntityType(typeof(AnswerEntity))!.FindProperty(nameof(AnswerEntity.CreatedAt))!.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
}

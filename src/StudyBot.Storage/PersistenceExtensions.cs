using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudyBot.Core.Feedback;
using StudyBot.Core.Ingestion;
using StudyBot.Core.Inbox;
using StudyBot.Core.Quizzes;
using StudyBot.Storage.KnowledgeGaps;
using StudyBot.Storage.SourceRuns;
using StudyBot.Knowledge.Storage;

namespace StudyBot.Storage;

public static class PersistenceExtensions
{
    /// <summary>App state in SQLite (default, in the data folder) or PostgreSQL, with the answer log and inbox on top.</summary>
    public static IHostApplicationBuilder AddStudyBotPersistence(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextFactory<SqliteAppDbContext>((sp, options) =>
        {
            var configured = sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString;
            options.UseSqlite(string.IsNullOrWhiteSpace(configured)
                    ? $"Data Source={sp.GetRequiredService<DataFolder>().PathOf("studybot.db")}"
                    : configured, o => o.MigrationsAssembly(StorageMigrations.Sqlite))
                .AddInterceptors(SqliteConnectionPragmas.Instance);
        });
        services.AddDbContextFactory<PostgresAppDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString, o => o.MigrationsAssembly(StorageMigrations.Postgres)));
        services.AddSingleton<AppStore>();
        services.AddSingleton<AppStoreInitializer>();
        services.AddSingleton<EfAnswerLog>();
        services.AddSingleton<IAnswerLog>(sp => sp.GetRequiredService<EfAnswerLog>());
        services.AddSingleton<InboxAcceptWriter>();
        services.AddSingleton<IInbox, EfInbox>();
        services.AddSingleton<ISourceRunStore, SourceRunLedger>();
        services.AddSingleton<IQuizStore, EfQuizStore>();
        services.AddSingleton<IKnowledgeGapSignals, QuizMissSignals>();
        return builder;
    }
}

using StudyBot.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Ingestion;
using StudyBot.Storage.Conversations;
using StudyBot.Storage.SourceRuns;

namespace StudyBot.Storage;

/// <summary>
/// App state. One model, two providers: <see cref="SqliteAppDbContext"/> and
/// <see cref="PostgresAppDbContext"/> each carry their own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<AnswerEntity> Answers => Set<AnswerEntity>();

    public DbSet<FeedbackEntity> Feedback => Set<FeedbackEntity>();

    public DbSet<InboxEntity> Inbox => Set<InboxEntity>();

    public DbSet<SourceRunEntity> SourceRuns => Set<SourceRunEntity>();

    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();

    public DbSet<QuizQuestionEntity> QuizQuestions => Set<QuizQuestionEntity>();

    public DbSet<QuizSessionEntity> QuizSessions => Set<QuizSessionEntity>();

    public DbSet<QuizAnswerEntity> QuizAnswers => Set<QuizAnswerEntity>();

    public DbSet<QuizLearnerItemEntity> QuizLearnerItems => Set<QuizLearnerItemEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AnswerEntity>(answer =>
        {
            answer.ToTable("answers");
            answer.HasKey(a => a.Id);
            answer.HasIndex(a => a.CreatedAt);
            answer.Property(a => a.MessageId).HasMaxLength(256);
            answer.HasIndex(a => new { a.Channel, a.ConversationId, a.MessageId });
        });
        modelBuilder.Entity<FeedbackEntity>(feedback =>
        {
            feedback.ToTable("feedback");
            feedback.HasKey(f => new { f.AnswerId, f.UserId });
            feedback.HasIndex(f => f.CreatedAt);
            feedback.Property(f => f.Reason).HasMaxLength(32);
            feedback.Property(f => f.Comment).HasMaxLength(FeedbackReason.MaxCommentLength);
        });
        modelBuilder.Entity<InboxEntity>(inbox =>
        {
            inbox.ToTable("inbox");
            inbox.HasKey(i => i.Key);
            inbox.HasIndex(i => new { i.Status, i.AvailableAt });
            // Leases are claimed with an optimistic check on the attempt count.
            inbox.Property(i => i.Attempts).IsConcurrencyToken();
        });
        modelBuilder.Entity<SourceRunEntity>(run =>
        {
            run.ToTable("source_runs");
            run.HasKey(r => r.Source);
            run.Property(r => r.Status).HasConversion(state => state.Name(), name => SourceRunStates.Parse(name));
        });
        modelBuilder.Entity<ApiKeyEntity>(key =>
        {
            key.ToTable("api_keys");
            key.HasKey(k => k.Id);
            key.HasIndex(k => k.KeyHash).IsUnique();
        });
        QuizModel.Configure(modelBuilder);
        ConversationContextEntity.Configure(modelBuilder);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverterUtc>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverterUtc>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

using Microsoft.EntityFrameworkCore;

namespace StudyBot.Storage;

/// <summary>The quiz tables of the app store.</summary>
internal static class QuizModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<QuizQuestionEntity>(question =>
        {
            question.ToTable("quiz_questions");
            question.HasKey(q => q.Id);
            question.HasIndex(q => q.ChunkId);
        });
        modelBuilder.Entity<QuizSessionEntity>(session =>
        {
            session.ToTable("quiz_sessions");
            session.HasKey(s => s.Id);
            session.HasIndex(s => s.OpenIn).IsUnique();
            session.HasIndex(s => new { s.State, s.QuestionDeadline });
            session.HasIndex(s => new { s.State, s.IdleDeadline });
        });
        modelBuilder.Entity<QuizAnswerEntity>(answer =>
        {
            answer.ToTable("quiz_answers");
            answer.HasKey(a => new { a.SessionId, a.QuestionIndex, a.UserId });
            answer.HasIndex(a => new { a.Channel, a.Space });
            answer.Property(a => a.ChannelUserId).HasMaxLength(256);
        });
        modelBuilder.Entity<QuizLearnerItemEntity>(item =>
        {
            item.ToTable("quiz_learner_items");
            item.HasKey(i => new { i.UserId, i.QuestionId });
        });
    }
}

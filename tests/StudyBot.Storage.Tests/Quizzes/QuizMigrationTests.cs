using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Storage;
using StudyBot.Tests;

namespace StudyBot.Storage.Tests.Quizzes;

/// <summary>Quiz rows written before conversation addresses (one conversation id string each) after the ConversationAddresses migration.</summary>
public sealed class QuizMigrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task Migrate_RowsWithConversationIds_KeepTheirOpenQuizzesAndLeaderboards(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider, migrate: false);
        await using (var context = bed.Services.GetRequiredService<AppStore>().CreateContext())
        {
            await context.GetService<IMigrator>().MigrateAsync("Quizzes");
            await InsertSessionAsync(context, "slack-open", "slack", "C1:1712.01", open: true);
            await InsertSessionAsync(context, "slack-done", "slack", "C1:1712.02", open: false);
            await InsertSessionAsync(context, "teams-open", "teams", "19:x@thread.skype;messageid=1571540169848", open: true);
            await InsertSessionAsync(context, "teams-chat", "teams", "a:1PersonalChat", open: false);
            await InsertAnswerAsync(context, "slack-open", "alice", "slack", "C1:1712.01");
            await InsertAnswerAsync(context, "slack-done", "alice", "slack", "C1:1712.02");
            await InsertAnswerAsync(context, "teams-open", "bob", "teams", "19:x@thread.skype;messageid=1571540169848");
            await context.Database.MigrateAsync();
        }

        var store = bed.Services.GetRequiredService<IQuizStore>();
        var slack = await store.FindOpenSessionAsync(new ConversationAddress("slack", "C1", "1712.01"), CancellationToken.None);
        var teams = await store.FindOpenSessionAsync(new ConversationAddress("teams", "19:x@thread.skype", "1571540169848"), CancellationToken.None);
        var chat = await store.GetSessionAsync("teams-chat", CancellationToken.None);
        var slackBoard = await store.LeaderboardAsync(new ConversationAddress("slack", "C1"), 10, CancellationToken.None);
        var teamsBoard = await store.LeaderboardAsync(new ConversationAddress("teams", "19:x@thread.skype", "other-thread"), 10, CancellationToken.None);

        Assert.Equal("slack-open", slack?.Id);
        Assert.Equal("teams-open", teams?.Id);
        Assert.Equal(new ConversationAddress("teams", "a:1PersonalChat"), chat?.Conversation);
        Assert.Equal([("alice", 2)], slackBoard.Select(e => (e.UserId, e.Correct)));
        Assert.Equal([("bob", 1)], teamsBoard.Select(e => (e.UserId, e.Correct)));
    }

    /// <summary>An open session is keyed "{channel}|{conversation id}", as the store wrote it then.</summary>
    private static Task<int> InsertSessionAsync(AppDbContext context, string id, string channel, string conversation, bool open) =>
        context.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO quiz_sessions ("Id", "Channel", "ConversationId", "OpenIn", "Personal", "StartedBy", "Topic", "QuestionIdsJson", "Current", "State", "StartedAt", "QuestionDeadline", "IdleDeadline")
            VALUES ({0}, {1}, {2}, CASE WHEN {3} = 'Open' THEN {1} || '|' || {2} END, FALSE, 'teacher', 'topic', '["q1"]', 0, {3}, {4}, NULL, {4})
            """,
            [id, channel, conversation, open ? "Open" : "Finished", Stored(context, Now)]);

    private static Task<int> InsertAnswerAsync(AppDbContext context, string session, string user, string channel, string conversation) =>
        context.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO quiz_answers ("SessionId", "QuestionIndex", "UserId", "Channel", "ConversationId", "ChosenOption", "Correct", "AnsweredAt")
            VALUES ({0}, 0, {1}, {2}, {3}, 1, TRUE, {4})
            """,
            [session, user, channel, conversation, Stored(context, Now)]);

    /// <summary>A timestamp as the provider stores it (SQLite: UTC ticks).</summary>
    private static object Stored(AppDbContext context, DateTimeOffset value) =>
        context.Model.FindEntityType(typeof(QuizAnswerEntity))!.FindProperty(nameof(QuizAnswerEntity.AnsweredAt))!.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
}

using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

using StudyBot.Tests;

namespace StudyBot.Storage.Tests.Quizzes;

/// <summary>The quiz tables on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class QuizStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task RecordAnswer_FiftyUsersClickingTwiceAtOnce_CountsEachUserOnce(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var store = bed.Services.GetRequiredService<IQuizStore>();
        await store.StartSessionAsync(Session("s1", "c1"), CancellationToken.None);

        // Twenty requests in flight at a time (a shared test server has few connections to spare); each user's two clicks side by side.
        using var inFlight = new SemaphoreSlim(20);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            await inFlight.WaitAsync();
            try
            {
                return await store.RecordAnswerAsync(new QuizAnswer("s1", 0, $"u{i / 2}", i % 4, i % 4 == 1, Now), Now.AddMinutes(15), CancellationToken.None);
            }
            finally
            {
                inFlight.Release();
            }
        })));

        Assert.Equal(50, outcomes.Count(o => o == QuizAnswerOutcome.Recorded));
        Assert.Equal(50, outcomes.Count(o => o == QuizAnswerOutcome.AlreadyAnswered));
        Assert.Equal(50, (await store.AnswersAsync("s1", CancellationToken.None)).Select(a => a.UserId).Distinct().Count());
        var board = await store.LeaderboardAsync(new ConversationAddress("teams", "c1"), 100, CancellationToken.None);
        Assert.Equal(50, board.Sum(e => e.Answered));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task RecordAnswer_ToAQuestionThatMovedOnOrAClosedQuiz_IsRefusedAndNotStored(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var store = bed.Services.GetRequiredService<IQuizStore>();
        await store.StartSessionAsync(Session("s1", "c1"), CancellationToken.None);

        Assert.True(await store.TryAdvanceAsync("s1", 0, 1, Now.AddMinutes(1), CancellationToken.None));
        Assert.False(await store.TryAdvanceAsync("s1", 0, 1, Now.AddMinutes(1), CancellationToken.None));
        var late = await store.RecordAnswerAsync(new QuizAnswer("s1", 0, "u1", 0, true, Now), Now, CancellationToken.None);
        Assert.True(await store.TryCloseAsync("s1", QuizSessionState.Stopped, Now, CancellationToken.None));
        var closed = await store.RecordAnswerAsync(new QuizAnswer("s1", 1, "u1", 0, true, Now), Now, CancellationToken.None);

        Assert.Equal((QuizAnswerOutcome.QuestionClosed, QuizAnswerOutcome.QuizClosed), (late, closed));
        Assert.Empty(await store.AnswersAsync("s1", CancellationToken.None));
        Assert.Equal(QuizSessionState.Stopped, (await store.GetSessionAsync("s1", CancellationToken.None))!.State);
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task StartSession_WhileOneIsOpenInTheConversation_ReturnsTheOpenOneUntilItCloses(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var store = bed.Services.GetRequiredService<IQuizStore>();

        var first = await store.StartSessionAsync(Session("s1", "c1"), CancellationToken.None);
        var second = await store.StartSessionAsync(Session("s2", "c1"), CancellationToken.None);
        var elsewhere = await store.StartSessionAsync(Session("s3", "c2"), CancellationToken.None);
        await store.TryCloseAsync("s1", QuizSessionState.Finished, Now, CancellationToken.None);
        var third = await store.StartSessionAsync(Session("s4", "c1"), CancellationToken.None);

        Assert.Equal((true, "s1"), (first.Created, first.Session.Id));
        Assert.Equal((false, "s1"), (second.Created, second.Session.Id));
        Assert.True(elsewhere.Created);
        Assert.Equal((true, "s4"), (third.Created, third.Session.Id));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task Questions_SavedRetiredAndSavedAgain_RoundTripAndComeBackLive(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var store = bed.Services.GetRequiredService<IQuizStore>();
        var question = new QuizQuestion("q1", "chunk-1", "hash", "Fine-tuning", "Which term?", ["A1", "B2", "C3", "D4"], 2, "C3 is it.", "C3.",
            new Citation(1, "Fine-tuning", "knowledge", "ft.md", 3, "LoRA", "C3 is it."));

        await store.SaveQuestionsAsync([question], CancellationToken.None);
        await store.RetireQuestionsAsync(["q1"], Now, CancellationToken.None);
        var retired = await store.RetiredAmongAsync(["q1"], CancellationToken.None);
        Assert.Empty(await store.QuestionsOfChunksAsync(["chunk-1"], CancellationToken.None));
        await store.SaveQuestionsAsync([question], CancellationToken.None);

        Assert.Equal(["q1"], retired);
        var loaded = Assert.Single(await store.QuestionsOfChunksAsync(["chunk-1"], CancellationToken.None));
        Assert.Equal(question.Options, loaded.Options);
        Assert.Equal((question.CorrectOption, question.Citation), (loaded.CorrectOption, loaded.Citation));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task DueSessions_AreThoseWhoseQuestionOrIdleTimeIsUp(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var store = bed.Services.GetRequiredService<IQuizStore>();
        await store.StartSessionAsync(Session("question-due", "c1") with { QuestionDeadline = Now.AddSeconds(-1) }, CancellationToken.None);
        await store.StartSessionAsync(Session("idle-due", "c2") with { QuestionDeadline = null, IdleDeadline = Now.AddSeconds(-1) }, CancellationToken.None);
        await store.StartSessionAsync(Session("running", "c3"), CancellationToken.None);

        var due = await store.DueSessionsAsync(Now, CancellationToken.None);

        Assert.Equal(["idle-due", "question-due"], due.Select(s => s.Id).Order());
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task Leaderboard_OfAChannel_CountsTheQuizzesOfAllItsThreadsAndNoOtherChannel(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var store = bed.Services.GetRequiredService<IQuizStore>();
        (string Channel, string Thread)[] threads = [("C1", "1712.01"), ("C1", "1712.02"), ("C2", "1712.03"), ("C10", "1712.04")];
        foreach (var ((channel, thread), i) in threads.Select((t, i) => (t, i)))
        {
            await store.StartSessionAsync(Session($"s{i}", new ConversationAddress("slack", channel, thread)), CancellationToken.None);
            await store.RecordAnswerAsync(new QuizAnswer($"s{i}", 0, "alice", 1, Correct: true, Now), Now.AddMinutes(15), CancellationToken.None);
        }

        await store.RecordAnswerAsync(new QuizAnswer("s1", 0, "bob", 2, Correct: false, Now), Now.AddMinutes(15), CancellationToken.None);

        var board = await store.LeaderboardAsync(new ConversationAddress("slack", "C1", "1712.99"), 10, CancellationToken.None);

        Assert.Equal([("alice", 2, 2), ("bob", 0, 1)], board.Select(e => (e.UserId, e.Correct, e.Answered)));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task LatestAnswerers_OfAQuestionAnsweredBySixtyFive_AreTheLastSixtyWithAChannelIdEarliestFirst(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var store = bed.Services.GetRequiredService<IQuizStore>();
        await store.StartSessionAsync(Session("s1", "c1"), CancellationToken.None);
        await store.StartSessionAsync(Session("s2", "c2"), CancellationToken.None);
        for (var i = 0; i < 65; i++)
        {
            await store.RecordAnswerAsync(new QuizAnswer("s1", 0, $"aad-{i}", 1, true, Now.AddSeconds(i), $"29:u{i}"), Now.AddMinutes(15), CancellationToken.None);
        }

        await store.RecordAnswerAsync(new QuizAnswer("s1", 0, "no-channel-id", 1, true, Now.AddSeconds(70)), Now.AddMinutes(15), CancellationToken.None);
        await store.RecordAnswerAsync(new QuizAnswer("s2", 0, "aad-elsewhere", 1, true, Now.AddSeconds(80), "29:elsewhere"), Now.AddMinutes(15), CancellationToken.None);
        await store.TryAdvanceAsync("s1", 0, 1, null, CancellationToken.None);
        await store.RecordAnswerAsync(new QuizAnswer("s1", 1, "aad-next", 1, true, Now.AddSeconds(90), "29:next"), Now.AddMinutes(15), CancellationToken.None);

        var latest = await store.LatestAnswerersAsync("s1", 0, 60, CancellationToken.None);

        Assert.Equal(Enumerable.Range(5, 60).Select(i => $"29:u{i}"), latest);
        Assert.Equal("29:u64", (await store.AnswersAsync("s1", CancellationToken.None)).Single(a => a.UserId == "aad-64").ChannelUserId);
        Assert.Equal(["29:next"], await store.LatestAnswerersAsync("s1", 1, 60, CancellationToken.None));
    }

    private static QuizSession Session(string id, string conversation) => Session(id, new ConversationAddress("teams", conversation));

    private static QuizSession Session(string id, ConversationAddress conversation) => new(
        id, conversation, Personal: false, "teacher", "topic", ["q1", "q2"], 0, Now, Now.AddMinutes(1), Now.AddMinutes(15), QuizSessionState.Open);
}

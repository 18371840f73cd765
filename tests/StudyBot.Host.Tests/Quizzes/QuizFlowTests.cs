using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Tests;

namespace StudyBot.Host.Tests.Quizzes;

/// <summary>Quizzes through the conversation engine of the real host, on the real index and app store (SQLite file).</summary>
public sealed class QuizFlowTests : IAsyncLifetime
{
    private readonly TestCorpus _corpus = new();
    private readonly TempFolder _data = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private QuizTestHost _host = null!;

    public async Task InitializeAsync()
    {
        // Every file but fine-tuning.md last changed a month ago: `quiz new` must pick fine-tuning.md.
        foreach (var file in Directory.EnumerateFiles(_corpus.Path, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "fine-tuning.md"))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-30));
        }
        _host = await QuizTestHost.StartAsync(_data.Path, _corpus.Path, _time);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
        _corpus.Dispose();
    }

    [Fact]
    public async Task ChannelQuiz_RightAndWrongAnswers_GetPrivateFeedbackAndTheChannelGetsResults()
    {
        var first = Assert.IsType<QuizQuestionReply>(await _host.SayAsync("alice", "quiz fine-tuning 2"));
        Assert.Equal((1, 2, false, 60), (first.Number, first.Total, first.Personal, first.OpenSeconds));
        Assert.Equal(4, first.Options.Count);
        var id = first.SessionId;

        var right = Assert.IsType<QuizFeedbackReply>(await _host.AnswerAsync("alice", id, 0, await _host.CorrectAsync(id, 0)));
        var wrong = Assert.IsType<QuizFeedbackReply>(await _host.AnswerAsync("bob", id, 0, await _host.WrongAsync(id, 0)));
        var again = Assert.IsType<NoticeReply>(await _host.AnswerAsync("alice", id, 0, await _host.WrongAsync(id, 0)));

        Assert.True(right.Correct);
        Assert.False(wrong.Correct);
        Assert.Equal(right.CorrectText, wrong.CorrectText);
        Assert.Contains(right.CorrectText, right.Explanation, StringComparison.Ordinal);
        Assert.Equal("knowledge", right.Citation.Source);
        Assert.Null(right.Next);
        Assert.Contains("first answer", again.Text, StringComparison.Ordinal);
        Assert.Empty(_host.Posts.All);

        // The first question runs its full time; then the pacer posts the second one in the channel.
        _time.Advance(TimeSpan.FromSeconds(61));
        await _host.Runner.RunDueAsync(CancellationToken.None);
        var second = Assert.IsType<QuizQuestionReply>(Assert.Single(await _host.Posts.WaitForAsync(1)).Reply);
        Assert.Equal(2, second.Number);

        // Everyone taking part answered: the quiz ends at once with results and the leaderboard.
        await _host.AnswerAsync("alice", id, 1, await _host.CorrectAsync(id, 1));
        Assert.Single(_host.Posts.All);
        await _host.AnswerAsync("bob", id, 1, await _host.CorrectAsync(id, 1));
        var results = Assert.IsType<QuizResultsReply>((await _host.Posts.WaitForAsync(2))[1].Reply);
        Assert.Equal(QuizSessionState.Finished, results.State);
        Assert.Equal([("alice", 2, 2), ("bob", 1, 2)], results.Scores.Select(s => (s.UserId, s.Correct, s.Answered)));

        var late = Assert.IsType<NoticeReply>(await _host.AnswerAsync("carol", id, 1, 0));
        Assert.Contains("already ended", late.Text, StringComparison.Ordinal);
        var board = Assert.IsType<LeaderboardReply>(await _host.SayAsync("carol", "leaderboard"));
        Assert.Equal(["alice", "bob"], board.Entries.Select(e => e.UserId));
    }

    [Fact]
    public async Task QuizStop_EndsTheQuizWithResults_AndAnAnswerAfterwardsIsRefusedPolitely()
    {
        var question = Assert.IsType<QuizQuestionReply>(await _host.SayAsync("alice", "quiz vector stores 3"));
        await _host.AnswerAsync("alice", question.SessionId, 0, await _host.CorrectAsync(question.SessionId, 0));

        var stopped = Assert.IsType<QuizResultsReply>(await _host.SayAsync("bob", "quiz stop"));
        var late = Assert.IsType<NoticeReply>(await _host.AnswerAsync("bob", question.SessionId, 0, 0));

        Assert.Equal(QuizSessionState.Stopped, stopped.State);
        Assert.Equal("alice", Assert.Single(stopped.Scores).UserId);
        Assert.Contains("not counted", late.Text, StringComparison.Ordinal);
        Assert.IsType<NoticeReply>(await _host.SayAsync("bob", "quiz stop"));
    }

    [Fact]
    public async Task QuizInTheSameConversation_WhileOneRuns_IsRefused()
    {
        Assert.IsType<QuizQuestionReply>(await _host.SayAsync("alice", "quiz fine-tuning"));

        var second = Assert.IsType<NoticeReply>(await _host.SayAsync("bob", "quiz vector stores"));

        Assert.Contains("already running", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalQuiz_MovesOnAtEachAnswer_AndQuizMeAsksTheMissedQuestionAgain()
    {
        var reply = await _host.SayAsync("dana", "quiz fine-tuning 3", personal: true, conversation: "dm-dana");
        var question = Assert.IsType<QuizQuestionReply>(reply);
        Assert.True(question.Personal);
        var missed = (await _host.QuestionAsync(question.SessionId, 0)).Id;
        var stranger = Assert.IsType<NoticeReply>(await _host.AnswerAsync("erin", question.SessionId, 0, 0, "dm-dana"));
        Assert.Contains("someone else's", stranger.Text, StringComparison.Ordinal);

        for (var i = 0; i < 3; i++)
        {
            var option = i == 0 ? await _host.WrongAsync(question.SessionId, i) : await _host.CorrectAsync(question.SessionId, i);
            reply = Assert.IsType<QuizFeedbackReply>(await _host.AnswerAsync("dana", question.SessionId, i, option, "dm-dana")).Next!;
        }

        var results = Assert.IsType<QuizResultsReply>(reply);
        Assert.Equal(("dana", 2, 3), (results.Scores[0].UserId, results.Scores[0].Correct, results.Scores[0].Answered));

        var review = Assert.IsType<QuizQuestionReply>(await _host.SayAsync("dana", "quiz me 3", personal: true, conversation: "dm-dana"));
        var asked = await _host.QuestionAsync(review.SessionId, 0);
        Assert.Equal(missed, asked.Id);
    }

    [Fact]
    public async Task QuizMeOnThis_UnderAnAnswer_QuizzesOnThatAnswersSources()
    {
        var answer = Assert.IsType<AnswerReply>(await _host.SayAsync("frank", "What is QLoRA?"));

        var reply = await _host.PressAsync("frank", QuizAction.QuizMeOnAnswer, answer.AnswerId!, "thread-9");

        var question = Assert.IsType<QuizQuestionReply>(reply);
        Assert.True(question.Personal);
        var cited = answer.Citations.Select(c => c.Link).ToHashSet();
        Assert.Contains((await _host.QuestionAsync(question.SessionId, 0)).Citation.Link, cited);
    }

    [Fact]
    public async Task QuizNew_QuizzesOnlyOnWhatChangedSinceTheDate()
    {
        var question = Assert.IsType<QuizQuestionReply>(await _host.SayAsync("gina", "quiz new 3", personal: true, conversation: "dm-gina"));

        var session = await _host.Store.GetSessionAsync(question.SessionId, CancellationToken.None);
        var questions = await _host.Store.GetQuestionsAsync(session!.QuestionIds, CancellationToken.None);
        Assert.NotEmpty(questions);
        Assert.All(questions, q => Assert.Equal("fine-tuning.md", q.Citation.Link));
        var unreadable = Assert.IsType<NoticeReply>(await _host.SayAsync("gina", "quiz new someday", conversation: "elsewhere"));
        Assert.Contains("could not read that date", unreadable.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdleQuiz_ClosesItself_AndTellsTheConversation()
    {
        var question = Assert.IsType<QuizQuestionReply>(await _host.SayAsync("hugo", "quiz fine-tuning 2", personal: true));

        _time.Advance(TimeSpan.FromMinutes(16));
        await _host.Runner.RunDueAsync(CancellationToken.None);

        var closed = Assert.IsType<QuizResultsReply>(Assert.Single(await _host.Posts.WaitForAsync(1)).Reply);
        Assert.Equal(QuizSessionState.TimedOut, closed.State);
        Assert.Contains("not counted", Assert.IsType<NoticeReply>(await _host.AnswerAsync("hugo", question.SessionId, 0, 0)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedPage_RetiresItsQuestions_SoTheQuizNeverAsksThemStale()
    {
        var question = Assert.IsType<QuizQuestionReply>(await _host.SayAsync("ivan", "quiz fine-tuning 3"));
        var session = await _host.Store.GetSessionAsync(question.SessionId, CancellationToken.None);
        File.WriteAllText(_corpus.Combine("fine-tuning.md"), "# Fine-tuning\n\nThis page was rewritten and no longer says what the quiz asked.\n");
        foreach (var other in Directory.EnumerateFiles(_corpus.Path, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "fine-tuning.md"))
        {
            File.Delete(other);
        }

        (await _host.Client.PostAsync("/api/admin/reindex", null)).EnsureSuccessStatusCode();
        await StudyBotHost.WaitForIngestionAsync(_host.Client);

        _time.Advance(TimeSpan.FromSeconds(61));
        await _host.Runner.RunDueAsync(CancellationToken.None);

        var end = Assert.IsType<QuizResultsReply>(Assert.Single(await _host.Posts.WaitForAsync(1)).Reply);
        Assert.Equal(QuizSessionState.Finished, end.State);
        var retired = await _host.Store.RetiredAmongAsync(session!.QuestionIds, CancellationToken.None);
        Assert.Equal(session.QuestionIds.Skip(1).ToHashSet(), retired.ToHashSet());
    }

    [Fact]
    public async Task FiftyUsers_AnsweringTheSameQuestionAtOnceWithDoubleClicks_AreEachCountedOnce()
    {
        var question = Assert.IsType<QuizQuestionReply>(await _host.SayAsync("teacher", "quiz vector stores 2"));
        var correct = await _host.CorrectAsync(question.SessionId, 0);
        var users = Enumerable.Range(1, 50).Select(i => $"student-{i:00}").ToList();

        var replies = await Task.WhenAll(users.Concat(users).Select(u => Task.Run(() =>
            _host.AnswerAsync(u, question.SessionId, 0, u.EndsWith('0') ? (correct + 1) % 4 : correct))));

        Assert.Equal(50, replies.Count(r => r is QuizFeedbackReply));
        Assert.Equal(50, replies.Count(r => r is NoticeReply));
        var answers = await _host.Store.AnswersAsync(question.SessionId, CancellationToken.None);
        Assert.Equal(users.Order(), answers.Select(a => a.UserId).Order());
        Assert.Equal(45, answers.Count(a => a.Correct));
    }
}

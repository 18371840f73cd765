using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Quizzes;
using StudyBot.Tests;

namespace StudyBot.Host.Tests.Quizzes;

public sealed class QuizRestartTests : IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Restart_MidQuiz_KeepsAnswersAndThePacerPostsTheNextQuestionWhenItsTimeIsUp()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        string sessionId;
        await using (var first = await QuizTestHost.StartAsync(_data.Path, _corpus.Path, time))
        {
            var question = Assert.IsType<QuizQuestionReply>(await first.SayAsync("alice", "quiz fine-tuning 2"));
            sessionId = question.SessionId;
            await first.AnswerAsync("alice", sessionId, 0, await first.CorrectAsync(sessionId, 0));
        }

        await DataFolderLock.WaitUntilReleasedAsync(_data.Path);
        time.Advance(TimeSpan.FromSeconds(90));
        await using var second = await QuizTestHost.StartAsync(_data.Path, _corpus.Path, time);

        // The pacer reads the persisted deadline at start-up and moves the quiz on by itself.
        var next = Assert.IsType<QuizQuestionReply>(Assert.Single(await second.Posts.WaitForAsync(1)).Reply);
        Assert.Equal((sessionId, 2), (next.SessionId, next.Number));
        var kept = Assert.Single(await second.Store.AnswersAsync(sessionId, CancellationToken.None));
        Assert.Equal(("alice", true), (kept.UserId, kept.Correct));
        Assert.IsType<QuizFeedbackReply>(await second.AnswerAsync("alice", sessionId, 1, await second.CorrectAsync(sessionId, 1)));
    }

    public void Dispose()
    {
        _data.Dispose();
        _corpus.Dispose();
    }
}

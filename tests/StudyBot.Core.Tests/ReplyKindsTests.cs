using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Tests;

namespace StudyBot.Core.Tests;

/// <summary>Each reply type has its own renderer method, and the surfaces' tests see every type (through <see cref="EveryReply"/>).</summary>
public sealed class ReplyKindsTests
{
    [Fact]
    public void EveryReply_HoldsEachReplyTypeOfCore()
    {
        var types = typeof(Reply).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Reply)) && !t.IsAbstract).Select(t => t.Name).Order();

        Assert.Equal(types, EveryReply.Kind.Select(r => r.GetType().Name).Distinct().Order());
    }

    [Fact]
    public void Render_EachReplyType_CallsAMethodOfItsOwn()
    {
        var methods = EveryReply.Kind.Select(r => r.Render(new MethodNames())).ToList();

        Assert.Equal(methods.Count, methods.Distinct().Count());
    }

    private sealed class MethodNames : IReplyRenderer<string>
    {
        public string Answer(AnswerReply answer) => nameof(Answer);

        public string Notice(NoticeReply notice) => nameof(Notice);

        public string Status(StatusReply status) => nameof(Status);

        public string QuizQuestion(QuizQuestionReply question) => nameof(QuizQuestion);

        public string QuizFeedback(QuizFeedbackReply feedback) => nameof(QuizFeedback);

        public string QuizResults(QuizResultsReply results) => nameof(QuizResults);

        public string Leaderboard(LeaderboardReply leaderboard) => nameof(Leaderboard);
    }
}

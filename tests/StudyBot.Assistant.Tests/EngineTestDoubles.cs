using StudyBot.Assistant.Answering;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Tests;

internal sealed class EchoAnswerer : IAnswerer
{
    public Task<AnswerReply> AnswerAsync(Question question, CancellationToken cancellationToken) =>
        Task.FromResult(new AnswerReply("answer to " + question.Text, [], true));
}

internal sealed class FixedStatus : IKnowledgeStatus
{
    public Task<KnowledgeStatus> GetStatusAsync(CancellationToken cancellationToken) => Task.FromResult(new KnowledgeStatus(4, 40, []));
}

/// <summary>Answer log kept in a list: the engine's contract with the store is what is checked here.</summary>
internal sealed class ListAnswerLog : IAnswerLog
{
    public List<AnsweredQuestion> Answers { get; } = [];

    public List<(string AnswerId, string UserId, bool Helpful)> Votes { get; } = [];

    public Task<string> RecordAsync(AnsweredQuestion answer, CancellationToken cancellationToken)
    {
        Answers.Add(answer);
        return Task.FromResult($"a{Answers.Count}");
    }

    public Task<AnsweredQuestion?> FindAsync(string answerId, CancellationToken cancellationToken) =>
        Task.FromResult(answerId.StartsWith('a') && int.TryParse(answerId[1..], out var n) && n <= Answers.Count ? Answers[n - 1] : null);

    public Task RecordFeedbackAsync(string answerId, string userId, bool helpful, CancellationToken cancellationToken)
    {
        Votes.Add((answerId, userId, helpful));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedbackEntry>> ListFeedbackAsync(int max, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<LoggedAnswer>> ListConversationAsync(
        string channel, string conversationId, DateTimeOffset before, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LoggedAnswer>>([.. Answers
            .Select((a, i) => new LoggedAnswer($"a{i + 1}", a))
            .Where(l => l.Answer.Channel == channel && l.Answer.ConversationId == conversationId && l.Answer.CreatedAt < before)
            .TakeLast(max)]);

    public Task RecordMessageAsync(string answerId, string messageId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string?> FindByMessageAsync(string channel, string conversationId, string messageId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}

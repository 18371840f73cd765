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

/// <summary>Writes "answer to …" in two deltas after a working status, as a model answerer streams.</summary>
internal sealed class StreamingEchoAnswerer : IAnswerer
{
    public Task<AnswerReply> AnswerAsync(Question question, CancellationToken cancellationToken) =>
        Task.FromResult(new AnswerReply("answer to " + question.Text, [], true));

    public async IAsyncEnumerable<ReplyUpdate> StreamAsync(Question question, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ReplyWorking("Searching the knowledge base…");
        yield return new ReplyDelta("answer to ");
        yield return new ReplyDelta(question.Text);
        yield return new ReplyCompleted(await AnswerAsync(question, cancellationToken));
    }
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

    public Task<IReadOnlyList<ConversationTurn>> RecentTurnsAsync(string channel, string conversationId, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationTurn>>(Answers.Where(a => a.Channel == channel && a.ConversationId == conversationId).TakeLast(max)
            .SelectMany(a => new[] { new ConversationTurn(false, a.Question), new ConversationTurn(true, a.Answer) }).ToList());

    public Task<IReadOnlyDictionary<string, int>> CountAnswersByPromptVersionAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task RecordFeedbackAsync(string answerId, string userId, bool helpful, CancellationToken cancellationToken)
    {
        Votes.Add((answerId, userId, helpful));
        return Task.CompletedTask;
    }

    public List<(string AnswerId, string UserId, FeedbackReason Reason)> Reasons { get; } = [];

    public Task RecordFeedbackReasonAsync(string answerId, string userId, FeedbackReason reason, CancellationToken cancellationToken)
    {
        Reasons.Add((answerId, userId, reason));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedbackEntry>> ListFeedbackAsync(int max, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task RecordMessageAsync(string answerId, string messageId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<string?> FindByMessageAsync(string channel, string conversationId, string messageId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}

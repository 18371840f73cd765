using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Ingestion;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Tests;

/// <summary>A "not found" while the knowledge base is still being indexed says so instead.</summary>
public sealed class AskCommandTests
{
    private static SourceStatus Source(string name, string state, int documents, int done, int total, int errors = 0) => new(
        name, "Files", Configured: true, documents, documents * 5, SourceRunStates.Parse(state), null, null, done, total, null,
        [.. Enumerable.Range(0, errors).Select(i => new DocumentError($"bad-{i}.pdf", "damaged"))]);

    private static Task<Reply> AskAsync(bool found, IReadOnlyCollection<string>? sources, params SourceStatus[] status) =>
        new AskCommand(new Answerer(found), new Status([.. status]))
            .HandleAsync(new CommandRequest(new IncomingMessage(new ConversationAddress("web", "w"), "u", "ask x", Sources: sources), "What is QLoRA?"), CancellationToken.None);

    [Fact]
    public async Task Ask_NothingFoundDuringTheFirstIngestion_SaysItIsStillIndexingWithTheProgress()
    {
        var reply = Assert.IsType<NoticeReply>(await AskAsync(found: false, null, Source("knowledge", "running", 3, done: 4, total: 12)));

        Assert.Contains("still indexing the knowledge base (4 of 12 documents)", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(reply.RetryAfter);
    }

    [Fact]
    public async Task Ask_NothingFoundBeforeTheFirstRunStarted_SaysItIsStillIndexing()
    {
        var reply = Assert.IsType<NoticeReply>(await AskAsync(found: false, null, Source("knowledge", "pending", 0, 0, 0)));

        Assert.Contains("still indexing the knowledge base and have found nothing", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_FoundDuringTheFirstIngestion_AnswersFromWhatIsIndexed()
    {
        var reply = Assert.IsType<AnswerReply>(await AskAsync(found: true, null, Source("knowledge", "running", 3, 4, 12)));

        Assert.True(reply.Found);
    }

    [Theory]
    [InlineData("idle", 12, 12, 12, 0)]
    [InlineData("running", 12, 5, 12, 0)]
    [InlineData("running", 10, 12, 12, 2)]
    [InlineData("pending", 12, 0, 0, 0)]
    public async Task Ask_NothingFoundWithEveryListedDocumentIndexed_IsARealNotFound(string state, int documents, int done, int total, int errors)
    {
        var reply = Assert.IsType<AnswerReply>(await AskAsync(found: false, null, Source("knowledge", state, documents, done, total, errors)));

        Assert.False(reply.Found);
    }

    [Fact]
    public async Task Ask_NothingFoundInASourceThatIsDone_IsARealNotFoundWhileAnotherSourceIndexes()
    {
        var reply = await AskAsync(found: false, ["handbook"], Source("handbook", "idle", 5, 5, 5), Source("wiki", "running", 1, 1, 900));

        Assert.False(Assert.IsType<AnswerReply>(reply).Found);
    }

    private sealed class Answerer(bool found) : IAnswerer
    {
        public Task<AnswerReply> AnswerAsync(Question question, CancellationToken cancellationToken) =>
            Task.FromResult(new AnswerReply(found ? "QLoRA is… [1]" : "I couldn't find anything about that in the knowledge base.", [], found));
    }

    private sealed class Status(IReadOnlyList<SourceStatus> sources) : IKnowledgeStatus
    {
        public Task<KnowledgeStatus> GetStatusAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new KnowledgeStatus(sources.Sum(s => s.Documents), sources.Sum(s => s.Chunks), sources));
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Tests;

public sealed class ConversationEngineTests
{
    private static readonly ConversationAddress Conversation = new("test", "c1");
    private readonly ListAnswerLog _log = new();
    private readonly ConversationEngine _engine;

    public ConversationEngineTests()
    {
        _engine = new ConversationEngine(
            [new AskCommand(new EchoAnswerer()), new StatusCommand(new FixedStatus())],
            [new FeedbackAction(_log)], _log, TimeProvider.System, NullLogger<ConversationEngine>.Instance);
    }

    private Task<Reply> SendAsync(string text) => _engine.HandleAsync(new IncomingMessage(Conversation, "u1", text), CancellationToken.None);

    [Theory]
    [InlineData("What is QLoRA?", "answer to What is QLoRA?")]
    [InlineData("ask What is QLoRA?", "answer to What is QLoRA?")]
    [InlineData("/ask   What is QLoRA?", "answer to What is QLoRA?")]
    [InlineData("Status of the rollout?", "answer to Status of the rollout?")]
    public async Task Handle_QuestionsAndAsk_GoToTheAnswerer(string text, string expected)
    {
        var reply = await SendAsync(text);

        Assert.Equal(expected, Assert.IsType<AnswerReply>(reply).Text);
    }

    [Fact]
    public async Task Handle_Answer_IsLoggedAndCarriesItsId()
    {
        var reply = Assert.IsType<AnswerReply>(await SendAsync("What is QLoRA?"));

        Assert.Equal("a1", reply.AnswerId);
        Assert.Equal("What is QLoRA?", Assert.Single(_log.Answers).Question);
    }

    [Fact]
    public async Task HandleAction_Feedback_IsStoredForTheAnswer()
    {
        var reply = Assert.IsType<AnswerReply>(await SendAsync("What is QLoRA?"));

        var thanks = await _engine.HandleActionAsync(
            new IncomingAction(Conversation, "u2", IncomingAction.Feedback, IncomingAction.FeedbackValue(reply.AnswerId!, helpful: false)), CancellationToken.None);

        Assert.Equal(("a1", "u2", false), Assert.Single(_log.Votes));
        Assert.Contains("Thanks", Assert.IsType<NoticeReply>(thanks).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAction_FeedbackForUnknownAnswer_IsRefused()
    {
        var reply = await _engine.HandleActionAsync(new IncomingAction(Conversation, "u2", IncomingAction.Feedback, "zzz|up"), CancellationToken.None);

        Assert.Empty(_log.Votes);
        Assert.Contains("no longer points", Assert.IsType<NoticeReply>(reply).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_Status_ReportsTheIndex()
    {
        var reply = await SendAsync("status");

        Assert.Equal(40, Assert.IsType<StatusReply>(reply).Status.Chunks);
    }

    [Fact]
    public async Task Handle_Help_ListsEveryCommand()
    {
        var reply = Assert.IsType<NoticeReply>(await SendAsync("HELP"));

        Assert.Contains("ask <question>", reply.Text, StringComparison.Ordinal);
        Assert.Contains("`status`", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_AskWithoutQuestion_ExplainsUsage()
    {
        var reply = Assert.IsType<NoticeReply>(await SendAsync("ask"));

        Assert.Contains("Ask me a question", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_QuestionOverTheLimit_IsRefused()
    {
        var reply = Assert.IsType<NoticeReply>(await SendAsync("ask " + new string('x', 2001)));

        Assert.Contains("2000", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_Answer_PassesTheUpdatesOnAndCompletesWithTheLoggedAnswer()
    {
        var engine = new ConversationEngine([new AskCommand(new StreamingEchoAnswerer())], [], _log, TimeProvider.System, NullLogger<ConversationEngine>.Instance);

        var updates = await engine.StreamAsync(new IncomingMessage(Conversation, "u1", "What is QLoRA?"), CancellationToken.None).ToListAsync();

        Assert.Equal("Searching the knowledge base…", Assert.IsType<ReplyWorking>(updates[0]).Status);
        Assert.Equal("answer to What is QLoRA?", string.Concat(updates.OfType<ReplyDelta>().Select(d => d.Text)));
        var answer = Assert.IsType<AnswerReply>(Assert.IsType<ReplyCompleted>(updates[^1]).Reply);
        Assert.Equal(("a1", "answer to What is QLoRA?"), (answer.AnswerId, Assert.Single(_log.Answers).Answer));
    }

    [Fact]
    public async Task Stream_Status_CompletesAtOnce()
    {
        var updates = await _engine.StreamAsync(new IncomingMessage(Conversation, "u1", "status"), CancellationToken.None).ToListAsync();

        Assert.IsType<StatusReply>(Assert.IsType<ReplyCompleted>(Assert.Single(updates)).Reply);
    }
}

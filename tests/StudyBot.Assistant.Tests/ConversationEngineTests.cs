using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Tests;

public sealed class ConversationEngineTests
{
    private sealed class EchoAnswerer : IAnswerer
    {
        public Task<AnswerReply> AnswerAsync(Question question, CancellationToken cancellationToken) =>
            Task.FromResult(new AnswerReply("answer to " + question.Text, [], true));
    }

    private sealed class FixedStatus : IKnowledgeStatus
    {
        public Task<KnowledgeStatus> GetStatusAsync(CancellationToken cancellationToken) => Task.FromResult(new KnowledgeStatus(4, 40, []));
    }

    private readonly ConversationEngine _engine = new(
        [new AskCommand(new EchoAnswerer()), new StatusCommand(new FixedStatus())], NullLogger<ConversationEngine>.Instance);

    private Task<Reply> SendAsync(string text) => _engine.HandleAsync(new IncomingMessage("test", "c1", "u1", text), CancellationToken.None);

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
}

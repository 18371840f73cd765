using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StudyBot.Assistant.Commands;
using StudyBot.Assistant.Safety;
using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Tests;

public sealed class ConversationLimiterTests
{
    private readonly ListAnswerLog _log = new();

    private ConversationEngine Engine(int perUser, int perChannel, int maxChars = 2000) => new(
        [new AskCommand(new EchoAnswerer()), new StatusCommand(new FixedStatus())], [new FeedbackAction(_log)], _log, TimeProvider.System,
        NullLogger<ConversationEngine>.Instance,
        new ConversationLimiter(Options.Create(new InputLimitsOptions
        {
            UserMessagesPerMinute = perUser,
            ChannelMessagesPerMinute = perChannel,
            MaxQuestionChars = maxChars,
        })));

    private static Task<Reply> SendAsync(ConversationEngine engine, ConversationAddress conversation, string user, string text = "What is QLoRA?") =>
        engine.HandleAsync(new IncomingMessage(conversation, user, text), CancellationToken.None);

    private static ConversationAddress Slack(string channel, string thread) => new("slack", channel, thread);

    [Fact]
    public async Task Handle_UserOverTheLimit_GetsAFriendlyNoticeAndIsNotAnswered()
    {
        var engine = Engine(perUser: 2, perChannel: 0);

        await SendAsync(engine, Slack("C1", "1.1"), "U1");
        await SendAsync(engine, Slack("C1", "1.1"), "U1");
        var third = Assert.IsType<NoticeReply>(await SendAsync(engine, Slack("C1", "1.1"), "U1"));
        var otherUser = await SendAsync(engine, Slack("C1", "1.1"), "U2");

        Assert.Contains("faster than I can keep up", third.Text, StringComparison.Ordinal);
        Assert.NotNull(third.RetryAfter);
        Assert.InRange(third.RetryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.IsType<AnswerReply>(otherUser);
        Assert.Equal(3, _log.Answers.Count);
    }

    [Fact]
    public async Task Handle_ChannelOverTheLimit_RefusesEveryThreadOfThatChannelOnly()
    {
        var engine = Engine(perUser: 0, perChannel: 2);

        await SendAsync(engine, Slack("C1", "1.1"), "U1");
        await SendAsync(engine, Slack("C1", "2.2"), "U2");
        var third = Assert.IsType<NoticeReply>(await SendAsync(engine, Slack("C1", "3.3"), "U3"));
        var otherChannel = await SendAsync(engine, Slack("C2", "1.1"), "U3");

        Assert.Contains("This conversation has asked a lot", third.Text, StringComparison.Ordinal);
        Assert.IsType<AnswerReply>(otherChannel);
    }

    [Fact]
    public async Task Handle_Help_IsNotCounted()
    {
        var engine = Engine(perUser: 1, perChannel: 0);

        await SendAsync(engine, new ConversationAddress("teams", "19:a@thread.tacv2"), "U1", "help");
        await SendAsync(engine, new ConversationAddress("teams", "19:a@thread.tacv2"), "U1", "help");

        Assert.IsType<AnswerReply>(await SendAsync(engine, new ConversationAddress("teams", "19:a@thread.tacv2"), "U1"));
    }

    [Fact]
    public async Task Handle_MessageOverTheConfiguredCap_IsRefusedWithTheCap()
    {
        var engine = Engine(perUser: 0, perChannel: 0, maxChars: 50);

        var reply = Assert.IsType<NoticeReply>(await SendAsync(engine, new ConversationAddress("web", "web"), "u", new string('x', 51)));

        Assert.Contains("under 50 characters", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.RetryAfter);
        Assert.Empty(_log.Answers);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("api")]
    [InlineData("cli")]
    public async Task Handle_WebApiAndCommandLine_AreLeftToTheirOwnLimits(string channel)
    {
        var engine = Engine(perUser: 1, perChannel: 1);

        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<AnswerReply>(await SendAsync(engine, new ConversationAddress(channel, channel), "web:anonymous"));
        }
    }
}

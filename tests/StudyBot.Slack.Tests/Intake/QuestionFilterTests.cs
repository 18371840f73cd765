using System.Text.Json;
using StudyBot.Slack.Api;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Intake;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Tests.Intake;

/// <summary>Which recorded event payloads are questions for StudyBot.</summary>
public sealed class QuestionFilterTests
{
    private static readonly BotIdentity Bot = new("U0LAN0Z89", "B0STUDYBOT", "T123ABC456");
    private static readonly SlackChannelSettings MentionsOnly = new(MentionsOnly: true, null);
    private static readonly SlackChannelSettings Open = new(MentionsOnly: false, null);

    private static SlackEvent Fixture(string file, Action<System.Text.Json.Nodes.JsonObject>? edit = null)
    {
        var body = SlackFixtures.Json("events", file);
        edit?.Invoke(body["event"]!.AsObject());
        return JsonSerializer.Deserialize(body.ToJsonString(), SlackJson.Default.EventCallback)!.Event!;
    }

    [Theory]
    [InlineData("app_mention.event_callback.slack_docs.json")]
    [InlineData("app_mention.event_callback.bolt_python.json")]
    public void Classify_AppMention_IsAQuestion(string file) =>
        Assert.Equal(QuestionKind.Question, QuestionFilter.Classify(Fixture(file), MentionsOnly, Bot));

    [Theory]
    [InlineData("message_im.event_callback.slack_docs.json")]
    [InlineData("message_im.event_callback.botbuilder.json")]
    public void Classify_DirectMessage_IsAQuestion(string file) =>
        Assert.Equal(QuestionKind.Question, QuestionFilter.Classify(Fixture(file), MentionsOnly, Bot));

    [Fact]
    public void Classify_FileShareSubtype_IsIgnored() =>
        Assert.Equal(QuestionKind.None, QuestionFilter.Classify(Fixture("message_file_share.event_callback.botbuilder.json"), MentionsOnly, Bot));

    [Fact]
    public void Classify_BotsOwnMessage_IsIgnored() =>
        Assert.Equal(QuestionKind.None, QuestionFilter.Classify(Fixture("message_im.event_callback.slack_docs.json", e => e["user"] = Bot.UserId), MentionsOnly, Bot));

    [Fact]
    public void Classify_OtherBotsMessage_IsIgnored() =>
        Assert.Equal(QuestionKind.None, QuestionFilter.Classify(Fixture("message_im.event_callback.slack_docs.json", e => e["bot_id"] = "B999"), MentionsOnly, Bot));

    [Theory]
    [InlineData("message_changed")]
    [InlineData("message_deleted")]
    [InlineData("bot_message")]
    [InlineData("channel_join")]
    public void Classify_EditsAndOtherSubtypes_AreIgnored(string subtype) =>
        Assert.Equal(QuestionKind.None, QuestionFilter.Classify(Fixture("message_im.event_callback.slack_docs.json", e => e["subtype"] = subtype), MentionsOnly, Bot));

    [Fact]
    public void Classify_ChannelMessageWithoutMention_DependsOnTheChannel()
    {
        var e = Fixture("message_im.event_callback.slack_docs.json", e => { e["channel_type"] = "channel"; e["channel"] = "C1"; });

        Assert.Equal(QuestionKind.None, QuestionFilter.Classify(e, MentionsOnly, Bot));
        Assert.Equal(QuestionKind.Question, QuestionFilter.Classify(e, Open, Bot));
    }

    [Fact]
    public void Classify_ChannelMessageMentioningTheBot_IsLeftToItsAppMention()
    {
        var e = Fixture("message_im.event_callback.slack_docs.json", e => { e["channel_type"] = "channel"; e["channel"] = "C1"; e["text"] = "<@U0LAN0Z89> hi"; });

        Assert.Equal(QuestionKind.None, QuestionFilter.Classify(e, Open, Bot));
    }

    [Fact]
    public void Classify_ThreadReplyWithoutMention_IsAFollowUpIfStudyBotIsInTheThread()
    {
        var e = Fixture("message_im.event_callback.slack_docs.json", e => { e["channel_type"] = "channel"; e["channel"] = "C1"; e["thread_ts"] = "1355517500.000001"; });

        Assert.Equal(QuestionKind.FollowUpIfInThread, QuestionFilter.Classify(e, MentionsOnly, Bot));
    }

    [Fact]
    public void Classify_MentionInADirectMessage_IsLeftToTheMessageEvent()
    {
        var e = Fixture("app_mention.event_callback.slack_docs.json", e => e["channel"] = "D024BE91L");

        Assert.Equal(QuestionKind.None, QuestionFilter.Classify(e, MentionsOnly, Bot));
    }
}

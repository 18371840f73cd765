using System.Text;
using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Teams.Configuration;
using StudyBot.Teams.Handling;
using StudyBot.Teams.Tests.Infrastructure;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Tests;

public sealed class ActivityParserTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    [Theory]
    [InlineData(TeamsActivities.ChannelMention, "message")]
    [InlineData(TeamsActivities.Personal, "message")]
    [InlineData(TeamsActivities.SubmitMessage, "message")]
    [InlineData(TeamsActivities.CardActionInvoke, "invoke")]
    [InlineData("invoke.fromActionSubmit_msteamsInvoke.json", "invoke")]
    [InlineData(TeamsActivities.TeamMemberAdded, "conversationUpdate")]
    [InlineData(TeamsActivities.GroupMembersAdded, "conversationUpdate")]
    [InlineData(TeamsActivities.ChannelCreated, "conversationUpdate")]
    public void Parse_RecordedActivity_ReadsTypeAndWhere(string fixture, string type)
    {
        var result = ActivityParser.Parse(Encoding.UTF8.GetBytes(TeamsActivities.Load(fixture, ServiceUrl).ToJsonString()));

        Assert.Null(result.Error);
        Assert.Equal(type, result.Activity!.Type);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", TeamsScope.Of(result.Activity).TenantId);
    }

    [Fact]
    public void Parse_RecordedChannelMention_KeepsTeamAndChannelIds()
    {
        var activity = ActivityParser.Parse(Encoding.UTF8.GetBytes(TeamsActivities.Load(TeamsActivities.ChannelMention, ServiceUrl).ToJsonString())).Activity!;

        var scope = TeamsScope.Of(activity);
        Assert.Equal("19:097e6717fd7245bdbeba6baa13840db8@thread.skype", scope.TeamId);
        Assert.Equal("19:097e6717fd7245bdbeba6baa13840db8@thread.skype", scope.ChannelId);
        Assert.Equal("channel", scope.ConversationType);
    }

    [Fact]
    public void Translate_RecordedChannelMention_MessageKeepsTenantTeamAndChannel()
    {
        var activity = ActivityParser.Parse(Encoding.UTF8.GetBytes(TeamsActivities.Load(TeamsActivities.ChannelMention, ServiceUrl).ToJsonString())).Activity!;

        var message = new IncomingTranslator(Options.Create(new TeamsOptions())).Message(activity, "What is QLoRA?");

        Assert.Equal(
            new MessageOrigin("72f988bf-86f1-41af-91ab-2d7cd011db47", "19:097e6717fd7245bdbeba6baa13840db8@thread.skype", "19:097e6717fd7245bdbeba6baa13840db8@thread.skype"),
            message.Origin);
    }

    [Theory]
    [InlineData("{not json", "not a valid activity")]
    [InlineData("[1, 2]", "not a valid activity")]
    [InlineData("null", "not a JSON object")]
    [InlineData("""{"type":"message","id":"1","channelId":"msteams","conversation":{"id":"c"},"from":{"id":"u"}}""", "'serviceUrl'")]
    [InlineData("""{"type":"message","id":"1","channelId":"msteams","serviceUrl":"ftp://x/","conversation":{"id":"c"},"from":{"id":"u"}}""", "absolute http(s) URL")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"https://x/","conversation":{"id":"c"},"from":{"id":"u"}}""", "'id'")]
    [InlineData("""{"type":"message","id":"1","channelId":"msteams","serviceUrl":"https://x/","from":{"id":"u"}}""", "'conversation.id'")]
    [InlineData("""{"id":"1","channelId":"msteams","serviceUrl":"https://x/"}""", "'type'")]
    public void Parse_MalformedBody_FailsWithAReason(string body, string reason)
    {
        var result = ActivityParser.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Null(result.Activity);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }
}

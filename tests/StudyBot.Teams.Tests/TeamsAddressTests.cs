using System.Text;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Tests.Infrastructure;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Tests;

public sealed class TeamsAddressTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private static Activity Recorded(string fixture) =>
        ActivityParser.Parse(Encoding.UTF8.GetBytes(TeamsActivities.Load(fixture, ServiceUrl).ToJsonString())).Activity!;

    [Theory]
    [InlineData(TeamsActivities.ChannelMention, "19:097e6717fd7245bdbeba6baa13840db8@thread.skype", "1571540169848")]
    [InlineData(TeamsActivities.CardActionInvoke, "19:097e6717fd7245bdbeba6baa13840db8@thread.skype", "1571537152320")]
    [InlineData(TeamsActivities.Personal, "a:1VF4K2uXl-hg-wn2SSWJZYK7Cqox93Xp82wekVXkbOSaJo1L8hynrdocgKu3ydRKxx6P5_u9d8yFcLjugHuhCQ7xmn25K18NfzjiKSskzi5OX0bbe2nRrNJorygvjUL4v", null)]
    public void Of_RecordedActivity_ChannelIsTheSpaceAndTheThreadRootItsThread(string fixture, string space, string? thread)
    {
        var address = TeamsAddress.Of(Recorded(fixture));

        Assert.Equal(("teams", space, thread), (address.Channel, address.Space, address.Thread));
    }

    [Fact]
    public void ReferenceOf_AddressOfAChannelThread_PostsBackIntoTheThreadThroughItsServiceUrl()
    {
        var activity = Recorded(TeamsActivities.ChannelMention);

        var reference = TeamsAddress.ReferenceOf(TeamsAddress.Of(activity));

        Assert.Equal(ServiceUrl, reference.ServiceUrl);
        Assert.Equal("19:097e6717fd7245bdbeba6baa13840db8@thread.skype;messageid=1571540169848", reference.ConversationId);
        Assert.Equal("28:eac5e5c6-ab14-4f50-80cb-49213fe51b1a", reference.Bot?.Id);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", reference.Conversation.TenantId);
    }

    [Fact]
    public void ReferenceOf_AddressWithoutAReference_IsRefusedWithItsConversation()
    {
        var error = Assert.Throws<ArgumentException>(() => TeamsAddress.ReferenceOf(new("teams", "19:abc@thread.tacv2", "17")));

        Assert.Contains("19:abc@thread.tacv2:17", error.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using StudyBot.Teams.Handling;
using StudyBot.Teams.Tests.Infrastructure;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Tests;

public sealed class MentionTextTests
{
    private static Activity Fixture(string name) =>
        JsonSerializer.Deserialize(TeamsActivities.Load(name, "https://smba.trafficmanager.net/amer/").ToJsonString(), TeamsJson.Default.Activity)!;

    [Fact]
    public void Strip_RecordedChannelMention_RemovesTheBotsAtTag()
    {
        Assert.Equal("show members", MentionText.Strip(Fixture(TeamsActivities.ChannelMention)));
    }

    [Fact]
    public void Strip_RecordedPersonalChat_KeepsTheText()
    {
        Assert.Equal("file", MentionText.Strip(Fixture(TeamsActivities.Personal)));
    }

    [Fact]
    public void Strip_MentionOfAnotherPerson_KeepsTheirName()
    {
        var activity = Fixture(TeamsActivities.ChannelMention);
        activity.Text = "<at>My Combined</at> what did <at>Megan Bowen</at> write about QLoRA?";
        activity.Entities!.Add(new Entity { Type = "mention", Text = "<at>Megan Bowen</at>", Mentioned = new ChannelAccount { Id = "29:megan", Name = "Megan Bowen" } });

        Assert.Equal("what did Megan Bowen write about QLoRA?", MentionText.Strip(activity));
    }

    [Fact]
    public void Strip_HtmlEntitiesAndLineBreaks_DecodedAndCollapsed()
    {
        var activity = Fixture(TeamsActivities.ChannelMention);
        activity.Text = "<at>My Combined</at>&nbsp;What is\n\nQLoRA &amp; LoRA?";

        Assert.Equal("What is QLoRA & LoRA?", MentionText.Strip(activity));
    }
}

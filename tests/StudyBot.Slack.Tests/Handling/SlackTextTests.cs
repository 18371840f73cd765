using StudyBot.Slack.Handling;



namespace StudyBot.Slack.Tests.Handling;

public sealed class SlackTextTests
{
    [Fact]
    public void ToPlain_MentionOfTheBot_IsRemoved()
    {
        var text = (string)SlackFixtures.Json("events", "app_mention.event_callback.slack_docs.json")["event"]!["text"]!;

        Assert.Equal("is it everything a river should be?", SlackText.ToPlain(text, "U0LAN0Z89"));
    }

    [Fact]
    public void ToPlain_LinksMentionsAndEntities_BecomeReadableText()
    {
        const string text = "<@U0LAN0Z89> ask <@W222|alice> in <#C111|general> about <https://x.test/a|the docs> &amp; <https://y.test> &lt;3 <!here>";

        Assert.Equal("ask @alice in #general about the docs & https://y.test <3 @here", SlackText.ToPlain(text, "U0LAN0Z89"));
    }
}

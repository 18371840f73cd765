using System.ComponentModel.DataAnnotations;
using StudyBot.Slack.Configuration;

namespace StudyBot.Slack.Tests.Configuration;

public sealed class SlackOptionsTests
{
    private static List<string> Errors(SlackOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }

    [Fact]
    public void Validate_HttpModeWithTokenAndSecret_IsValid() =>
        Assert.Empty(Errors(new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s" }));

    [Fact]
    public void Validate_SocketModeWithoutSigningSecret_IsValid() =>
        Assert.Empty(Errors(new SlackOptions { BotToken = "xoxb-1", AppToken = "xapp-1" }));

    [Theory]
    [InlineData("xoxb-1", null, "xoxb-2", "StudyBot:Slack:AppToken must be an app-level token starting with xapp-")]
    [InlineData("xapp-1", "s", null, "StudyBot:Slack:BotToken must be a bot token starting with xoxb-")]
    [InlineData("xoxb-1", null, null, "StudyBot:Slack:SigningSecret is required unless AppToken switches on Socket Mode")]
    public void Validate_MisplacedOrMissingCredential_NamesTheKey(string botToken, string? secret, string? appToken, string expected) =>
        Assert.Contains(Errors(new SlackOptions { BotToken = botToken, SigningSecret = secret, AppToken = appToken }), e => e.StartsWith(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("slack.com/api")]
    [InlineData("ftp://slack.com/api/")]
    public void Validate_RelativeOrNonHttpApiBaseUrl_IsRejected(string url) =>
        Assert.Contains(Errors(new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s", ApiBaseUrl = url }), e => e.Contains("ApiBaseUrl", StringComparison.Ordinal));

    [Fact]
    public void ForChannel_ListedChannel_OverridesTheDefaults()
    {
        var options = new SlackOptions { MentionsOnly = true, Sources = ["knowledge"] };
        options.Channels["C1"] = new SlackChannelOptions { MentionsOnly = false, Sources = ["handbook"] };
        options.Channels["C2"] = new SlackChannelOptions { MentionsOnly = false };

        Assert.Equal(new SlackChannelSettings(false, ["handbook"]).Sources, options.ForChannel("C1").Sources);
        Assert.False(options.ForChannel("C1").MentionsOnly);
        Assert.Equal(["knowledge"], options.ForChannel("C2").Sources!);
        Assert.True(options.ForChannel("C3").MentionsOnly);
        Assert.Null(new SlackOptions().ForChannel("C3").Sources);
    }
}

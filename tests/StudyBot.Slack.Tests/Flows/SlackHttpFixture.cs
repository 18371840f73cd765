namespace StudyBot.Slack.Tests.Flows;

/// <summary>One fake Slack and one real host in HTTP mode, shared by a test class; tests keep apart by channel.</summary>
public sealed class SlackHttpFixture : IAsyncLifetime
{
    public const string OpenChannel = "COPEN00001";
    public const string VectorsChannel = "CVECTORS01";
    public const string AdminUser = "UADMIN0001";

    internal SlackTestBed Bed { get; private set; } = null!;

    internal SlackTestHost Host { get; private set; } = null!;

    internal Fakes.FakeSlackApi Slack => Bed.Slack;

    public async Task InitializeAsync()
    {
        Bed = await SlackTestBed.StartAsync();
        Host = await Bed.StartHostAsync(
            ($"StudyBot:Slack:Channels:{OpenChannel}:MentionsOnly", "false"),
            ($"StudyBot:Slack:Channels:{VectorsChannel}:Sources:0", "vectors"),
            ("StudyBot:Slack:AdminUserIds:0", AdminUser),
            ("StudyBot:Slack:PublicBaseUrl", "https://studybot.example.com"));
    }

    public async Task DisposeAsync() => await Bed.DisposeAsync();
}

using StudyBot.Slack.Shortcuts;
using StudyBot.Tests;
using YamlDotNet.RepresentationModel;

namespace StudyBot.Slack.Tests.Infra;

/// <summary>infra/slack manifests ask for what the adapter uses: its routes, events and scopes.</summary>
public sealed class ManifestTests
{
    private static readonly string[] Scopes =
        ["app_mentions:read", "assistant:write", "channels:history", "groups:history", "im:history", "mpim:history", "chat:write", "commands", "reactions:write"];

    private static readonly string[] Events = ["app_mention", "assistant_thread_started", "assistant_thread_context_changed", "message.channels", "message.groups", "message.im", "message.mpim", "app_home_opened"];

    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(TestPaths.RepositoryRoot, "infra", "slack", file));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string? Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value;

    private static bool Has(YamlNode node, params string[] path)
    {
        try
        {
            At(node, path);
            return true;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }

    private static IEnumerable<string?> Sequence(YamlNode node, params string[] path) =>
        ((YamlSequenceNode)At(node, path)).Children.Select(c => ((YamlScalarNode)c).Value);

    [Theory]
    [InlineData("manifest.yaml")]
    [InlineData("manifest.socket-mode.yaml")]
    public void Manifest_ScopesEventsAndCommand_CoverWhatTheAdapterUses(string file)
    {
        var manifest = Load(file);

        Assert.Equal(Scopes.Order(), Sequence(manifest, "oauth_config", "scopes", "bot").Order());
        Assert.Equal(Events.Order(), Sequence(manifest, "settings", "event_subscriptions", "bot_events").Order());
        var command = ((YamlSequenceNode)At(manifest, "features", "slash_commands")).Children.Single();
        Assert.Equal("/studybot", Scalar(command, "command"));
        Assert.Equal("true", Scalar(manifest, "settings", "interactivity", "is_enabled"));
        Assert.Equal("true", Scalar(manifest, "features", "app_home", "messages_tab_enabled"));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(manifest, "features", "assistant_view", "assistant_description")));
        var shortcut = ((YamlSequenceNode)At(manifest, "features", "shortcuts")).Children.Single();
        Assert.Equal(("message", "ask_studybot"), (Scalar(shortcut, "type"), Scalar(shortcut, "callback_id")));
        Assert.Equal("true", Scalar(manifest, "features", "app_home", "home_tab_enabled"));
    }

    [Theory]
    [InlineData("manifest.yaml")]
    [InlineData("manifest.socket-mode.yaml")]
    public void Manifest_Shortcut_IsWithinSlacksLimitsAndIsTheOneTheAdapterHandles(string file)
    {
        // Slack's limits on a manifest shortcut (Fixtures/manifest/shortcut.json; SOURCES.md names where they come from).
        var limits = SlackFixtures.Documented("manifest", "shortcut.json");
        var shortcut = ((YamlSequenceNode)At(Load(file), "features", "shortcuts")).Children.Single();

        Assert.All(limits["required"]!.AsArray(), field => Assert.False(string.IsNullOrWhiteSpace(Scalar(shortcut, (string)field!))));
        Assert.All(limits["max_length"]!.AsObject(), limit =>
            Assert.True(Scalar(shortcut, limit.Key)!.Length <= (int)limit.Value!, $"{limit.Key} \"{Scalar(shortcut, limit.Key)}\" is longer than {(int)limit.Value!} characters"));
        Assert.Equal(MessageShortcut.CallbackId, Scalar(shortcut, "callback_id"));
    }

    [Fact]
    public void HttpManifest_RequestUrls_PointAtTheMappedRoutes()
    {
        var manifest = Load("manifest.yaml");

        Assert.Equal("false", Scalar(manifest, "settings", "socket_mode_enabled"));
        Assert.EndsWith("/slack/events", Scalar(manifest, "settings", "event_subscriptions", "request_url"), StringComparison.Ordinal);
        Assert.EndsWith("/slack/interactions", Scalar(manifest, "settings", "interactivity", "request_url"), StringComparison.Ordinal);
        Assert.EndsWith("/slack/commands", Scalar(((YamlSequenceNode)At(manifest, "features", "slash_commands")).Children[0], "url"), StringComparison.Ordinal);
    }

    [Fact]
    public void SocketModeManifest_EnablesSocketModeWithoutRequestUrls()
    {
        var manifest = Load("manifest.socket-mode.yaml");

        Assert.Equal("true", Scalar(manifest, "settings", "socket_mode_enabled"));
        Assert.False(Has(manifest, "settings", "event_subscriptions", "request_url"));
        Assert.False(Has(manifest, "settings", "interactivity", "request_url"));
        Assert.False(Has(((YamlSequenceNode)At(manifest, "features", "slash_commands")).Children[0], "url"));
    }
}

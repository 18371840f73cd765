using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Slack.Api;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Api;

/// <summary>The Web API client as AddStudyBotSlack registers it (resilience included), against the fake Slack.</summary>
public sealed class SlackApiClientTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _logs = new();
    private FakeSlackApi _slack = null!;
    private ServiceProvider _services = null!;

    private SlackApiClient Client => _services.GetRequiredService<SlackApiClient>();

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StudyBot:Slack:BotToken"] = SlackTestHost.BotToken,
            ["StudyBot:Slack:SigningSecret"] = SlackFixtures.SigningSecret,
            ["StudyBot:Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString(),
        });
        builder.AddStudyBotSlack();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(_logs));
        _services = (ServiceProvider)builder.Build().Services;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task PostMessage_RecordedRateLimit429_WaitsForRetryAfterThenPostsOnce()
    {
        _slack.EnqueueRateLimit("chat.postMessage");

        var posted = await Client.PostMessageAsync(new PostMessageRequest("C1", "hello", [new SectionBlock(TextObject.Mrkdwn("hello"))]), CancellationToken.None);

        Assert.Equal("C1", posted.Channel);
        Assert.False(string.IsNullOrEmpty(posted.Ts));
        Assert.Equal([429, 200], _slack.CallsTo("chat.postMessage").Select(c => c.Status));
        Assert.Single(_slack.Threads.Replies("C1", posted.Ts!));
    }

    [Fact]
    public async Task PostMessage_RecordedOkFalse_ThrowsWithMethodAndErrorCode()
    {
        _slack.Enqueue("chat.postMessage", 200, new Dictionary<string, string>(), SlackFixtures.Text("web_api", "chat.postMessage.response.error.json"));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostMessageAsync(new PostMessageRequest("C1", "hello"), CancellationToken.None));

        Assert.Equal("chat.postMessage", error.Method);
        Assert.Equal("too_many_attachments", error.Error);
        Assert.False(error.IsTransient);
        Assert.Contains(_logs, l => l.Contains("chat.postMessage", StringComparison.Ordinal) && l.Contains("too_many_attachments", StringComparison.Ordinal));
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task PostMessage_ServerError_IsNotRetriedBecausePostingIsNotIdempotent()
    {
        _slack.Enqueue("chat.postMessage", 503, new Dictionary<string, string>(), "upstream down");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostMessageAsync(new PostMessageRequest("C1", "hello"), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Update_ServerError_IsRetriedBecauseUpdatingIsIdempotent()
    {
        var posted = await Client.PostMessageAsync(new PostMessageRequest("C1", "working"), CancellationToken.None);
        _slack.Enqueue("chat.update", 503, new Dictionary<string, string>(), "upstream down");

        await Client.UpdateMessageAsync(new UpdateMessageRequest("C1", posted.Ts!, "done"), CancellationToken.None);

        Assert.Equal([503, 200], _slack.CallsTo("chat.update").Select(c => c.Status));
    }

    [Fact]
    public async Task AuthTest_ReturnsTheBotsIdentity()
    {
        var me = await Client.AuthTestAsync(CancellationToken.None);

        Assert.Equal(FakeSlackApi.BotUserId, me.UserId);
        Assert.Equal(FakeSlackApi.BotId, me.BotId);
    }

    [Fact]
    public async Task Calls_AtEveryLogLevel_NeverLogTheToken()
    {
        _slack.EnqueueRateLimit("chat.postMessage");
        await Client.AuthTestAsync(CancellationToken.None);
        await Client.PostMessageAsync(new PostMessageRequest("C1", "hello"), CancellationToken.None);
        await Assert.ThrowsAsync<SlackApiException>(() => Client.OpenConnectionAsync(CancellationToken.None));

        Assert.Equal("Bearer " + SlackTestHost.BotToken, _slack.CallsTo("auth.test").Single().Authorization);
        Assert.NotEmpty(_logs);
        Assert.DoesNotContain(_logs, l => l.Contains("xoxb-", StringComparison.Ordinal) || l.Contains(SlackFixtures.SigningSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddReaction_AlreadyReacted_CountsAsDone()
    {
        _slack.Enqueue("reactions.add", 200, new Dictionary<string, string>(), """{"ok":false,"error":"already_reacted"}""");

        await Client.AddReactionAsync(new AddReactionRequest("C1", "1.2", "eyes"), CancellationToken.None);

        Assert.Single(_slack.CallsTo("reactions.add"));
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(logs, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<string> logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            logs.Enqueue($"{category}: {formatter(state, exception)} {structured} {exception}");
        }
    }
}

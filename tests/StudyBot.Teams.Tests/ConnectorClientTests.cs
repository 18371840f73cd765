using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Teams.Api;
using StudyBot.Teams.Authentication;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Tests.Infrastructure;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Tests;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private IHost _services = null!;
    private AsyncServiceScope _scope;

    private ConnectorClient Client => _scope.ServiceProvider.GetRequiredService<ConnectorClient>();

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _services = TeamsServices.Build(TimeProvider.System, TeamsServices.Settings(null, _connector));
        _scope = _services.Services.CreateAsyncScope();
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        _services.Dispose();
        await _connector.DisposeAsync();
    }

    /// <summary>The conversation of the recorded outbound reply, on the local Connector.</summary>
    private ConversationReference RecordedConversation(bool trust = true)
    {
        var activity = System.Text.Json.JsonSerializer.Deserialize(
            TeamsActivities.Load(TeamsActivities.SubmitMessage, _connector.ServiceUrl).ToJsonString(), TeamsJson.Default.Activity)!;
        if (trust)
        {
            _services.Services.GetRequiredService<TrustedServiceUrls>().Trust(_connector.ServiceUrl);
        }

        return ConversationReference.Of(activity);
    }

    private static Activity Card() => AdaptiveCard.Message(NoticeCard.Render("Bot Builder actions"));

    [Fact]
    public async Task Reply_RecordedConversation_PostsToTheRecordedPathWithTheAppToken()
    {
        var id = await Client.ReplyAsync(RecordedConversation(), "1571537152320", Card(), CancellationToken.None);

        var recorded = JsonNode.Parse(TeamsActivities.Text(Path.Combine("recordings", "outbound.sendToConversation.adaptiveCard.reply.json")))!;
        var call = Assert.Single(_connector.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal(recorded["path"]!.GetValue<string>(), call.Path);
        Assert.Equal("Bearer connector-token-1", call.Authorization);
        Assert.Equal("1571537152320", call.ReplyToId);
        Assert.Equal(AdaptiveCard.ContentType, call.Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("28:eac5e5c6-ab14-4f50-80cb-49213fe51b1a", call.Body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("1:reply-1", id);
    }

    [Fact]
    public async Task Reply_ThrottledWithRetryAfter_RetriedAfterwards()
    {
        _connector.FailNext(429, retryAfter: "1");

        var id = await Client.ReplyAsync(RecordedConversation(), "1571537152320", Card(), CancellationToken.None);

        Assert.Equal(2, _connector.Calls.Count);
        Assert.NotNull(id);
    }

    [Fact]
    public async Task Reply_ServerError_NotSentAgainSinceTheConnectorMayHavePostedIt()
    {
        _connector.FailNext(503);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client.ReplyAsync(RecordedConversation(), "1571537152320", Card(), CancellationToken.None));

        Assert.False(error.IsPermanent);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task Update_ServerError_RetriedSinceReplacingAMessageTwiceIsHarmless()
    {
        _connector.FailNext(503);
        _connector.FailNext(500);

        await Client.UpdateAsync(RecordedConversation(), "1:reply-7", Card(), CancellationToken.None);

        Assert.Equal(["PUT", "PUT", "PUT"], _connector.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task Reply_ConversationGone_FailsPermanentlyWithoutRetry()
    {
        _connector.FailNext(404);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client.ReplyAsync(RecordedConversation(), "1571537152320", Card(), CancellationToken.None));

        Assert.True(error.IsPermanent);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task Reply_ServiceUrlNeverSeenInAnAuthenticatedActivity_NotCalled()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client.ReplyAsync(RecordedConversation(trust: false), "1", Card(), CancellationToken.None));

        Assert.Contains("not seen in an authenticated activity", error.Message, StringComparison.Ordinal);
        Assert.Empty(_connector.Calls);
        Assert.Equal(0, _connector.TokenRequests);
    }

    [Fact]
    public async Task Update_SentActivity_PutsToItsId()
    {
        await Client.UpdateAsync(RecordedConversation(), "1:reply-7", Card(), CancellationToken.None);

        var call = Assert.Single(_connector.Calls);
        Assert.Equal("PUT", call.Method);
        Assert.EndsWith("/activities/1%3Areply-7", call.Path, StringComparison.Ordinal);
        Assert.Equal("1:reply-7", call.Body!["id"]!.GetValue<string>());
    }
}

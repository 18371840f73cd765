using System.Net;
using StudyBot.Assistant.Tests.Fakes;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

/// <summary>
/// Answers from a chat model through the real host: streamed into personal chats with Teams' streaminfo
/// entity (informative and streaming typing updates, then the final message), one message elsewhere.
/// </summary>
public sealed class StreamingTests : IAsyncLifetime
{
    internal const string Supported = "QLoRA freezes the pretrained model in 4-bit NormalFloat quantization and trains LoRA adapters [1].";
    internal const string Second = "The paper shows that QLoRA makes it feasible to fine-tune a 65B-parameter model on a single 48 GB GPU [1].";
    private OpenIdAuthority _authority = null!;
    private FakeConnector _connector = null!;
    private FakeOpenAI _model = null!;
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        _authority = await OpenIdAuthority.StartBotFrameworkAsync();
        _connector = await FakeConnector.StartAsync();
        _model = await FakeOpenAI.StartAsync();
        _host = new TeamsHost(_authority, _connector, new Dictionary<string, string?>
        {
            ["StudyBot:Llm:Provider"] = "OpenAICompatible",
            ["StudyBot:Llm:Endpoint"] = _model.BaseUrl + "/v1",
            ["StudyBot:Llm:ChatModel"] = "llama3.1",
            ["StudyBot:Teams:StreamInterval"] = "00:00:00",
        });
        await _host.WaitForIngestionAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _model.DisposeAsync();
        await _connector.DisposeAsync();
        await _authority.DisposeAsync();
    }

    /// <summary>The model searches, then writes two supported sentences word by word.</summary>
    private void ScriptAnswer()
    {
        _model.ToolCalls(("call_1", "knowledge_search", """{"query":"QLoRA 4-bit NormalFloat LoRA adapters"}"""));
        _model.Answer(Supported + " " + Second, TimeSpan.FromMilliseconds(20));
    }

    private async Task<(string Id, RecordedCall Final)> AskInPersonalChatAsync()
    {
        var id = $"personal-{Guid.NewGuid():N}";
        var activity = TeamsActivities.Load(TeamsActivities.Personal, _connector.ServiceUrl, id);
        activity["text"] = "What is QLoRA?";
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(activity, _authority.IssueToken(TeamsActivities.BotAppId, _connector.ServiceUrl))).StatusCode);
        return (id, await _connector.WaitForReplyAsync(id));
    }

    [Fact]
    public async Task PersonalChat_ModelAnswer_StreamsInformativeThenTextUpdatesAndEndsWithTheFinalAIMessage()
    {
        ScriptAnswer();

        var (id, final) = await AskInPersonalChatAsync();

        var updates = _connector.Calls.Where(c => c.ReplyToId == id && c.Type == "typing" && c.StreamInfo is not null).ToList();
        Assert.NotEmpty(updates);
        Assert.Equal("informative", updates[0].StreamInfo!["streamType"]!.GetValue<string>());
        Assert.Equal("Searching the knowledge base…", updates[0].Text);
        Assert.Null(updates[0].StreamInfo!["streamId"]);
        // Numbered 1, 2, 3…; every update after the first names the stream: the first update's activity id.
        Assert.Equal(Enumerable.Range(1, updates.Count), updates.Select(u => u.StreamInfo!["streamSequence"]!.GetValue<int>()));
        var streamId = updates.Skip(1).Select(u => u.StreamInfo!["streamId"]!.GetValue<string>()).Distinct().Single();
        Assert.StartsWith("1:reply-", streamId, StringComparison.Ordinal);
        var text = updates.Where(u => u.StreamInfo!["streamType"]!.GetValue<string>() == "streaming").Select(u => u.Text).ToList();
        Assert.True(text.Count >= 2, "the answer's text streams in more than one update");
        Assert.All(text.Zip(text.Skip(1)), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.StartsWith(text[^1], Supported + " " + Second, StringComparison.Ordinal);

        Assert.Equal("message", final.Type);
        Assert.Equal("final", final.StreamInfo!["streamType"]!.GetValue<string>());
        Assert.Equal(streamId, final.StreamInfo["streamId"]!.GetValue<string>());
        Assert.Null(final.StreamInfo["streamSequence"]);
        Assert.Contains(Supported, final.Text, StringComparison.Ordinal);
        Assert.Equal("AIGeneratedContent", final.AiEntity!["additionalType"]![0]!.GetValue<string>());
        Assert.True(_connector.Calls.ToList().IndexOf(final) > _connector.Calls.ToList().IndexOf(updates[^1]));
    }

    [Fact]
    public async Task ChannelMention_ModelAnswer_TypingIndicatorAndOneMessageWithoutAStream()
    {
        ScriptAnswer();
        var id = $"mention-{Guid.NewGuid():N}";

        await _host.PostActivityAsync(TeamsActivities.Mention(_connector.ServiceUrl, id, "What is QLoRA?"), _authority.IssueToken(TeamsActivities.BotAppId, _connector.ServiceUrl));
        var reply = await _connector.WaitForReplyAsync(id);

        Assert.Contains(Supported, reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.StreamInfo);
        Assert.DoesNotContain(_connector.Calls, c => c.StreamInfo is not null && c.Body!["conversation"]!["id"]!.GetValue<string>() == reply.Body!["conversation"]!["id"]!.GetValue<string>());
        Assert.Contains(_connector.Calls, c => c.Type == "typing" && c.Path == reply.Path[..reply.Path.LastIndexOf('/')]);
    }

    [Fact]
    public async Task PersonalChat_TeamsRefusesTheStream_AnswerArrivesAsOneOrdinaryMessage()
    {
        _connector.RefuseStreams = true;
        try
        {
            ScriptAnswer();

            var (_, final) = await AskInPersonalChatAsync();

            Assert.Contains(Supported, final.Text, StringComparison.Ordinal);
            Assert.Null(final.StreamInfo);
            Assert.NotNull(final.AiEntity);
        }
        finally
        {
            _connector.RefuseStreams = false;
        }
    }
}

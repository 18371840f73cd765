using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using StudyBot.Slack.Authentication;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>POST /slack/events through the real host: verification, intake, and replies seen by the fake Slack.</summary>
public sealed class EventsTests(SlackHttpFixture fixture) : IClassFixture<SlackHttpFixture>
{
    private const string Mention = "app_mention.event_callback.slack_docs.json";
    private const string DirectMessage = "message_im.event_callback.slack_docs.json";
    private readonly SlackTestHost _host = fixture.Host;
    private readonly FakeSlackApi _slack = fixture.Slack;

    private static string Ts(JsonObject callback) => (string)callback["event"]!["ts"]!;

    private Task<FakeSlackCall> AnswerInAsync(string channel) => AnswerInAsync(channel, 1);

    private async Task<FakeSlackCall> AnswerInAsync(string channel, int count) =>
        (await _slack.WaitForAsync("chat.update", c => c.String("channel") == channel, count)).Last(c => c.Method == "chat.update" && c.String("channel") == channel);

    /// <summary>Delivers a question in a fresh channel and waits for its answer: proof that everything delivered before it was processed.</summary>
    private async Task BarrierAsync()
    {
        var channel = SlackFixtures.NewChannel();
        await _host.DeliverAsync(SlackFixtures.Event(Mention, "<@U0LAN0Z89> What is HNSW?", channel));
        await AnswerInAsync(channel);
    }

    private int PostsIn(string channel) => _slack.CallsTo("chat.postMessage").Count(c => c.String("channel") == channel);

    [Fact]
    public async Task UrlVerification_RecordedPayload_EchoesTheChallenge()
    {
        var body = SlackFixtures.Text("events", "url_verification.botbuilder.json");

        var response = await _host.PostSignedAsync("/slack/events", body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var challenge = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!.GetValue<string>();
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", challenge);
    }

    public static TheoryData<string> Forgeries => ["wrong secret", "tampered body", "stale timestamp", "missing timestamp", "missing signature"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Events_ForgedOrUnsignedRequest_Returns401AndIsNotAnswered(string forgery)
    {
        var channel = SlackFixtures.NewChannel();
        var body = SlackFixtures.Event(Mention, "<@U0LAN0Z89> What is QLoRA?", channel).ToJsonString();
        var (timestamp, signature) = forgery switch
        {
            "wrong secret" => SlackFixtures.Sign(body, "some-other-secret"),
            "stale timestamp" => SlackFixtures.Sign(body, at: DateTimeOffset.UtcNow.AddMinutes(-6)),
            _ => SlackFixtures.Sign(body),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events")
        {
            Content = new StringContent(forgery == "tampered body" ? body.Replace("QLoRA", "LoRA", StringComparison.Ordinal) : body, Encoding.UTF8, "application/json"),
        };
        if (forgery != "missing timestamp")
        {
            request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        }

        if (forgery != "missing signature")
        {
            request.Headers.Add(SlackSignatureVerifier.SignatureHeader, signature);
        }

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await BarrierAsync();
        Assert.Equal(0, PostsIn(channel));
    }

    [Theory]
    [InlineData("{\"type\":\"event_callback\",")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    public async Task Events_SignedMalformedJson_Returns400WithTheReason(string body)
    {
        var response = await _host.PostSignedAsync("/slack/events", body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not an Events API JSON object", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppMention_QuestionInTheKnowledgeBase_RepliesInItsThreadWithCitationsAndFeedbackButtons()
    {
        var channel = SlackFixtures.NewChannel();
        var callback = SlackFixtures.Event(Mention, "<@U0LAN0Z89> What is QLoRA?", channel);

        var response = await _host.DeliverAsync(callback);
        var answer = await AnswerInAsync(channel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var placeholder = Assert.Single(_slack.CallsTo("chat.postMessage"), c => c.String("channel") == channel);
        Assert.Equal(Ts(callback), placeholder.String("thread_ts"));
        Assert.Equal((string)callback["event_id"]!, placeholder.Json.GetProperty("metadata").GetProperty("event_payload").GetProperty("event_id").GetString());
        Assert.Equal("Bearer " + SlackTestHost.BotToken, placeholder.Authorization);
        Assert.Equal(_slack.Threads.Replies(channel, Ts(callback)).Last()!["ts"]!.GetValue<string>(), answer.String("ts"));
        Assert.Contains("QLoRA", answer.String("text"), StringComparison.Ordinal);
        Assert.Contains("[1]", answer.BlockText, StringComparison.Ordinal);
        Assert.Contains("<https://studybot.example.com/api/sources/knowledge/files/fine-tuning.md?sig=", answer.BlockText, StringComparison.Ordinal);
        var blocks = answer.Json.GetProperty("blocks").EnumerateArray().ToList();
        var feedback = Assert.Single(blocks.Single(b => b.GetProperty("type").GetString() == "context_actions").GetProperty("elements").EnumerateArray());
        Assert.Equal(("feedback_buttons", "feedback"), (feedback.GetProperty("type").GetString(), feedback.GetProperty("action_id").GetString()));
        Assert.EndsWith("|up", feedback.GetProperty("positive_button").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("|down", feedback.GetProperty("negative_button").GetProperty("value").GetString(), StringComparison.Ordinal);
        var quiz = Assert.Single(blocks.Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements").EnumerateArray());
        Assert.Equal("quiz-on-answer", quiz.GetProperty("action_id").GetString());
    }

    [Theory]
    [InlineData("message_im.event_callback.slack_docs.json")]
    [InlineData("message_im.event_callback.botbuilder.json")]
    public async Task DirectMessage_Question_IsAnsweredInTheConversation(string file)
    {
        var channel = SlackFixtures.NewChannel('D');
        var callback = SlackFixtures.Event(file, "What is a vector database?", channel);

        await _host.DeliverAsync(callback);
        var answer = await AnswerInAsync(channel);

        Assert.Contains("vector-stores.md", answer.BlockText, StringComparison.Ordinal);
        Assert.Equal(Ts(callback), Assert.Single(_slack.CallsTo("chat.postMessage"), c => c.String("channel") == channel).String("thread_ts"));
    }

    [Fact]
    public async Task SameEvent_DeliveredTwice_IsAnsweredOnce()
    {
        var channel = SlackFixtures.NewChannel();
        var callback = SlackFixtures.Event(Mention, "<@U0LAN0Z89> What is LoRA?", channel);

        var first = await _host.DeliverAsync(callback);
        var redelivery = await _host.PostSignedAsync("/slack/events", callback.ToJsonString(), "application/json", retryNum: 1);
        await AnswerInAsync(channel);
        await BarrierAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        Assert.Equal(1, PostsIn(channel));
        Assert.Single(_slack.CallsTo("chat.update"), c => c.String("channel") == channel);
    }

    [Theory]
    [InlineData(DirectMessage, FakeSlackApi.BotUserId)]
    [InlineData("message_file_share.event_callback.botbuilder.json", null)]
    public async Task Message_FromStudyBotItselfOrWithASubtype_IsAcknowledgedAndIgnored(string file, string? user)
    {
        var channel = SlackFixtures.NewChannel('D');
        var callback = SlackFixtures.Event(file, "What is QLoRA?", channel, user: user);

        var response = await _host.DeliverAsync(callback);
        await BarrierAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, PostsIn(channel));
    }

    [Fact]
    public async Task FollowUp_InAThreadStudyBotAnswered_NeedsNoMentionAndUsesTheThread()
    {
        var channel = SlackFixtures.NewChannel();
        var question = SlackFixtures.Event(Mention, "<@U0LAN0Z89> What is QLoRA?", channel);
        await _host.DeliverAsync(question);
        await AnswerInAsync(channel);
        // One word of its own: the engine searches it together with the thread's earlier question.
        var followUp = SlackFixtures.Event(DirectMessage, "And the memory?", channel, threadTs: Ts(question));
        followUp["event"]!["channel_type"] = "channel";

        await _host.DeliverAsync(followUp);
        var answer = await AnswerInAsync(channel, count: 2);

        Assert.Contains(_slack.CallsTo("conversations.replies"), c => c.String("channel") == channel && c.String("ts") == Ts(question));
        Assert.Equal(2, PostsIn(channel));
        Assert.All(_slack.CallsTo("chat.postMessage").Where(c => c.String("channel") == channel), c => Assert.Equal(Ts(question), c.String("thread_ts")));
        // Answered from the page section the thread is about: its citation names QLoRA, though the quoted sentence may not.
        Assert.Contains("QLoRA", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreadReply_InAThreadWithoutStudyBot_IsNotAnswered()
    {
        var channel = SlackFixtures.NewChannel();
        var root = SlackFixtures.Event(DirectMessage, "Lunch at noon?", channel);
        root["event"]!["channel_type"] = "channel";
        await _host.DeliverAsync(root);
        var reply = SlackFixtures.Event(DirectMessage, "What is QLoRA?", channel, threadTs: Ts(root));
        reply["event"]!["channel_type"] = "channel";

        await _host.DeliverAsync(reply);
        await BarrierAsync();

        Assert.Contains(_slack.CallsTo("conversations.replies"), c => c.String("channel") == channel);
        Assert.Equal(0, PostsIn(channel));
    }

    [Fact]
    public async Task ChannelMessageWithoutMention_IsAnsweredOnlyWhereTheChannelIsNotMentionsOnly()
    {
        var quiet = SlackFixtures.NewChannel();
        foreach (var channel in new[] { quiet, SlackHttpFixture.OpenChannel })
        {
            var message = SlackFixtures.Event(DirectMessage, "What is QLoRA?", channel);
            message["event"]!["channel_type"] = "channel";
            await _host.DeliverAsync(message);
        }

        var answer = await AnswerInAsync(SlackHttpFixture.OpenChannel);
        await BarrierAsync();

        Assert.Contains("QLoRA", answer.String("text"), StringComparison.Ordinal);
        Assert.Equal(0, PostsIn(quiet));
    }

    [Fact]
    public async Task ChannelWithOwnSources_SearchesOnlyThoseSources()
    {
        await _host.DeliverAsync(SlackFixtures.Event(Mention, "<@U0LAN0Z89> What is QLoRA?", SlackHttpFixture.VectorsChannel));

        var answer = await AnswerInAsync(SlackHttpFixture.VectorsChannel);

        Assert.DoesNotContain("fine-tuning.md", answer.BlockText, StringComparison.Ordinal);
        Assert.DoesNotContain("/knowledge/", answer.BlockText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessage_RateLimitedWith429_WaitsRetryAfterAndPostsOnce()
    {
        var channel = SlackFixtures.NewChannel();
        _slack.EnqueueRateLimit("chat.postMessage");

        await _host.DeliverAsync(SlackFixtures.Event(Mention, "<@U0LAN0Z89> What is PEFT?", channel));
        await AnswerInAsync(channel);

        var posts = _slack.CallsTo("chat.postMessage").Where(c => c.String("channel") == channel).ToList();
        Assert.Equal([429, 200], posts.Select(p => p.Status));
        Assert.Single(_slack.Threads.Replies(channel, posts[0].String("thread_ts")!), m => (string?)m!["bot_id"] == FakeSlackApi.BotId);
    }

    [Fact]
    public async Task Update_FailingTransiently_IsRetriedOnThePlaceholderWithoutPostingAgain()
    {
        var channel = SlackFixtures.NewChannel();
        _slack.Enqueue("chat.update", 200, new Dictionary<string, string>(), """{"ok":false,"error":"internal_error"}""");

        await _host.DeliverAsync(SlackFixtures.Event(Mention, "<@U0LAN0Z89> What are LoRA adapters?", channel));
        var answer = await AnswerInAsync(channel, count: 2);

        Assert.Equal(1, PostsIn(channel));
        var placeholder = _slack.CallsTo("chat.postMessage").Single(c => c.String("channel") == channel);
        var ownMessage = Assert.Single(_slack.Threads.Replies(channel, placeholder.String("thread_ts")!), m => (string?)m!["bot_id"] == FakeSlackApi.BotId)!;
        var updates = _slack.CallsTo("chat.update").Where(c => c.String("channel") == channel).ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.Equal((string?)ownMessage["ts"], u.String("ts")));
        Assert.Contains("LoRA", answer.String("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_ByAnAdminInAThread_IsQueuedAndTheOutcomeIsPostedInThatThread()
    {
        var channel = SlackFixtures.NewChannel();
        var callback = SlackFixtures.Event(Mention, "<@U0LAN0Z89> reindex vectors", channel, user: SlackHttpFixture.AdminUser);

        await _host.DeliverAsync(callback);
        var acknowledgement = await AnswerInAsync(channel);
        var outcome = (await _slack.WaitForAsync("chat.postMessage", c => c.String("channel") == channel && IsOutcome(c)))
            .Single(c => c.Method == "chat.postMessage" && c.String("channel") == channel && IsOutcome(c));

        Assert.Contains("vectors: re-index queued", acknowledgement.BlockText, StringComparison.Ordinal);
        Assert.Contains("Re-index of vectors finished", outcome.String("text"), StringComparison.Ordinal);
        Assert.Equal(Ts(callback), outcome.String("thread_ts"));
    }

    [Fact]
    public async Task Reindex_ByAnyoneElse_IsPolitelyRefused()
    {
        var channel = SlackFixtures.NewChannel();

        await _host.DeliverAsync(SlackFixtures.Event(Mention, "<@U0LAN0Z89> reindex all", channel));
        var answer = await AnswerInAsync(channel);

        Assert.Contains("only StudyBot admins can re-index", answer.BlockText, StringComparison.Ordinal);
    }

    private static bool IsOutcome(FakeSlackCall call) => call.String("text")?.StartsWith("Re-index of", StringComparison.Ordinal) == true;
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Feedback;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

/// <summary>Recorded Teams activities through the real host: /api/messages, the inbox, the engine, the Connector.</summary>
public sealed class TeamsFlowTests(TeamsFlowFixture fixture) : IClassFixture<TeamsFlowFixture>
{
    private const string RecordedUser = "6b703ce3-6d14-4fe6-b90c-dc5f03657ae4";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private FakeConnector Connector => fixture.Connector;

    private TeamsHost Host => fixture.Host;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private async Task<RecordedCall> AskInChannelAsync(string id, string question)
    {
        var response = await Host.PostActivityAsync(TeamsActivities.Mention(Connector.ServiceUrl, id, question), fixture.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Connector.WaitForReplyAsync(id);
    }

    private static string Readable(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "";

    [Fact]
    public async Task ChannelMention_QuestionFromTheKnowledgeBase_ThreadedAIMessageWithCitationPopUpsAndFeedbackButtons()
    {
        var id = NewId("mention");

        var reply = await AskInChannelAsync(id, "What is QLoRA?");

        var conversation = Uri.EscapeDataString("19:097e6717fd7245bdbeba6baa13840db8@thread.skype;messageid=1571540169848");
        Assert.Equal($"/amer/v3/conversations/{conversation}/activities/{id}", reply.Path);
        Assert.StartsWith("Bearer connector-token-", reply.Authorization, StringComparison.Ordinal);
        Assert.Equal("markdown", reply.Body!["textFormat"]!.GetValue<string>());
        Assert.Contains("QLoRA", reply.Text, StringComparison.Ordinal);
        var ai = reply.AiEntity!;
        Assert.Equal("Message", ai["@type"]!.GetValue<string>());
        Assert.Equal("https://schema.org", ai["@context"]!.GetValue<string>());
        Assert.Equal("AIGeneratedContent", Assert.Single(ai["additionalType"]!.AsArray())!.GetValue<string>());
        var claims = ai["citation"]!.AsArray();
        Assert.NotEmpty(claims);
        foreach (var claim in claims)
        {
            // Every pop-up belongs to a [n] of the text, within the documented limits.
            Assert.Equal("Claim", claim!["@type"]!.GetValue<string>());
            Assert.Contains($"[{claim["position"]!.GetValue<int>()}]", reply.Text, StringComparison.Ordinal);
            var appearance = claim["appearance"]!;
            Assert.Equal("DigitalDocument", appearance["@type"]!.GetValue<string>());
            Assert.InRange(appearance["name"]!.GetValue<string>().Length, 1, 80);
            Assert.InRange(appearance["abstract"]!.GetValue<string>().Length, 1, 160);
            Assert.InRange(appearance["keywords"]!.AsArray().Count, 1, 3);
            Assert.All(appearance["keywords"]!.AsArray(), k => Assert.InRange(k!.GetValue<string>().Length, 1, 28));
        }

        Assert.Contains(claims, c => c!["appearance"]!["url"]!.GetValue<string>().StartsWith("https://studybot.example.com/api/sources/knowledge/files/fine-tuning.md?sig=", StringComparison.Ordinal));
        Assert.True(reply.Body!["channelData"]!["feedbackLoopEnabled"]!.GetValue<bool>());
        var calls = Connector.Calls.ToList();
        var typing = calls.FindIndex(c => c.Type == "typing" && c.Path == $"/amer/v3/conversations/{conversation}/activities");
        Assert.InRange(typing, 0, calls.IndexOf(reply) - 1);
    }

    [Theory]
    [InlineData("What is QLoRA?", "Dettmers")]
    [InlineData("What is LoRA?", "Hu et al.")]
    public async Task ChannelThread_FollowUpQuestion_AnsweredAboutThatThreadsEarlierQuestion(string first, string introducedBy)
    {
        var thread = $"19:097e6717fd7245bdbeba6baa13840db8@thread.skype;messageid={Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}";
        async Task<RecordedCall> AskInThreadAsync(string question)
        {
            var id = NewId("thread");
            var activity = TeamsActivities.Mention(Connector.ServiceUrl, id, question);
            activity["conversation"]!["id"] = thread;
            Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(activity, fixture.Token())).StatusCode);
            return await Connector.WaitForReplyAsync(id);
        }

        await AskInThreadAsync(first);
        var followUp = await AskInThreadAsync("Who introduced it?");

        Assert.Contains(introducedBy, followUp.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalChat_Question_AnsweredInTheChat()
    {
        var id = NewId("personal");
        var activity = TeamsActivities.Load(TeamsActivities.Personal, Connector.ServiceUrl, id);
        activity["text"] = "How do vector stores find the nearest embeddings?";

        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(activity, fixture.Token())).StatusCode);
        var reply = await Connector.WaitForReplyAsync(id);

        Assert.StartsWith($"/amer/v3/conversations/{Uri.EscapeDataString(activity["conversation"]!["id"]!.GetValue<string>())}/activities/", reply.Path, StringComparison.Ordinal);
        Assert.Equal("29:1kbOecyrymSn1FtrbJlQNF_BvhIpb7CLGbmjaTldT8A8tXXphjq4BcA2KfWGwoI-ahbEJ_Og1syGOt68MsLId1Q", reply.Body!["recipient"]!["id"]!.GetValue<string>());
        Assert.Contains("vector-stores.md", reply.AiEntity!["citation"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BareMention_NoQuestion_AnsweredWithHelp()
    {
        var id = NewId("bare");

        var reply = await AskInChannelAsync(id, "");

        CardSchema.AssertValid(reply.Card);
        Assert.Contains("Commands", reply.CardText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TeamsActivities.TeamMemberAdded)]
    [InlineData(TeamsActivities.GroupMembersAdded)]
    public async Task Install_BotAddedTwiceByRedelivery_WelcomedOnce(string fixtureName)
    {
        var conversation = $"19:{Guid.NewGuid():N}@thread.v2";
        var userAdded = TeamsActivities.Load(fixtureName, Connector.ServiceUrl, NewId("user-added"));
        userAdded["conversation"]!["id"] = conversation;
        var installed = TeamsActivities.BotInstalled(fixtureName, Connector.ServiceUrl, NewId("installed"));
        installed["conversation"]!["id"] = conversation;
        var welcomePath = $"/amer/v3/conversations/{Uri.EscapeDataString(conversation)}/activities";

        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(userAdded, fixture.Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(installed, fixture.Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(installed, fixture.Token())).StatusCode);
        var welcome = await Connector.WaitForAsync(c => c.Method == "POST" && c.Path == welcomePath && c.Type == "message");

        CardSchema.AssertValid(welcome.Card);
        Assert.Contains("Hi, I'm StudyBot", Readable(welcome.Card), StringComparison.Ordinal);
        Assert.Null(welcome.ReplyToId);

        // The redelivery was never stored: its key is taken by the first delivery alone.
        var inbox = Host.Services.GetRequiredService<IInbox>();
        Assert.False(await inbox.TryAcceptAsync($"{installed["id"]}@{conversation}", "teams", "{}", CancellationToken.None));

        // A later message in the same conversation is answered after anything accepted before it.
        var later = TeamsActivities.Mention(Connector.ServiceUrl, NewId("after-install"), "What is LoRA?");
        later["conversation"]!["id"] = conversation;
        await Host.PostActivityAsync(later, fixture.Token());
        await Connector.WaitForReplyAsync(later["id"]!.GetValue<string>());
        Assert.Single(Connector.Calls, c => c.Path == welcomePath && c.Type == "message" && c.ReplyToId is null);
    }

    [Fact]
    public async Task Answer_FromTheKnowledgeBase_SuggestsAQuizAndItsSourcesWithNoAttachmentToHideThem()
    {
        var reply = await AskInChannelAsync(NewId("suggest"), "What is QLoRA?");

        Assert.Null(reply.Body!["attachments"]);
        var actions = reply.Body["suggestedActions"]!["actions"]!.AsArray();
        Assert.Equal(["🎓 Quiz me on this", "📚 Show sources"], actions.Select(a => a!["title"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("Action.Submit", a!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SuggestedAction_QuizMeOnThis_AcknowledgedThenTheFirstQuestionPostedInTheThread()
    {
        var answer = await AskInChannelAsync(NewId("suggest-quiz"), "What is QLoRA?");
        var id = NewId("suggested");

        var response = await PressSuggestedAsync(answer, 0, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var question = await Connector.WaitForReplyAsync(id);
        CardSchema.AssertValid(question.Card);
        Assert.StartsWith("Question 1 of ", question.Card!["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestedAction_ShowSources_PostsTheAnswersSourcesEachOpeningItsPage()
    {
        var answer = await AskInChannelAsync(NewId("suggest-sources"), "What is QLoRA?");
        var id = NewId("suggested");

        await PressSuggestedAsync(answer, 1, id);

        var sources = await Connector.WaitForReplyAsync(id);
        CardSchema.AssertValid(sources.Card);
        Assert.Contains("Sources of the answer to “What is QLoRA?”", Readable(sources.Card), StringComparison.Ordinal);
        Assert.Contains("https://studybot.example.com/api/sources/knowledge/files/fine-tuning.md?sig=", sources.CardText, StringComparison.Ordinal);
    }

    /// <summary>Presses the answer's suggested action <paramref name="index"/>, as Teams' suggestedAction/submit invoke.</summary>
    private async Task<HttpResponseMessage> PressSuggestedAsync(RecordedCall answer, int index, string id)
    {
        var invoke = TeamsActivities.Load(TeamsActivities.SuggestedActionSubmit, Connector.ServiceUrl, id);
        invoke["conversation"]!["id"] = answer.Body!["conversation"]!["id"]!.DeepClone();
        invoke["value"] = answer.Body["suggestedActions"]!["actions"]![index]!["value"]!.DeepClone();
        return await Host.PostActivityAsync(invoke, fixture.Token());
    }

    [Fact]
    public async Task Install_InAPersonalChat_NoWelcomeSoTeamsShowsThePromptStarters()
    {
        var conversation = $"a:{Guid.NewGuid():N}";
        var installed = TeamsActivities.BotInstalled(TeamsActivities.GroupMembersAdded, Connector.ServiceUrl, NewId("personal-install"));
        installed["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = installed["conversation"]!["tenantId"]!.DeepClone(), ["id"] = conversation };
        var path = $"/amer/v3/conversations/{Uri.EscapeDataString(conversation)}/activities";

        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(installed, fixture.Token())).StatusCode);
        var question = TeamsActivities.Load(TeamsActivities.Personal, Connector.ServiceUrl, NewId("first-question"));
        question["conversation"]!["id"] = conversation;
        await Host.PostActivityAsync(question, fixture.Token());
        await Connector.WaitForReplyAsync(question["id"]!.GetValue<string>());

        Assert.DoesNotContain(Connector.Calls, c => c.Path == path && c.Type == "message" && c.ReplyToId is null);
    }

    [Fact]
    public async Task Invoke_RecordedUniversalActionOfAnotherApp_AnsweredWithAMessage()
    {
        var invoke = TeamsActivities.Load(TeamsActivities.CardActionInvoke, Connector.ServiceUrl, NewId("foreign-verb"));

        var response = await Host.PostActivityAsync(invoke, fixture.Token());

        var body = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("That button is not something I know how to handle.", body["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"type\":\"message\",", "not a valid activity")]
    [InlineData("{\"type\":\"message\",\"id\":\"1\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"}}", "'serviceUrl'")]
    public async Task Post_MalformedActivityWithAValidToken_400WithTheReason(string body, string reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", fixture.Token());

        var response = await Host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameMessageDeliveredTwice_AnsweredOnce()
    {
        var id = NewId("twice");
        var activity = TeamsActivities.Mention(Connector.ServiceUrl, id, "What is LoRA?");

        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(activity, fixture.Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(activity, fixture.Token())).StatusCode);
        await Connector.WaitForReplyAsync(id);
        await AskInChannelAsync(NewId("after-twice"), "What is PEFT?");

        Assert.Single(Connector.Calls, c => c.ReplyToId == id && c.Type == "message");
    }

    [Fact]
    public async Task InboxRetry_AfterTheReplyWasSent_UpdatesItInsteadOfSendingAnother()
    {
        var id = NewId("crashed");
        var payload = TeamsActivities.Mention(Connector.ServiceUrl, id, "What is QLoRA?").ToJsonString();
        var handler = Host.Services.GetServices<IInboxHandler>().Single(h => h.Channel == "teams");
        var item = new InboxItem($"{id}@conv", "teams", payload, DateTimeOffset.UtcNow, Attempts: 2, State: """{"messageId":"1:reply-before-crash","posted":1}""");

        await handler.HandleAsync(item, CancellationToken.None);

        var update = Assert.Single(Connector.Calls, c => c.Method == "PUT" && c.Path.EndsWith("/activities/1%3Areply-before-crash", StringComparison.Ordinal));
        Assert.Contains("QLoRA", update.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Connector.Calls, c => c.Method == "POST" && c.ReplyToId == id);
    }

    [Fact]
    public async Task Reindex_ByAnAdminInAChannelThread_IsQueuedAndTheOutcomeIsPostedInThatThread()
    {
        var reply = await AskInChannelAsync(NewId("reindex"), "reindex knowledge");
        var outcome = await Connector.WaitForAsync(c => c.Method == "POST" && c.CardText.Contains("Re-index of", StringComparison.Ordinal));

        Assert.Contains("knowledge: re-index queued", Readable(reply.Card), StringComparison.Ordinal);
        Assert.Contains("Re-index of knowledge finished", Readable(outcome.Card), StringComparison.Ordinal);
        CardSchema.AssertValid(outcome.Card);
        var thread = Uri.EscapeDataString("19:097e6717fd7245bdbeba6baa13840db8@thread.skype;messageid=1571540169848");
        Assert.Equal($"/amer/v3/conversations/{thread}/activities", outcome.Path);
        Assert.StartsWith("Bearer connector-token-", outcome.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_ByAnyoneElse_IsPolitelyRefused()
    {
        var id = NewId("reindex-refused");
        var activity = TeamsActivities.Mention(Connector.ServiceUrl, id, "reindex all");
        activity["from"]!["aadObjectId"] = Guid.NewGuid().ToString();
        activity["from"]!["id"] = "29:someone-else";

        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(activity, fixture.Token())).StatusCode);
        var reply = await Connector.WaitForReplyAsync(id);

        Assert.Contains("only StudyBot admins can re-index", Readable(reply.Card), StringComparison.Ordinal);
    }
}

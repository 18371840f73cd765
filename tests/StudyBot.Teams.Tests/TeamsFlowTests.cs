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
    public async Task ChannelMention_QuestionFromTheKnowledgeBase_ThreadedReplyWithCitations()
    {
        var id = NewId("mention");

        var reply = await AskInChannelAsync(id, "What is QLoRA?");

        var conversation = Uri.EscapeDataString("19:097e6717fd7245bdbeba6baa13840db8@thread.skype;messageid=1571540169848");
        Assert.Equal($"/amer/v3/conversations/{conversation}/activities/{id}", reply.Path);
        Assert.StartsWith("Bearer connector-token-", reply.Authorization, StringComparison.Ordinal);
        Assert.Null(reply.Body!["attachments"]);
        Assert.Contains("QLoRA", reply.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("[1]", reply.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var message = reply.AiEntity!;
        Assert.Equal(["AIGeneratedContent"], message["additionalType"]!.AsArray().Select(t => t!.GetValue<string>()));
        var claim = message["citation"]![0]!;
        Assert.Equal(1, claim["position"]!.GetValue<int>());
        Assert.StartsWith("https://studybot.example.com/api/sources/knowledge/files/fine-tuning.md?sig=", claim["appearance"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("custom", reply.Body["channelData"]!["feedbackLoop"]!["type"]!.GetValue<string>());
        Assert.Null(reply.Body["suggestedActions"]);
        var calls = Connector.Calls.ToList();
        var typing = calls.FindIndex(c => c.Type == "typing" && c.Path == $"/amer/v3/conversations/{conversation}/activities");
        Assert.InRange(typing, 0, calls.IndexOf(reply) - 1);
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
        Assert.Contains("vector-stores.md", Readable(reply.AiEntity), StringComparison.Ordinal);
        var quizMe = Assert.Single(reply.Body["suggestedActions"]!["actions"]!.AsArray());
        Assert.Equal("imBack", quizMe!["type"]!.GetValue<string>());
        Assert.Equal("quiz me on this", quizMe["value"]!.GetValue<string>());
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

    /// <summary>The answer a reply carried, from the answer log.</summary>
    private async Task<string> AnswerIdOfAsync(RecordedCall reply, string conversationId)
    {
        var conversation = conversationId.Split(";messageid=");
        var id = conversation.Length == 2 ? $"{conversation[0]}:{conversation[1]}" : conversationId;
        return (await Host.Services.GetRequiredService<IAnswerLog>().FindByMessageAsync("teams", id, reply.Id!, CancellationToken.None))!;
    }

    private const string MentionConversation = "19:097e6717fd7245bdbeba6baa13840db8@thread.skype;messageid=1571540169848";

    private async Task<FeedbackEntry?> FeedbackOnAsync(string answerId) =>
        (await Host.Services.GetRequiredService<IAnswerLog>().ListFeedbackAsync(1000, CancellationToken.None)).FirstOrDefault(f => f.AnswerId == answerId && f.UserId == RecordedUser);

    [Fact]
    public async Task Feedback_TeamsThumbsDownOnAnAnswer_StoredAgainstTheAnswerWithAnEmptyResponse()
    {
        var answer = await AskInChannelAsync(NewId("ask-feedback"), "What is QLoRA?");
        var submit = TeamsActivities.Load(TeamsActivities.FeedbackSubmit, Connector.ServiceUrl, NewId("feedback"));
        submit["conversation"]!["id"] = MentionConversation;
        submit["replyToId"] = answer.Id;

        var response = await Host.PostActivityAsync(submit, fixture.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var vote = await FeedbackOnAsync(await AnswerIdOfAsync(answer, MentionConversation));
        Assert.NotNull(vote);
        Assert.False(vote.Helpful);
    }

    [Fact]
    public async Task Feedback_CustomFormFetched_OffersTheReasonsAndItsSubmissionIsStored()
    {
        var answer = await AskInChannelAsync(NewId("ask-form"), "What is QLoRA?");
        var fetch = TeamsActivities.Load(TeamsActivities.FeedbackFetch, Connector.ServiceUrl, NewId("fetch"));
        fetch["conversation"]!["id"] = MentionConversation;
        fetch["replyToId"] = answer.Id;

        var form = (await (await Host.PostActivityAsync(fetch, fixture.Token())).Content.ReadFromJsonAsync<JsonNode>())!;

        Assert.Equal("continue", form["task"]!["type"]!.GetValue<string>());
        var card = form["task"]!["value"]!["card"]!["content"]!;
        CardSchema.AssertValid(card);
        var reasons = card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Input.ChoiceSet")!["choices"]!.AsArray();
        Assert.Contains(reasons, r => r!["value"]!.GetValue<string>() == "outdated");
        var data = card["actions"]![0]!["data"]!.AsObject();

        // Teams sends the form's fields back as the feedback of message/submitAction; this one names no message.
        var fields = data.DeepClone().AsObject();
        fields["reason"] = "outdated";
        fields["feedbackText"] = "The page changed last week.";
        var submit = TeamsActivities.Load(TeamsActivities.FeedbackSubmit, Connector.ServiceUrl, NewId("form-submit"));
        submit.Remove("replyToId");
        submit["value"]!["actionValue"]!["feedback"] = fields.ToJsonString();
        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(submit, fixture.Token())).StatusCode);

        var vote = await FeedbackOnAsync(data["answerId"]!.GetValue<string>());
        Assert.NotNull(vote);
        Assert.False(vote.Helpful);
        Assert.Equal(await AnswerIdOfAsync(answer, MentionConversation), data["answerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Feedback_ButtonOfAnOlderAnswerCard_StillStoredAndAcknowledged()
    {
        var answer = await AskInChannelAsync(NewId("ask-submit"), "What is QLoRA?");
        var answerId = await AnswerIdOfAsync(answer, MentionConversation);
        var id = NewId("submit");
        var submit = TeamsActivities.Load(TeamsActivities.SubmitMessage, Connector.ServiceUrl, id);
        submit["value"] = new JsonObject { ["studybot"] = "feedback", ["value"] = $"{answerId}|up" };

        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(submit, fixture.Token())).StatusCode);
        var acknowledgement = await Connector.WaitForReplyAsync(id);

        CardSchema.AssertValid(acknowledgement.Card);
        Assert.Contains("Thanks — glad it helped.", Readable(acknowledgement.Card), StringComparison.Ordinal);
        Assert.True((await FeedbackOnAsync(answerId))?.Helpful);
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
        Assert.Contains("QLoRA", update.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
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

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Feedback;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

/// <summary>
/// The message action "Ask StudyBot about this" through the real host with token validation on: Teams' recorded
/// composeExtension/fetchTask on a channel message opens a dialog with the answer, and its "Post in conversation"
/// (composeExtension/submitAction) has StudyBot post the answer under the message, once.
/// </summary>
public sealed class MessageActionTests(TeamsFlowFixture fixture) : IClassFixture<TeamsFlowFixture>
{
    private const string RecordedUserMri = "29:1CFIxRJBLjT_io3iNsDZxMk_4YPWQmr3DZUM1I6ihf5L2ocCDqg9S1vkHK6kRdGfK1P_2LFE2nQqFIvdu-GBOZA";

    /// <summary>The recorded invokes' channel thread as the answer log names it (space:thread).</summary>
    private const string ThreadId = "19:097e6717fd7245bdbeba6baa13840db8@thread.skype:1571537152320";

    private FakeConnector Connector => fixture.Connector;

    private TeamsHost Host => fixture.Host;

    private IAnswerLog Answers => Host.Services.GetRequiredService<IAnswerLog>();

    /// <summary>The recorded fetchTask on a message with this HTML body and a message id of its own.</summary>
    private JsonObject FetchTask(string html, out string messageId)
    {
        messageId = $"{DateTime.UtcNow.Ticks}{Random.Shared.Next(1000)}";
        var invoke = TeamsActivities.Load(TeamsActivities.MessageActionFetchTask, Connector.ServiceUrl, $"f:{Guid.NewGuid():N}");
        invoke["value"]!["messagePayload"]!["id"] = messageId;
        invoke["value"]!["messagePayload"]!["body"]!["content"] = html;
        return invoke;
    }

    /// <summary>The recorded submitAction carrying what the dialog's button sends.</summary>
    private JsonObject Submit(JsonNode data, string? conversationId = null)
    {
        var invoke = TeamsActivities.Load(TeamsActivities.MessageActionSubmit, Connector.ServiceUrl, $"f:{Guid.NewGuid():N}");
        invoke["value"]!["data"] = data.DeepClone();
        if (conversationId is not null)
        {
            invoke["conversation"]!["id"] = conversationId;
        }

        return invoke;
    }

    private async Task<JsonNode> DialogCardAsync(JsonObject fetch)
    {
        var response = await Host.PostActivityAsync(fetch, fixture.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var task = (await response.Content.ReadFromJsonAsync<JsonNode>())!["task"]!;
        Assert.Equal(("continue", "Ask StudyBot about this"), (task["type"]!.GetValue<string>(), task["value"]!["title"]!.GetValue<string>()));
        var card = task["value"]!["card"]!["content"]!;
        CardSchema.AssertValid(card);
        return card;
    }

    private static JsonNode Action(JsonNode card, string title) => card["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == title)!;

    [Fact]
    public async Task FetchTask_ChannelMessageInHtml_DialogAnswersItsWordsWithSourcesAndAPostButton()
    {
        var fetch = FetchTask("<div><div><at id=\"0\">Olo</at> does anyone know what <b>QLoRA</b>&nbsp;is &amp; why it saves memory?</div>\n</div>", out var messageId);

        var card = await DialogCardAsync(fetch);

        var text = string.Join("\n", card["body"]!.AsArray().Select(e => e!["text"]?.GetValue<string>()).Concat(card["actions"]!.AsArray().Select(a => a!["url"]?.GetValue<string>())));
        Assert.Contains("About Olo Brockhouse's message:", text, StringComparison.Ordinal);
        Assert.Contains("4-bit", text, StringComparison.Ordinal);
        Assert.Contains("(https://studybot.example.com/api/sources/knowledge/files/fine-tuning.md?sig=", text, StringComparison.Ordinal);
        var post = Action(card, "Post in conversation");
        Assert.Equal(("Action.Submit", "post-answer", messageId), (post["type"]!.GetValue<string>(), post["data"]!["studybot"]!.GetValue<string>(), post["data"]!["messageId"]!.GetValue<string>()));
        var answer = await Answers.FindAsync(post["data"]!["value"]!.GetValue<string>(), CancellationToken.None);
        Assert.Equal(("Olo does anyone know what QLoRA is & why it saves memory?", ThreadId, true), (answer!.Question, answer.ConversationId, answer.Found));
        Assert.Equal("Action.Submit", Action(card, "Close")["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task FetchTask_MessageWithOnlyAPicture_DialogSaysThereIsNothingToAskAbout()
    {
        var card = await DialogCardAsync(FetchTask("<div><img src=\"https://example.com/chart.png\" alt=\"\"></div><attachment id=\"3f1e\"></attachment>", out _));

        Assert.Contains("no text StudyBot can read", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(card["actions"]);
    }

    [Fact]
    public async Task PostInConversation_SubmittedTwice_AnswerPostedOnceUnderTheMessageAsAnAIAnswerOnBehalfOfTheUser()
    {
        var card = await DialogCardAsync(FetchTask("<p>How much memory does QLoRA need?</p>", out var messageId));
        var data = Action(card, "Post in conversation")["data"]!;
        var submit = Submit(data);

        var first = await Host.PostActivityAsync(submit, fixture.Token());
        var retried = await Host.PostActivityAsync(Submit(data), fixture.Token());

        Assert.Equal((HttpStatusCode.OK, "{}"), (first.StatusCode, await first.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, "{}"), (retried.StatusCode, await retried.Content.ReadAsStringAsync()));
        var posted = await Connector.WaitForReplyAsync(messageId);
        var conversation = Uri.EscapeDataString("19:097e6717fd7245bdbeba6baa13840db8@thread.skype;messageid=1571537152320");
        Assert.Equal($"/amer/v3/conversations/{conversation}/activities/{messageId}", posted.Path);
        Assert.StartsWith("> How much memory does QLoRA need?\n\n", posted.Text, StringComparison.Ordinal);
        var claims = posted.AiEntity!["citation"]!.AsArray();
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.Contains($"[{c!["position"]!.GetValue<int>()}]", posted.Text, StringComparison.Ordinal));
        Assert.Equal("AIGeneratedContent", posted.AiEntity!["additionalType"]![0]!.GetValue<string>());
        Assert.True(posted.Body!["channelData"]!["feedbackLoopEnabled"]!.GetValue<bool>());
        var onBehalfOf = posted.Body["channelData"]!["onBehalfOf"]![0]!;
        Assert.Equal((0, "person", RecordedUserMri, "Dave Taniguchi"), (onBehalfOf["itemId"]!.GetValue<int>(), onBehalfOf["mentionType"]!.GetValue<string>(), onBehalfOf["mri"]!.GetValue<string>(), onBehalfOf["displayName"]!.GetValue<string>()));

        // Teams' 👍/👎 under the posted answer find it.
        Assert.Equal(data["value"]!.GetValue<string>(), await Answers.AnswerOfMessageAsync(ThreadId, posted.SentId!));

        // Another post in the same conversation is handled after the repeat; the repeat posted nothing.
        var later = await DialogCardAsync(FetchTask("<p>What is LoRA?</p>", out var laterMessage));
        await Host.PostActivityAsync(Submit(Action(later, "Post in conversation")["data"]!), fixture.Token());
        await Connector.WaitForReplyAsync(laterMessage);
        Assert.Single(Connector.Calls, c => c.Type == "message" && c.ReplyToId == messageId);
    }

    [Fact]
    public async Task Close_Submitted_DialogClosedAndNothingPosted()
    {
        var card = await DialogCardAsync(FetchTask("<p>What is PEFT?</p>", out var messageId));

        var response = await Host.PostActivityAsync(Submit(Action(card, "Close")["data"]!), fixture.Token());

        Assert.Equal((HttpStatusCode.OK, "{}"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(Connector.Calls, c => c.ReplyToId == messageId);
    }

    [Fact]
    public async Task PostInConversation_AnswerGivenInAnotherConversation_ToldInTheDialogAndNothingPosted()
    {
        var card = await DialogCardAsync(FetchTask("<p>What is a vector store?</p>", out var messageId));

        var response = await Host.PostActivityAsync(Submit(Action(card, "Post in conversation")["data"]!, "19:other@thread.v2"), fixture.Token());

        var task = (await response.Content.ReadFromJsonAsync<JsonNode>())!["task"]!;
        Assert.Equal("message", task["type"]!.GetValue<string>());
        Assert.Contains("no longer knows that answer here", task["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(Connector.Calls, c => c.ReplyToId == messageId);
    }

    [Theory]
    [InlineData("fetch without messagePayload", "carries no messagePayload")]
    [InlineData("fetch of another command", "no message extension command 'createTask'")]
    [InlineData("fetch without value", "has no value object")]
    [InlineData("submit without StudyBot's data", "carries no data of StudyBot's dialog")]
    public async Task Invoke_Malformed_400WithTheReason(string shape, string reason)
    {
        var invoke = shape.StartsWith("fetch", StringComparison.Ordinal)
            ? FetchTask("<p>What is QLoRA?</p>", out _)
            : Submit(new JsonObject { ["id"] = "submitButton", ["formField1"] = "formField1_value" });
        switch (shape)
        {
            case "fetch without messagePayload":
                invoke["value"]!.AsObject().Remove("messagePayload");
                break;
            case "fetch of another command":
                invoke["value"]!["commandId"] = "createTask";
                break;
            case "fetch without value":
                invoke.Remove("value");
                break;
        }

        var response = await Host.PostActivityAsync(invoke, fixture.Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchTask_WithoutAToken_401AndNoAnswerLogged()
    {
        var before = (await Answers.RecentTurnsAsync("teams", ThreadId, 1000, CancellationToken.None)).Count;

        var response = await Host.PostActivityAsync(FetchTask("<p>What is QLoRA?</p>", out _), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, (await Answers.RecentTurnsAsync("teams", ThreadId, 1000, CancellationToken.None)).Count);
    }
}

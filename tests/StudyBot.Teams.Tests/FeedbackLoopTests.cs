using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Feedback;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

/// <summary>
/// Teams' 👍/👎 under an answer (the feedback loop): the answer asks for StudyBot's form, the form is served on
/// message/fetchTask and its submission (message/submitAction) is stored with the reason, through the real host.
/// </summary>
public sealed class FeedbackLoopTests(TeamsFlowFixture fixture) : IClassFixture<TeamsFlowFixture>
{
    private const string RecordedUser = "6b703ce3-6d14-4fe6-b90c-dc5f03657ae4";
    private const string ChannelThread = "19:097e6717fd7245bdbeba6baa13840db8@thread.skype;messageid=1571540169848";

    /// <summary>That thread as the answer log names it (space:thread).</summary>
    private const string ThreadId = "19:097e6717fd7245bdbeba6baa13840db8@thread.skype:1571540169848";

    private FakeConnector Connector => fixture.Connector;

    private TeamsHost Host => fixture.Host;

    private IAnswerLog Answers => Host.Services.GetRequiredService<IAnswerLog>();

    private async Task<RecordedCall> AskInChannelAsync(string question)
    {
        var id = $"ask-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(TeamsActivities.Mention(Connector.ServiceUrl, id, question), fixture.Token())).StatusCode);
        return await Connector.WaitForReplyAsync(id);
    }

    /// <summary>A recorded feedback invoke on the message <paramref name="messageId"/> of <paramref name="conversation"/>.</summary>
    private JsonObject Invoke(string fixtureName, string conversation, string messageId, string reaction, JsonObject? fields = null)
    {
        var invoke = TeamsActivities.Load(fixtureName, Connector.ServiceUrl, $"f:{Guid.NewGuid():N}");
        invoke["conversation"]!["id"] = conversation;
        invoke["replyToId"] = messageId;
        invoke["value"]!["actionValue"]!["reaction"] = reaction;
        if (fields is not null)
        {
            invoke["value"]!["actionValue"]!["feedback"] = fields.ToJsonString();
        }

        return invoke;
    }

    private Task<string> AnswerIdOfAsync(string conversationId, RecordedCall reply) => Answers.AnswerOfMessageAsync(conversationId, reply.SentId!);

    private async Task<IReadOnlyList<FeedbackEntry>> VotesOnAsync(string answerId) =>
        [.. (await Answers.ListFeedbackAsync(10_000, CancellationToken.None)).Where(f => f.AnswerId == answerId)];

    [Fact]
    public async Task Answer_InAChannel_AsksForTeamsFeedbackButtonsWithStudyBotsForm()
    {
        var reply = await AskInChannelAsync("What is QLoRA?");

        Assert.True(reply.Body!["channelData"]!["feedbackLoopEnabled"]!.GetValue<bool>());
        Assert.Equal("custom", reply.Body["channelData"]!["feedbackLoop"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("\"verb\":\"feedback\"", reply.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dislike_FormFetchedThenSubmittedTwice_OneVoteStoredWithItsReason()
    {
        var reply = await AskInChannelAsync("What is QLoRA?");
        var answerId = await AnswerIdOfAsync(ThreadId, reply);

        var fetch = await Host.PostActivityAsync(Invoke(TeamsActivities.FeedbackFetchTask, ChannelThread, reply.SentId!, "dislike"), fixture.Token());

        Assert.Equal(HttpStatusCode.OK, fetch.StatusCode);
        var task = (await fetch.Content.ReadFromJsonAsync<JsonNode>())!["task"]!;
        Assert.Equal("continue", task["type"]!.GetValue<string>());
        var form = task["value"]!["card"]!["content"]!;
        CardSchema.AssertValid(form);
        var choices = form["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Input.ChoiceSet")!["choices"]!.AsArray();
        Assert.Equal(["wrong", "outdated", "missing-source", "other"], choices.Select(c => c!["value"]!.GetValue<string>()));

        var fields = new JsonObject { ["reason"] = "outdated", ["feedbackText"] = "Still cites the 2023 paper only." };
        var submit = Invoke(TeamsActivities.FeedbackSubmit, ChannelThread, reply.SentId!, "dislike", fields);
        var first = await Host.PostActivityAsync(submit, fixture.Token());
        var again = await Host.PostActivityAsync(submit, fixture.Token());

        Assert.Equal((HttpStatusCode.OK, "{}"), (first.StatusCode, await first.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, "{}"), (again.StatusCode, await again.Content.ReadAsStringAsync()));
        var vote = Assert.Single(await VotesOnAsync(answerId));
        Assert.Equal((RecordedUser, false, FeedbackReasonKind.Outdated, "Still cites the 2023 paper only."), (vote.UserId, vote.Helpful, vote.Reason?.Kind, vote.Reason?.Comment));
    }

    [Fact]
    public async Task Like_TeamsDefaultFormShape_StoredAsHelpful()
    {
        var reply = await AskInChannelAsync("What is LoRA?");
        var answerId = await AnswerIdOfAsync(ThreadId, reply);
        var submit = TeamsActivities.Load(TeamsActivities.FeedbackSubmit, Connector.ServiceUrl, $"f:{Guid.NewGuid():N}");
        submit["conversation"]!["id"] = ChannelThread;
        submit["replyToId"] = reply.SentId;

        var response = await Host.PostActivityAsync(submit, fixture.Token());

        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        var vote = Assert.Single(await VotesOnAsync(answerId));
        Assert.Equal((RecordedUser, true, null), (vote.UserId, vote.Helpful, vote.Reason));
    }

    [Fact]
    public async Task Dislike_WordsOnlyFromTeamsDefaultForm_StoredAsOtherWithTheWords()
    {
        var reply = await AskInChannelAsync("What is PEFT?");
        var answerId = await AnswerIdOfAsync(ThreadId, reply);
        var submit = Invoke(TeamsActivities.FeedbackSubmit, ChannelThread, reply.SentId!, "dislike", new JsonObject { ["feedbackText"] = "Too vague." });

        await Host.PostActivityAsync(submit, fixture.Token());

        var vote = Assert.Single(await VotesOnAsync(answerId));
        Assert.Equal((false, FeedbackReasonKind.Other, "Too vague."), (vote.Helpful, vote.Reason?.Kind, vote.Reason?.Comment));
    }

    [Fact]
    public async Task Feedback_OnAMessageThatCarriesNoAnswer_ToldInTheDialogAndNothingStored()
    {
        var before = (await Answers.ListFeedbackAsync(10_000, CancellationToken.None)).Count;

        var fetch = await Host.PostActivityAsync(Invoke(TeamsActivities.FeedbackFetchTask, ChannelThread, "1:not-an-answer", "like"), fixture.Token());
        var submit = await Host.PostActivityAsync(Invoke(TeamsActivities.FeedbackSubmit, ChannelThread, "1:not-an-answer", "like"), fixture.Token());

        var task = (await fetch.Content.ReadFromJsonAsync<JsonNode>())!["task"]!;
        Assert.Equal(("message", "That message carries no answer StudyBot still knows."), (task["type"]!.GetValue<string>(), task["value"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.OK, "{}"), (submit.StatusCode, await submit.Content.ReadAsStringAsync()));
        Assert.Equal(before, (await Answers.ListFeedbackAsync(10_000, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Like_OnAnAnswerStreamedInAPersonalChat_StoredForThatAnswer()
    {
        var id = $"personal-{Guid.NewGuid():N}";
        var question = TeamsActivities.Load(TeamsActivities.Personal, Connector.ServiceUrl, id);
        question["text"] = "How do vector stores find the nearest embeddings?";
        await Host.PostActivityAsync(question, fixture.Token());
        var final = await Connector.WaitForReplyAsync(id);
        var chat = question["conversation"]!["id"]!.GetValue<string>();

        // Teams names the streamed message by its stream id, which the final message completes.
        var message = final.StreamInfo?["streamId"]?.GetValue<string>() ?? final.SentId!;
        var answerId = await Answers.AnswerOfMessageAsync(chat, message);
        await Host.PostActivityAsync(Invoke(TeamsActivities.FeedbackSubmit, chat, message, "like"), fixture.Token());

        Assert.True(Assert.Single(await VotesOnAsync(answerId)).Helpful);
    }
}

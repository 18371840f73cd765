using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

/// <summary>Quizzes through the real host with recorded Teams activities: question cards, answers as Action.Execute invokes.</summary>
public sealed class QuizFlowTests(TeamsFlowFixture fixture) : IClassFixture<TeamsFlowFixture>
{
    private FakeConnector Connector => fixture.Connector;

    private TeamsHost Host => fixture.Host;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task ChannelQuiz_AnswerButton_RefreshesTheCardForTheAnswererOnlyAndASecondPressCountsOnce()
    {
        var id = NewId("quiz");
        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(TeamsActivities.Mention(Connector.ServiceUrl, id, "quiz fine-tuning 2"), fixture.Token())).StatusCode);
        var question = await Connector.WaitForReplyAsync(id);
        CardSchema.AssertValid(question.Card);
        var buttons = question.Card!["actions"]!.AsArray();
        Assert.Equal(4, buttons.Count);

        var first = await PressAsync(buttons[0]!);
        var second = await PressAsync(buttons[1]!);

        Assert.Equal("application/vnd.microsoft.card.adaptive", first["type"]!.GetValue<string>());
        CardSchema.AssertValid(first["value"]);
        Assert.Null(first["value"]!["actions"]);
        Assert.Contains("fine-tuning.md", first["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.activity.message", second["type"]!.GetValue<string>());
        Assert.Contains("first answer", second["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelQuiz_OfThree_HasThreeQuestions()
    {
        var id = NewId("quiz-three");
        await Host.PostActivityAsync(InItsOwnChannel(TeamsActivities.Mention(Connector.ServiceUrl, id, "quiz vector stores 3")), fixture.Token());

        var question = await Connector.WaitForReplyAsync(id);

        CardSchema.AssertValid(question.Card);
        Assert.StartsWith("Question 1 of 3 · vector stores", CardText(question.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelQuiz_LongerThanTheNoteAllows_SaysOnItsFirstCardHowManyQuestionsItHas()
    {
        var id = NewId("quiz-short");
        await Host.PostActivityAsync(InItsOwnChannel(TeamsActivities.Mention(Connector.ServiceUrl, id, "quiz vector stores 20")), fixture.Token());

        var question = await Connector.WaitForReplyAsync(id);

        CardSchema.AssertValid(question.Card);
        var lines = CardText(question.Card!).Split('\n');
        var total = int.Parse(lines[1].Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(total, 1, 19);
        Assert.Equal($"I could make {total} questions on “vector stores” (you asked for 20): the knowledge base has no more that pass my checks.", lines[0]);
    }

    [Fact]
    public async Task NextQuestion_PostedUnprompted_ArrivesAsACardInTheQuizConversation()
    {
        var id = NewId("quiz-next");
        var start = TeamsActivities.Mention(Connector.ServiceUrl, id, "quiz vector stores 3");
        await Host.PostActivityAsync(InItsOwnChannel(start), fixture.Token());
        var first = await Connector.WaitForReplyAsync(id);
        var conversation = start["conversation"]!["id"]!.GetValue<string>();
        var sessionId = first.Card!["actions"]![0]!["data"]!["value"]!.GetValue<string>().Split('|')[0];
        var session = await Host.Services.GetRequiredService<IQuizStore>().GetSessionAsync(sessionId, CancellationToken.None);
        var poster = Host.Services.GetServices<IReplyPoster>().Single(p => p.Channel == "teams");
        var next = new QuizQuestionReply("s-next", 2, 3, "vector stores", "Which term?", ["HNSW", "IVF", "FAISS", "ANN"], Personal: false, OpenSeconds: 60);

        await poster.PostAsync(session!.Conversation, next, CancellationToken.None);

        var posted = await Connector.WaitForAsync(c => c.Card?.ToJsonString().Contains("s-next|1|0", StringComparison.Ordinal) == true);
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(conversation)}/activities", posted.Path);
        CardSchema.AssertValid(posted.Card);
        Assert.NotNull(first.Card);
    }

    [Fact]
    public async Task PersonalQuiz_Answer_ReturnsFeedbackAndTheNextQuestionOnOneCard()
    {
        var id = NewId("quiz-personal");
        var start = TeamsActivities.Load(TeamsActivities.Personal, Connector.ServiceUrl, id);
        start["text"] = "quiz vector stores 2";
        Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(start, fixture.Token())).StatusCode);
        var question = await Connector.WaitForReplyAsync(id);
        CardSchema.AssertValid(question.Card);
        Assert.Null(question.Card!["refresh"]);

        var answered = await PressAsync(question.Card!["actions"]![2]!, start["from"]!);

        CardSchema.AssertValid(answered["value"]);
        var next = answered["value"]!["actions"]!.AsArray();
        Assert.Equal(4, next.Count);
        Assert.EndsWith("|1|0", next[0]!["data"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelQuiz_RefreshInvoke_ShowsTheAnswererTheirResultAndOthersTheQuestion()
    {
        var id = NewId("quiz-view");
        var start = InItsOwnChannel(TeamsActivities.Mention(Connector.ServiceUrl, id, "quiz vector stores 2"));
        await Host.PostActivityAsync(start, fixture.Token());
        var question = await Connector.WaitForReplyAsync(id);
        var refresh = question.Card!["refresh"]!;
        Assert.Empty(refresh["userIds"]!.AsArray());
        var answerer = TeamsActivities.Load(TeamsActivities.RefreshInvoke, Connector.ServiceUrl)["from"]!;
        var other = TeamsActivities.Student(Connector.ServiceUrl, "29:1other-student");

        var answered = await PressAsync(question.Card!["actions"]![1]!, answerer, on: (start, question.SentId!));
        var updated = await Connector.WaitForAsync(c => c.Method == "PUT" && c.Path.EndsWith("/activities/" + Uri.EscapeDataString(question.SentId!), StringComparison.Ordinal));
        var ownView = await PressAsync(refresh["action"]!, answerer, "automatic", (start, question.SentId!));
        var othersView = await PressAsync(refresh["action"]!, other, "automatic", (start, question.SentId!));

        CardSchema.AssertValid(updated.Card);
        Assert.Equal([answerer["id"]!.GetValue<string>()], updated.Card!["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(CardText(question.Card!).Split('\n')[^5..], CardText(updated.Card!).Split('\n')[^5..]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", ownView["type"]!.GetValue<string>());
        Assert.Equal(CardText(answered["value"]!), CardText(ownView["value"]!));
        Assert.Matches("^(✅ Correct|❌ Not quite)", CardText(ownView["value"]!).Split('\n')[1]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", othersView["type"]!.GetValue<string>());
        CardSchema.AssertValid(othersView["value"]);
        Assert.Equal(CardText(updated.Card!), CardText(othersView["value"]!));
        Assert.Equal(4, othersView["value"]!["actions"]!.AsArray().Count);
    }

    [Fact]
    public async Task ChannelQuiz_TwoStudentsAnsweringAtOnce_TheLastCardUpdateListsBoth()
    {
        var id = NewId("quiz-two");
        var start = InItsOwnChannel(TeamsActivities.Mention(Connector.ServiceUrl, id, "quiz vector stores 2"));
        await Host.PostActivityAsync(start, fixture.Token());
        var question = await Connector.WaitForReplyAsync(id);
        var on = (start, question.SentId!);
        var (ada, ben) = (TeamsActivities.Student(Connector.ServiceUrl, "29:1ada"), TeamsActivities.Student(Connector.ServiceUrl, "29:1ben"));

        // Teams is slow over the card update of Ada's answer: Ben answers while it is still on its way.
        var adasUpdateSent = Connector.SlowDownNextUpdate(question.SentId!, TimeSpan.FromSeconds(3));
        var adaAnswers = PressAsync(question.Card!["actions"]![0]!, ada, on: on);
        await adasUpdateSent;
        await Task.WhenAll(adaAnswers, PressAsync(question.Card!["actions"]![1]!, ben, on: on));

        var updates = Connector.Calls.Where(c => c.Method == "PUT" && c.Path.EndsWith("/activities/" + Uri.EscapeDataString(question.SentId!), StringComparison.Ordinal)).ToList();
        CardSchema.AssertValid(updates[^1].Card);
        Assert.Equal(["29:1ada", "29:1ben"], updates[^1].Card!["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()).Order());
    }

    /// <summary>The activity in a channel thread of its own: one quiz runs per conversation.</summary>
    private static JsonObject InItsOwnChannel(JsonObject activity)
    {
        activity["conversation"]!["id"] = $"19:097e6717fd7245bdbeba6baa13840db8@thread.skype;messageid={Random.Shared.NextInt64(1, long.MaxValue)}";
        return activity;
    }

    /// <summary>The texts of a card's body, one a line.</summary>
    private static string CardText(JsonNode card) =>
        string.Join('\n', card["body"]!.AsArray().Select(b => b?["text"]?.GetValue<string>()).OfType<string>());

    /// <summary>Presses one of StudyBot's buttons or a card's refresh action; see <see cref="TeamsActivities.Press"/>.</summary>
    private Task<JsonNode> PressAsync(JsonNode button, JsonNode? from = null, string trigger = "manual", (JsonObject Activity, string MessageId)? on = null) =>
        Host.InvokeAsync(TeamsActivities.Press(Connector.ServiceUrl, button, from, trigger, on), fixture.Token());
}

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Quizzes;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>The Home tab: app_home_opened publishes it (views.publish); its "Start a review" starts `quiz me` in the user's DM.</summary>
public sealed class AppHomeTests(SlackHttpFixture fixture) : IClassFixture<SlackHttpFixture>
{
    private readonly SlackTestHost _host = fixture.Host;
    private readonly FakeSlackApi _slack = fixture.Slack;

    /// <summary>Slack's app_home_opened callback (Fixtures/events) for this user and their DM with StudyBot.</summary>
    private static JsonObject HomeOpened(string user, string direct, string tab = "home")
    {
        var callback = SlackFixtures.Documented("events", "app_home_opened.json");
        callback["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        callback["event"]!["user"] = user;
        callback["event"]!["channel"] = direct;
        callback["event"]!["tab"] = tab;
        return callback;
    }

    [Fact]
    public async Task HomeOpened_PublishesHowToAskTheSourcesAndTheUsersRecordWithDueReviews()
    {
        var user = "U" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
        var store = _host.Services.GetRequiredService<IQuizStore>();
        var now = DateTimeOffset.UtcNow;
        await store.SaveLearnerItemAsync(new LearnerItem(user, "q-missed", "fine-tuning", 1, now.AddMinutes(-5), 1, 2, now.AddMinutes(-5)), CancellationToken.None);
        await store.SaveLearnerItemAsync(new LearnerItem(user, "q-known", "vector stores", 3, now.AddDays(4), 2, 0, now.AddMinutes(-5)), CancellationToken.None);

        var response = await _host.PostSignedAsync("/slack/events", HomeOpened(user, SlackFixtures.NewChannel('D')).ToJsonString(), "application/json");
        var published = (await _slack.WaitForAsync("views.publish", c => c.String("user_id") == user)).Single(c => c.Method == "views.publish" && c.String("user_id") == user);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, published.Status);
        var view = published.Json.GetProperty("view");
        Assert.Equal("home", view.GetProperty("type").GetString());
        var text = string.Join("\n", view.GetProperty("blocks").EnumerateArray().Where(b => b.TryGetProperty("text", out _)).Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.Contains("Mention <@" + FakeSlackApi.BotUserId + ">", text, StringComparison.Ordinal);
        Assert.Contains("*knowledge* (Files): 1 document", text, StringComparison.Ordinal);
        Assert.Contains("*vectors* (Files)", text, StringComparison.Ordinal);
        Assert.Contains("5 answers, 3 correct (60%) on 2 questions", text, StringComparison.Ordinal);
        Assert.Contains("*1 review due*", text, StringComparison.Ordinal);
        Assert.Contains("• fine-tuning: 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vector stores:", text, StringComparison.Ordinal);
        var button = view.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements")[0];
        Assert.Equal(("home-review", "Start a review"), (button.GetProperty("action_id").GetString(), button.GetProperty("text").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task MessagesTabOpened_PublishesNothing()
    {
        var user = "U" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
        var barrier = "U" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();

        var response = await _host.PostSignedAsync("/slack/events", HomeOpened(user, SlackFixtures.NewChannel('D'), tab: "messages").ToJsonString(), "application/json");
        await _host.PostSignedAsync("/slack/events", HomeOpened(barrier, SlackFixtures.NewChannel('D')).ToJsonString(), "application/json");
        await _slack.WaitForAsync("views.publish", c => c.String("user_id") == barrier);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_slack.CallsTo("views.publish"), c => c.String("user_id") == user);
    }

    /// <summary>The user opens their Home tab; returns Slack's block_actions for its "Start a review" (Fixtures/interactivity), the published view coming back with the press.</summary>
    private async Task<JsonObject> OpenHomeAsync(string user, string direct)
    {
        await _host.PostSignedAsync("/slack/events", HomeOpened(user, direct).ToJsonString(), "application/json");
        var home = (await _slack.WaitForAsync("views.publish", c => c.String("user_id") == user)).Single(c => c.Method == "views.publish" && c.String("user_id") == user);
        var press = SlackFixtures.Documented("interactivity", "block_actions.home_tab.json");
        press["user"]!["id"] = user;
        press["trigger_id"] = Guid.NewGuid().ToString("N");
        press["view"]!["private_metadata"] = home.Json.GetProperty("view").GetProperty("private_metadata").GetString();
        return press;
    }

    private Task<HttpResponseMessage> PressAsync(JsonObject press) =>
        _host.PostSignedAsync("/slack/interactions", "payload=" + Uri.EscapeDataString(press.ToJsonString()), "application/x-www-form-urlencoded");

    [Fact]
    public async Task StartAReview_FromTheHomeTab_StartsAPersonalQuizInAThreadOfTheUsersDirectMessages()
    {
        var user = "U" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
        var direct = SlackFixtures.NewChannel('D');
        var press = await OpenHomeAsync(user, direct);

        var response = await PressAsync(press);
        var posts = await _slack.WaitForAsync("chat.postMessage", c => c.String("channel") == direct && c.String("thread_ts") is not null);
        await _slack.WaitForAsync("views.publish", c => c.String("user_id") == user, count: 2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var opening = Assert.Single(posts, c => c.Method == "chat.postMessage" && c.String("channel") == direct && c.String("thread_ts") is null);
        var question = posts.Single(c => c.Method == "chat.postMessage" && c.String("channel") == direct && c.String("thread_ts") is not null);
        var thread = _slack.Threads.Replies(direct, question.String("thread_ts")!);
        Assert.Equal(2, thread.Count);
        Assert.Contains("quiz-answer:0", question.Body, StringComparison.Ordinal);
        var store = _host.Services.GetRequiredService<IQuizStore>();
        var session = await store.FindOpenSessionAsync(new Core.Conversations.ConversationAddress("slack", direct, question.String("thread_ts")), CancellationToken.None);
        Assert.True(session?.Personal);
        Assert.Contains("review", opening.String("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAReview_RetriedAfterAFailure_PostsTheReviewOnce()
    {
        var user = "U" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
        var direct = SlackFixtures.NewChannel('D');
        var press = await OpenHomeAsync(user, direct);
        // The tab's refresh after the review fails once (Slack's ok:false internal_error): the press is handled again.
        _slack.Enqueue("views.publish", 200, new Dictionary<string, string>(), """{"ok":false,"error":"internal_error"}""");

        await PressAsync(press);
        await _slack.WaitForAsync("views.publish", c => c.String("user_id") == user, count: 3);

        Assert.Single(_slack.CallsTo("chat.postMessage"), c => c.String("channel") == direct && c.String("thread_ts") is null);
        Assert.Single(_slack.CallsTo("chat.postMessage"), c => c.String("channel") == direct && c.String("thread_ts") is not null);
    }
}

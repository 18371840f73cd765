using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Inbox;
using StudyBot.Storage;

using StudyBot.Tests;

namespace StudyBot.Storage.Tests;

public sealed class AppStoreTests
{
    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task Inbox_SameKeyTwice_IsAcceptedOnce(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var inbox = bed.Services.GetRequiredService<IInbox>();

        Assert.True(await inbox.TryAcceptAsync("Ev1", "slack", "{}", CancellationToken.None));
        Assert.False(await inbox.TryAcceptAsync("Ev1", "slack", "{}", CancellationToken.None));

        Assert.Single(await inbox.ClaimAsync(["slack"], 10, TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task Inbox_BurstOfAcceptsWithRedeliveries_EachKeyStoredOnceWithItsPayload(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var inbox = bed.Services.GetRequiredService<IInbox>();

        // 150 events, each delivered twice in the same burst: the group commit writes them in shared transactions.
        var accepted = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            Task.Run(() => inbox.TryAcceptAsync($"Ev{i % 150}", "slack", $"{{\"n\":{i % 150}}}", CancellationToken.None))));

        Assert.Equal(150, accepted.Count(a => a));
        var items = await inbox.ClaimAsync(["slack"], 500, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(150, items.Count);
        Assert.All(items, item => Assert.Equal($"{{\"n\":{item.Key[2..]}}}", item.Payload));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task Inbox_ClaimedItem_IsLeasedToOneWorkerAndOnlyForItsChannel(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var inbox = bed.Services.GetRequiredService<IInbox>();
        await inbox.TryAcceptAsync("a", "slack", "{\"n\":1}", CancellationToken.None);
        await inbox.TryAcceptAsync("b", "teams", "{}", CancellationToken.None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => inbox.ClaimAsync(["slack"], 10, TimeSpan.FromMinutes(1), CancellationToken.None)));

        var item = Assert.Single(claims.SelectMany(c => c));
        Assert.Equal(("a", "{\"n\":1}", 1), (item.Key, item.Payload, item.Attempts));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task Inbox_FailedWithRetry_ComesBackWithItsStateAndCompletedDoesNot(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var inbox = bed.Services.GetRequiredService<IInbox>();
        await inbox.TryAcceptAsync("x", "slack", "{}", CancellationToken.None);
        await inbox.TryAcceptAsync("y", "slack", "{}", CancellationToken.None);
        await inbox.ClaimAsync(["slack"], 10, TimeSpan.FromMinutes(1), CancellationToken.None);

        await inbox.SaveStateAsync("x", "placeholder-ts", CancellationToken.None);
        await inbox.FailAsync("x", "Slack said 500", TimeSpan.Zero, CancellationToken.None);
        await inbox.CompleteAsync("y", CancellationToken.None);

        var again = Assert.Single(await inbox.ClaimAsync(["slack"], 10, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Equal(("x", 2, "placeholder-ts"), (again.Key, again.Attempts, again.State));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task AnswerLog_Feedback_IsStoredWithTheAnswerAndOneVotePerUser(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var log = bed.Services.GetRequiredService<IAnswerLog>();
        var citation = new Citation(1, "Fine-tuning", "knowledge", "fine-tuning.md", null, "QLoRA", "QLoRA is…");
        var id = await log.RecordAsync(new AnsweredQuestion("slack", "C1:123", "U1", "What is QLoRA?", "QLoRA is… [1]", true, [citation], null, DateTimeOffset.UtcNow), CancellationToken.None);

        await log.RecordFeedbackAsync(id, "U2", helpful: true, CancellationToken.None);
        await log.RecordFeedbackAsync(id, "U2", helpful: false, CancellationToken.None);
        await log.RecordFeedbackAsync(id, "U3", helpful: true, CancellationToken.None);

        var feedback = await log.ListFeedbackAsync(10, CancellationToken.None);
        Assert.Equal(2, feedback.Count);
        var vote = feedback.Single(f => f.UserId == "U2");
        Assert.False(vote.Helpful);
        Assert.Equal("What is QLoRA?", vote.Answer.Question);
        Assert.Equal(citation, Assert.Single(vote.Answer.Citations));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task AnswerLog_FeedbackReason_IsStoredWithTheVoteKeptOnAnotherDownAndDroppedByAnUp(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var log = bed.Services.GetRequiredService<IAnswerLog>();
        var id = await log.RecordAsync(new AnsweredQuestion("slack", "C1:123", "U1", "What is QLoRA?", "QLoRA is… [1]", true, [], null, DateTimeOffset.UtcNow), CancellationToken.None);

        await log.RecordFeedbackAsync(id, "U2", helpful: false, CancellationToken.None);
        await log.RecordFeedbackReasonAsync(id, "U2", new FeedbackReason(FeedbackReasonKind.Outdated, "  Still says v1 of the API  "), CancellationToken.None);
        await log.RecordFeedbackAsync(id, "U2", helpful: false, CancellationToken.None);
        await log.RecordFeedbackReasonAsync(id, "U3", new FeedbackReason(FeedbackReasonKind.MissingSource, null), CancellationToken.None);
        await log.RecordFeedbackReasonAsync(id, "U4", new FeedbackReason(FeedbackReasonKind.Wrong, "no"), CancellationToken.None);
        await log.RecordFeedbackAsync(id, "U4", helpful: true, CancellationToken.None);

        var votes = (await log.ListFeedbackAsync(10, CancellationToken.None)).ToDictionary(v => v.UserId);
        Assert.Equal(3, votes.Count);
        Assert.Equal((false, FeedbackReasonKind.Outdated, "Still says v1 of the API"), (votes["U2"].Helpful, votes["U2"].Reason?.Kind, votes["U2"].Reason?.Comment));
        Assert.Equal((false, FeedbackReasonKind.MissingSource, null), (votes["U3"].Helpful, votes["U3"].Reason?.Kind, votes["U3"].Reason?.Comment));
        Assert.Equal((true, null), (votes["U4"].Helpful, votes["U4"].Reason));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task AnswerLog_SameReasonFormSubmittedTwiceAtOnce_StoresOneVote(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var log = bed.Services.GetRequiredService<IAnswerLog>();
        var id = await log.RecordAsync(new AnsweredQuestion("teams", "19:x", "U1", "What is HNSW?", "HNSW is…", true, [], null, DateTimeOffset.UtcNow), CancellationToken.None);
        var reason = new FeedbackReason(FeedbackReasonKind.Wrong, "It is a graph index, not a tree.");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => log.RecordFeedbackReasonAsync(id, "U2", reason, CancellationToken.None))));

        var vote = Assert.Single(await log.ListFeedbackAsync(10, CancellationToken.None));
        Assert.Equal((false, reason), (vote.Helpful, vote.Reason));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task AnswerLog_MessageOfAnAnswer_IsFoundInItsConversationOnly(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var log = bed.Services.GetRequiredService<IAnswerLog>();
        var id = await log.RecordAsync(new AnsweredQuestion("teams", "a:1", "U1", "What is HNSW?", "HNSW is…", true, [], null, DateTimeOffset.UtcNow), CancellationToken.None);
        await log.RecordAsync(new AnsweredQuestion("teams", "a:2", "U1", "What is IVF?", "IVF is…", true, [], null, DateTimeOffset.UtcNow), CancellationToken.None);

        await log.RecordMessageAsync(id, "1:first", CancellationToken.None);
        await log.RecordMessageAsync(id, "1:sent-again", CancellationToken.None);

        Assert.Equal(id, await log.FindByMessageAsync("teams", "a:1", "1:sent-again", CancellationToken.None));
        Assert.Null(await log.FindByMessageAsync("teams", "a:1", "1:first", CancellationToken.None));
        Assert.Null(await log.FindByMessageAsync("teams", "a:2", "1:sent-again", CancellationToken.None));
        Assert.Null(await log.FindByMessageAsync("slack", "a:1", "1:sent-again", CancellationToken.None));
    }
}

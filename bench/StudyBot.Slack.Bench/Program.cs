using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StudyBot.Slack.Tests.Fakes;
using StudyBot.Tests;

namespace StudyBot.Slack.Bench;

/// <summary>
/// Slack event acknowledgement benchmark: the real host on Kestrel (loopback), signed app_mention
/// events at a fixed rate (open loop), every 20th request a Slack retry of an earlier event; then
/// every accepted event must have produced exactly one reply in the fake Slack.
/// <code>dotnet run -c Release --project bench/StudyBot.Slack.Bench -- [--rate 500] [--seconds 20]</code>
/// </summary>
internal static class SlackBench
{
    private const string Secret = "bench-signing-secret";
    private const int WarmUp = 200;

    public static async Task<int> Main(string[] args)
    {
        var rate = Argument(args, "--rate", 500);
        var seconds = Argument(args, "--seconds", 20);
        await using var slack = await FakeSlackApi.StartAsync();
        var (data, corpus) = BenchHost.Folders();
        using (data)
        using (corpus)
        {
            await using var host = new BenchHost(slack.ApiBaseUrl, data.Path, corpus.Path, Secret);
            await host.StartAsync();
            Console.WriteLine($"StudyBot on {host.Address}, fake Slack on {slack.BaseUrl}; {Environment.ProcessorCount} cores");

            var generator = new LoadGenerator(host.Address, Encoding.UTF8.GetBytes(Secret));
            Console.WriteLine($"warm-up: {WarmUp} events at 100/s");
            var warmUp = Plan(WarmUp, "warmup");
            await generator.RunAsync(warmUp, 100);
            await WaitForRepliesAsync(slack, warmUp.Count(p => p.RetryNum == 0), TimeSpan.FromMinutes(2));

            var plan = Plan(rate * seconds, "run");
            var events = plan.Where(p => p.RetryNum == 0).ToList();
            Console.WriteLine($"measuring: {plan.Count} signed requests at {rate}/s, {plan.Count - events.Count} of them Slack retries of an earlier event");
            var result = await generator.RunAsync(plan, rate);
            var drain = Stopwatch.StartNew();
            await WaitForRepliesAsync(slack, warmUp.Count(p => p.RetryNum == 0) + events.Count, TimeSpan.FromMinutes(10));
            var drained = drain.Elapsed;
            // A quiet period, so that a late duplicate would still be counted.
            await Task.Delay(TimeSpan.FromSeconds(3));
            return Report(slack, plan, events, result, drained);
        }
    }

    private static int Report(FakeSlackApi slack, List<PlannedRequest> plan, List<PlannedRequest> events, LoadResult result, TimeSpan drained)
    {
        var placeholders = slack.CallsTo("chat.postMessage").Where(c => c.Status == 200)
            .GroupBy(c => c.String("thread_ts")!).ToDictionary(g => g.Key, g => g.Count());
        var answered = slack.CallsTo("chat.update").Where(c => c.Status == 200).Select(c => c.String("ts")).ToHashSet();
        var threads = events.ToDictionary(e => e.Ts, e => slack.Threads.Replies(e.Channel, e.Ts).Count(m => (string?)m!["bot_id"] == FakeSlackApi.BotId && answered.Contains((string?)m["ts"])));
        var once = events.Count(e => placeholders.GetValueOrDefault(e.Ts) == 1 && threads[e.Ts] == 1);
        var twice = events.Count(e => placeholders.GetValueOrDefault(e.Ts) > 1);
        var missing = events.Count(e => threads[e.Ts] == 0);
        var ok = result.Statuses.Count(s => s == HttpStatusCode.OK);
        var p99 = result.Percentile(99);

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sent {plan.Count} requests in {result.SendSeconds:0.0} s ({plan.Count / result.SendSeconds:0} req/s); HTTP 200: {ok}, other: {plan.Count - ok}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ack latency from scheduled send: p50 {result.Percentile(50):0.00} ms, p90 {result.Percentile(90):0.00} ms, p99 {p99:0.00} ms, max {result.Percentile(100):0.00} ms"));
        Console.WriteLine($"events accepted: {events.Count}; answered exactly once: {once}; answered more than once: {twice}; not answered: {missing}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all answers were in the threads {drained.TotalSeconds:0.0} s after the last request was acknowledged"));
        var pass = p99 < 25 && ok == plan.Count && once == events.Count;
        Console.WriteLine(pass
            ? "PASS: p99 under 25 ms, no event lost, none answered twice"
            : "MISS: the target is p99 under 25 ms with every event answered exactly once");
        return pass ? 0 : 1;
    }

    private static List<PlannedRequest> Plan(int count, string prefix)
    {
        string[] questions = ["What is QLoRA?", "How does HNSW work?", "What is retrieval augmented generation?", "Which GPU does QLoRA need?", "What is a vector database?"];
        var template = JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("slack", "events", "app_mention.event_callback.slack_docs.json")))!.AsObject();
        var plan = new List<PlannedRequest>(count);
        var firsts = new List<PlannedRequest>();
        for (var i = 0; plan.Count < count; i++)
        {
            // Every 20th request is Slack retrying an event it sent a moment earlier.
            if (i % 20 == 19 && firsts.Count > 5)
            {
                plan.Add(firsts[^5] with { RetryNum = 1 });
                continue;
            }

            var body = template.DeepClone().AsObject();
            var ts = SlackTimestamps.Next();
            var channel = string.Create(CultureInfo.InvariantCulture, $"C{prefix.ToUpperInvariant()}{i % 50:D3}");
            body["event_id"] = string.Create(CultureInfo.InvariantCulture, $"Ev{prefix}{i:D7}");
            body["event"]!["ts"] = ts;
            body["event"]!["event_ts"] = ts;
            body["event"]!["channel"] = channel;
            body["event"]!["text"] = "<@U0LAN0Z89> " + questions[i % questions.Length];
            var request = new PlannedRequest((string)body["event_id"]!, channel, ts, body.ToJsonString(), 0);
            plan.Add(request);
            firsts.Add(request);
        }

        return plan;
    }

    /// <summary>Polls (rather than waking on every call) so that waiting costs the host no CPU.</summary>
    private static async Task WaitForRepliesAsync(FakeSlackApi slack, int expected, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (slack.CallsTo("chat.update").Count(c => c.Status == 200) < expected)
        {
            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"only {slack.CallsTo("chat.update").Count(c => c.Status == 200)} of {expected} replies after {limit}");
            }

            await Task.Delay(200);
        }
    }

    private static int Argument(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using StudyBot.Teams.Bench;
using StudyBot.Teams.Tests.Infrastructure;

// Throughput and time-to-200 of POST /api/messages over loopback, every request carrying a Bot Connector
// token that is fully validated (signature, issuer, audience, lifetime, endorsement, serviceUrl; keys cached),
// every accepted activity stored in the inbox before the 200 and then answered through the fake Connector.
//   dotnet run -c Release --project bench/StudyBot.Teams.Bench [-- <rate per s> <seconds> <saturation seconds>]
// The data folder (SQLite app store) is created under the system temp folder: TMPDIR=/dev/shm takes the disk out.
var rate = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var saturationSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
string[] questions = ["What is QLoRA?", "What is LoRA?", "How do vector stores find the nearest embeddings?", "What is PEFT?", "status"];

await using var authority = await OpenIdAuthority.StartBotFrameworkAsync();
await using var connector = await FakeConnector.StartAsync(keepBodies: false);
await using var host = await BenchHost.StartAsync(authority, connector);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(host.BaseUrl),
    Timeout = TimeSpan.FromSeconds(30),
};
var token = authority.IssueToken(TeamsActivities.BotAppId, connector.ServiceUrl);
var sequence = 0;

Console.WriteLine($"StudyBot Teams /api/messages benchmark — loopback, {Environment.ProcessorCount} cores, token validated on every request (keys cached)");
await WaitForIndexAsync();
await RunOpenLoopAsync("warm-up", rate: 200, count: 400);
var measured = await RunOpenLoopAsync($"open loop at {rate}/s", rate, rate * seconds);
var saturation = await RunClosedLoopAsync(concurrency: 64, duration: TimeSpan.FromSeconds(saturationSeconds));
await CheckNoLossAsync(measured.Accepted + saturation.Accepted + 400);

async Task WaitForIndexAsync()
{
    while (true)
    {
        using var status = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
        var sources = status.RootElement.GetProperty("index").GetProperty("sources").EnumerateArray();
        if (status.RootElement.GetProperty("ready").GetBoolean() && sources.All(s => s.GetProperty("state").GetString() is "idle" or "failed"))
        {
            return;
        }

        await Task.Delay(100);
    }
}

async Task<(HttpStatusCode Status, double Milliseconds)> SendAsync(long scheduledTicks)
{
    var n = Interlocked.Increment(ref sequence);
    var activity = TeamsActivities.Mention(connector.ServiceUrl, $"bench-{n}", questions[n % questions.Length]);
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    return (response.StatusCode, Stopwatch.GetElapsedTime(scheduledTicks).TotalMilliseconds);
}

// Sends on a fixed schedule whatever the server does, and measures from the scheduled time, so a slow
// server cannot hide latency by slowing the sender down (no coordinated omission).
async Task<Result> RunOpenLoopAsync(string name, int rate, int count)
{
    var start = Stopwatch.GetTimestamp();
    var interval = Stopwatch.Frequency / (double)rate;
    var sends = new List<Task<(HttpStatusCode Status, double Milliseconds)>>(count);
    for (var i = 0; i < count; i++)
    {
        var due = start + (long)(i * interval);
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait);
        }

        sends.Add(SendAsync(due));
    }

    var results = await Task.WhenAll(sends);
    var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
    var result = Result.Of(results, elapsed);
    Console.WriteLine($"{name}: {result.Describe()}");
    return result;
}

async Task<Result> RunClosedLoopAsync(int concurrency, TimeSpan duration)
{
    var start = Stopwatch.GetTimestamp();
    var results = new System.Collections.Concurrent.ConcurrentBag<(HttpStatusCode, double)>();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            results.Add(await SendAsync(Stopwatch.GetTimestamp()));
        }
    }));
    var result = Result.Of([.. results], Stopwatch.GetElapsedTime(start).TotalSeconds);
    Console.WriteLine($"saturation, {concurrency} concurrent senders: {result.Describe()}");
    return result;
}

async Task CheckNoLossAsync(int accepted)
{
    var wait = Stopwatch.StartNew();
    var answered = 0;
    while (wait.Elapsed < TimeSpan.FromMinutes(10))
    {
        answered = connector.Calls.Where(c => c.Type == "message" && c.ReplyToId?.StartsWith("bench-", StringComparison.Ordinal) == true)
            .Select(c => c.ReplyToId).Distinct().Count();
        if (answered >= accepted)
        {
            break;
        }

        await Task.Delay(500);
    }

    Console.WriteLine($"no loss: {accepted} activities acknowledged with 200, {answered} answered through the Connector, {accepted - answered} lost " +
        $"(all answered {wait.Elapsed.TotalSeconds:0.0} s after the last 200)");
}

internal sealed record Result(int Sent, int Accepted, double Seconds, double P50, double P99, double Max)
{
    public static Result Of(IReadOnlyList<(HttpStatusCode Status, double Milliseconds)> results, double seconds)
    {
        var latencies = results.Select(r => r.Milliseconds).Order().ToArray();
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        return new Result(results.Count, results.Count(r => r.Status == HttpStatusCode.OK), seconds, Percentile(0.50), Percentile(0.99), latencies[^1]);
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Sent} sent, {Accepted} × 200, {Accepted / Seconds:0} activities/s; time to 200 p50 {P50:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms");
}

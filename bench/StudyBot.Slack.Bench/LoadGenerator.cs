using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using StudyBot.Slack.Authentication;

namespace StudyBot.Slack.Bench;

/// <summary>
/// Open-loop load: signed Events API requests sent on a fixed schedule whatever the server does, with
/// each latency measured from the request's scheduled time (so a stall is not hidden by sending less).
/// </summary>
internal sealed class LoadGenerator(Uri host, byte[] signingSecret)
{
    public async Task<LoadResult> RunAsync(IReadOnlyList<PlannedRequest> plan, int perSecond)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new double[plan.Count];
        var statuses = new HttpStatusCode[plan.Count];
        var interval = Stopwatch.Frequency / (double)perSecond;
        var clock = Stopwatch.StartNew();
        // The schedule sleeps between sends, so it runs on a thread of its own: on a pool thread it would
        // hold one of the pool's few workers (one per core) that the host in this process needs.
        var inFlight = await Task.Factory.StartNew(() => Schedule(plan, interval, clock, Send), TaskCreationOptions.LongRunning);
        var sendSeconds = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(inFlight);
        return new LoadResult(latencies, statuses, sendSeconds);

        async Task Send(int index, long due)
        {
            using var request = Signed(plan[index]);
            using var response = await http.SendAsync(request);
            statuses[index] = response.StatusCode;
            latencies[index] = (clock.ElapsedTicks - due) * 1000.0 / Stopwatch.Frequency;
        }
    }

    private static List<Task> Schedule(IReadOnlyList<PlannedRequest> plan, double interval, Stopwatch clock, Func<int, long, Task> send)
    {
        var inFlight = new List<Task>(plan.Count);
        for (var i = 0; i < plan.Count; i++)
        {
            // Sleeping (not spinning: this machine has two cores) and then sending whatever is due.
            var due = (long)(i * interval);
            while (clock.ElapsedTicks < due)
            {
                Thread.Sleep(1);
            }

            var (index, at) = (i, due);
            inFlight.Add(Task.Run(() => send(index, at)));
        }

        return inFlight;
    }

    private HttpRequestMessage Signed(PlannedRequest planned)
    {
        var body = Encoding.UTF8.GetBytes(planned.Body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(signingSecret, timestamp, body));
        if (planned.RetryNum > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", planned.RetryNum.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }
}

/// <summary>One request of the plan: an event body, first delivery (0) or a Slack retry.</summary>
internal sealed record PlannedRequest(string EventId, string Channel, string Ts, string Body, int RetryNum);

internal sealed record LoadResult(double[] LatenciesMs, HttpStatusCode[] Statuses, double SendSeconds)
{
    public double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using StudyBot.Core.Telemetry;

namespace StudyBot.Host.Tests;

/// <summary>StudyBot's ActivitySource and Meter are process-wide, so these tests run alone (no other host records meanwhile).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryRunsAlone
{
    public const string Name = "telemetry";
}

[Collection(TelemetryRunsAlone.Name)]
public sealed class TelemetryTests : RunningHostTests
{
    private const string MetricsKey = "scrape-key-123456";
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];

    protected override Dictionary<string, string?> Settings() => new() { ["StudyBot:Telemetry:MetricsKey"] = MetricsKey };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
    }

    private List<MetricSnapshot> FlushMetrics()
    {
        // False here because the Prometheus reader only collects on a scrape; the in-memory reader flushes regardless.
        Host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        lock (_metrics)
        {
            return [.. _metrics];
        }
    }

    private static double Sum(IEnumerable<MetricSnapshot> metrics, string name, params (string Tag, object Value)[] tags) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints.Select(p => (m.MetricType, Point: p)))
            .Where(x => tags.All(t => Tags(x.Point).TryGetValue(t.Tag, out var v) && Equals(v, t.Value)))
            .Select(x => x.MetricType.IsHistogram() ? x.Point.GetHistogramCount()
                : x.MetricType.IsDouble() ? x.Point.GetSumDouble() : x.Point.GetSumLong())
            .DefaultIfEmpty(0)
            .Max();

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }

    [Fact]
    public void Ingestion_RecordsASpanAndCountsPerSource()
    {
        var metrics = FlushMetrics();

        var run = _spans.First(s => s.OperationName == "studybot.ingest" && (string?)s.GetTagItem(TelemetryTags.Source) == "knowledge");
        Assert.Equal(3, run.GetTagItem("studybot.documents.added"));
        Assert.Equal(2, run.GetTagItem("studybot.documents.failed"));
        Assert.Equal(3, Sum(metrics, "studybot.ingestion.documents", (TelemetryTags.Source, "knowledge"), (TelemetryTags.Outcome, "added")));
        Assert.Equal(2, Sum(metrics, "studybot.ingestion.errors", (TelemetryTags.Source, "knowledge"), (TelemetryTags.Outcome, "document")));
        Assert.True(Sum(metrics, "studybot.ingestion.chunks", (TelemetryTags.Source, "knowledge")) > 3);
        Assert.Equal(1, Sum(metrics, "studybot.ingestion.duration", (TelemetryTags.Source, "knowledge"), (TelemetryTags.Outcome, "succeeded")));
    }

    [Fact]
    public async Task Ask_RecordsMessageAndRetrievalSpansAndLatencies()
    {
        var response = await Client.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var metrics = FlushMetrics();

        var message = _spans.Single(s => s.OperationName == "studybot.message");
        Assert.Equal("api", message.GetTagItem(TelemetryTags.Channel));
        Assert.Equal(true, message.GetTagItem(TelemetryTags.Found));
        var retrieval = _spans.Single(s => s.OperationName == "studybot.retrieve");
        Assert.Equal(message.SpanId, retrieval.ParentSpanId);
        Assert.Equal(message.TraceId, retrieval.TraceId);
        Assert.Equal(1, Sum(metrics, "studybot.answer.duration", (TelemetryTags.Channel, "api"), (TelemetryTags.Found, true)));
        Assert.Equal(1, Sum(metrics, "studybot.retrieval.duration"));
    }

    [Fact]
    public async Task Feedback_IsCountedByChannelAndVote()
    {
        var answer = await (await Client.PostAsJsonAsync("/api/chat", new { text = "What is QLoRA?" })).Content.ReadFromJsonAsync<ChatAnswer>();
        await Client.PostAsJsonAsync("/api/feedback", new { answerId = answer!.AnswerId, helpful = false });

        Assert.Equal(1, Sum(FlushMetrics(), "studybot.feedback", (TelemetryTags.Channel, "web"), (TelemetryTags.Helpful, false)));
    }

    [Fact]
    public async Task Metrics_ScrapeWithTheKey_ServesPrometheusText()
    {
        await Client.PostAsJsonAsync("/api/ask", new { question = "What is HNSW?" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MetricsKey);

        var scrape = await Client.SendAsync(request);
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("studybot_answer_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("studybot_ingestion_documents_total{", text, StringComparison.Ordinal);
        Assert.Contains("studybot_source=\"knowledge\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithoutTheKey_Returns401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/metrics")).StatusCode);
    }

    private sealed record ChatAnswer(string AnswerId);
}

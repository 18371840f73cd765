using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using StudyBot.Eval.Beir;
using StudyBot.Eval.Retrieval;

namespace StudyBot.Eval.Product;

/// <summary>
/// Evaluates StudyBot the way a user meets it: the corpus is written as plain .txt files (no titles
/// but the file names), ingested by the real host as a Files source at default settings, and every
/// question is asked through POST /api/ask once ingestion and background embedding are done — or,
/// <c>beforeVectors</c>, as soon as the words index every document, while vectors are still computed.
/// </summary>
internal static class ProductEvaluator
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(45);

    public static async Task<ProductReport> RunAsync(BeirDataset dataset, QuerySelection selection, IConfiguration settings, bool beforeVectors, TextWriter progress, CancellationToken cancellationToken)
    {
        var corpus = Path.Combine(Path.GetTempPath(), "studybot-eval", "corpus-" + Guid.NewGuid().ToString("N"));
        var documents = WriteCorpus(dataset, corpus);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            await using var host = await ProductHost.StartAsync(corpus, settings, cancellationToken);
            using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(2) };
            var (ingestion, embedding, chunks) = await WaitUntilIndexedAsync(http, beforeVectors, stopwatch, progress, cancellationToken);
            var embeddedAtFirst = await EmbeddedAsync(http, cancellationToken);

            await AskAsync(http, "warm up", cancellationToken);
            var outcomes = new List<ProductOutcome>();
            foreach (var query in dataset.Queries.Where(q => selection.Includes(q)))
            {
                var started = Stopwatch.GetTimestamp();
                var answer = await AskAsync(http, query.Text, cancellationToken);
                var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var first = answer.Citations.Count > 0 && answer.Citations[0].Link is { } link && documents.TryGetValue(link, out var id) ? id : null;
                var recall = query.ReferenceAnswer is null ? null : KeyFactRecall(query.ReferenceAnswer, answer.Answer);
                outcomes.Add(new ProductOutcome(query, answer.Found, first, first is not null && query.RelevantDocuments.Contains(first), answer.Found ? recall : 0, answer.Answer, latency));
            }

            var embeddedAtLast = await EmbeddedAsync(http, cancellationToken);
            return new ProductReport(selection, dataset.Corpus.Count, chunks, ingestion, embedding, (embeddedAtFirst, embeddedAtLast), outcomes);
        }
        finally
        {
            Directory.Delete(corpus, recursive: true);
        }
    }

    /// <summary>Each corpus document as "&lt;name&gt;.txt" holding its text as it is; returns file name → corpus id.</summary>
    private static Dictionary<string, string> WriteCorpus(BeirDataset dataset, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in dataset.Corpus)
        {
            var name = Path.GetFileNameWithoutExtension(document.Id) + ".txt";
            File.WriteAllText(Path.Combine(folder, name), document.Text);
            files[name] = document.Id;
        }

        return files;
    }

    /// <summary>Polls /api/status until every source is indexed and, unless <paramref name="beforeVectors"/>, every chunk has its vector.</summary>
    internal static async Task<(TimeSpan Ingestion, TimeSpan? Embedding, int Chunks)> WaitUntilIndexedAsync(HttpClient http, bool beforeVectors, Stopwatch stopwatch, TextWriter progress, CancellationToken cancellationToken)
    {
        TimeSpan? ingested = null;
        var reported = -1;
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>("/api/status", Json, cancellationToken);
            var index = status.GetProperty("index");
            var sources = index.GetProperty("sources").EnumerateArray().ToList();
            var indexed = status.GetProperty("ready").GetBoolean() && sources.Count > 0
                && sources.All(s => s.GetProperty("state").GetString() is "idle" or "failed") && sources.All(s => s.GetProperty("lastRun").ValueKind == JsonValueKind.Object);
            if (indexed && ingested is null)
            {
                ingested = stopwatch.Elapsed;
                if (sources.Any(s => s.GetProperty("state").GetString() == "failed"))
                {
                    throw new InvalidOperationException("ingestion failed: " + index);
                }
            }

            var chunks = index.GetProperty("chunks").GetInt32();
            var embedded = Embedded(index);
            if (ingested is not null && (beforeVectors || embedded >= chunks))
            {
                return (ingested.Value, embedded >= chunks ? stopwatch.Elapsed : null, chunks);
            }

            if (ingested is not null && embedded / 100 != reported)
            {
                reported = embedded / 100;
                await progress.WriteLineAsync($"embedding: {embedded} of {chunks} chunks ({stopwatch.Elapsed.TotalSeconds:0} s)");
            }

            if (stopwatch.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException("the index was not ready in time: " + status);
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static async Task<int> EmbeddedAsync(HttpClient http, CancellationToken cancellationToken) =>
        Embedded((await http.GetFromJsonAsync<JsonElement>("/api/status", Json, cancellationToken)).GetProperty("index"));

    /// <summary>Chunks with their vector (all of them when the store embeds as it indexes).</summary>
    private static int Embedded(JsonElement index) =>
        index.TryGetProperty("embeddings", out var e) && e.ValueKind == JsonValueKind.Object ? e.GetProperty("embedded").GetInt32() : index.GetProperty("chunks").GetInt32();

    private static async Task<AskAnswer> AskAsync(HttpClient http, string question, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/ask", new { question }, Json, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /api/ask answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return (await response.Content.ReadFromJsonAsync<AskAnswer>(Json, cancellationToken))!;
    }

    private static double? KeyFactRecall(string reference, string answer)
    {
        var wanted = AnswerSupport.ContentWords(reference);
        if (wanted.Count == 0)
        {
            return null;
        }

        var given = AnswerSupport.ContentWords(answer);
        return wanted.Count(given.Contains) / (double)wanted.Count;
    }

    private sealed record AskAnswer(string Answer, bool Found, IReadOnlyList<AskCitation> Citations);

    private sealed record AskCitation(string Link);
}

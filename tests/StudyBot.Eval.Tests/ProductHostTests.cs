using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using StudyBot.Eval.Product;

namespace StudyBot.Eval.Tests;

public sealed class ProductHostTests
{
    /// <summary>`product --queries all` asks ARAGOG's 107 questions from one caller in a burst: no limit may turn one away.</summary>
    [Fact]
    public async Task Ask_MoreQuestionsInAMinuteThanACallerMayAsk_AnswersEveryOne()
    {
        var corpus = Directory.CreateTempSubdirectory("studybot-eval-corpus").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(corpus, "rrf.txt"), "Reciprocal rank fusion adds 1 / (k + rank) over the rankings; k is usually 60.");
            await using var host = await ProductHost.StartAsync(corpus, new ConfigurationBuilder().AddInMemoryCollection().Build(), CancellationToken.None);
            using var http = new HttpClient { BaseAddress = host.Address };
            await ProductEvaluator.WaitUntilIndexedAsync(http, beforeVectors: true, Stopwatch.StartNew(), TextWriter.Null, CancellationToken.None);

            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 70; i++)
            {
                using var response = await http.PostAsJsonAsync("/api/ask", new { question = $"What value of k does fusion use? ({i})" });
                statuses.Add(response.StatusCode);
            }

            Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        }
        finally
        {
            Directory.Delete(corpus, recursive: true);
        }
    }
}

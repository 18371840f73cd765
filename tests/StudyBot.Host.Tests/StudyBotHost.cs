using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>
/// The real StudyBot host on a test corpus and data folder (configured through the documented
/// StudyBot:* keys), with helpers to wait for ingestion.
/// </summary>
internal sealed class StudyBotHost(
    string dataDirectory,
    string corpus,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("StudyBot:DataDirectory", dataDirectory);
        builder.UseSetting("StudyBot:Sources:knowledge:Type", "Files");
        builder.UseSetting("StudyBot:Sources:knowledge:Path", corpus);
        builder.UseSetting("StudyBot:Admin:ApiKey", AdminKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        return client;
    }

    /// <summary>
    /// Polls /api/status until the index is loaded, no source is pending or running and, unless told
    /// otherwise, every chunk has its vector (answers come before that, but most tests of their content
    /// want them settled; a first start on the whole sample answers by words meanwhile, as a user meets it).
    /// </summary>
    public static async Task<JsonElement> WaitForIngestionAsync(HttpClient client, bool vectors = true)
    {
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>("/api/status", Json);
            var index = status.GetProperty("index");
            var sources = index.GetProperty("sources").EnumerateArray();
            var embedded = !vectors || !index.TryGetProperty("embeddings", out var progress) || progress.ValueKind != JsonValueKind.Object
                || progress.GetProperty("embedded").GetInt32() >= progress.GetProperty("chunks").GetInt32();
            if (status.GetProperty("ready").GetBoolean() && sources.All(s => s.GetProperty("state").GetString() is "idle" or "failed" or "unconfigured") && embedded)
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("ingestion did not finish: " + status);
            }

            await Task.Delay(100);
        }
    }

    public static JsonElement Source(JsonElement status, string name) =>
        status.GetProperty("index").GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
}

/// <summary>A small corpus: two of the sample notes, a two-column paper page, a scanned PDF and a corrupt one.</summary>
internal sealed class TestCorpus : IDisposable
{
    private readonly TempFolder _folder = new();

    public TestCorpus()
    {
        File.Copy(System.IO.Path.Combine(TestPaths.Knowledge, "fine-tuning-lora-qlora-peft.md"), Combine("fine-tuning.md"));
        File.Copy(System.IO.Path.Combine(TestPaths.Knowledge, "vector-stores.md"), Combine("vector-stores.md"));
        Directory.CreateDirectory(Combine("papers"));
        File.Copy(TestPaths.Fixture("pdf", "llm-papers", "llama_arxiv-2302.13971_page1.pdf"), Combine("papers", "llama.pdf"));
        File.Copy(TestPaths.Fixture("pdf", "scanned", "huckfinn-c02-22_scanned_no-text.pdf"), Combine("papers", "scanned.pdf"));
        var cot = File.ReadAllBytes(TestPaths.Fixture("pdf", "llm-papers", "chain-of-thought_arxiv-2201.11903_page1.pdf"));
        File.WriteAllBytes(Combine("papers", "corrupt.pdf"), cot[..5000]);
    }

    public string Path => _folder.Path;

    public string Combine(params string[] parts) => _folder.Combine(parts);

    public void Dispose() => _folder.Dispose();
}

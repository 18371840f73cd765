using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Http;

namespace StudyBot.Knowledge.Sources.Notion;

/// <summary>One named HttpClient per configured Notion source: its API root, token, Notion-Version and the shared resilience policy.</summary>
public static class NotionSources
{
    public static readonly Uri DefaultBaseUrl = new("https://api.notion.com/");

    /// <summary>Notion's published limit is an average of three requests per second per integration.</summary>
    public const double RequestsPerSecond = 3;

    public static string ClientName(string source) => "notion:" + source;

    public static IServiceCollection AddNotionClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient();
        var sources = configuration.GetSection(KnowledgeOptions.SectionName).GetSection("Sources").GetChildren();
        foreach (var source in sources.Where(s => s["Type"] == "Notion"))
        {
            var name = source.Key;
            services.AddHttpClient(ClientName(name), (sp, http) => Configure(http, sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Sources[name]))
                .RedactLoggedHeaders(_ => true)
                .AddApiResilience(RequestsPerSecond);
        }

        return services;
    }

    public static NotionSource Create(string name, SourceOptions options, IHttpClientFactory httpClients, TimeProvider time) =>
        new(name, options, () => httpClients.CreateClient(ClientName(name)), time);

    internal static void Configure(HttpClient http, SourceOptions options)
    {
        var root = string.IsNullOrWhiteSpace(options.BaseUrl) ? DefaultBaseUrl.ToString() : options.BaseUrl;
        http.BaseAddress = new Uri(root.EndsWith('/') ? root : root + "/");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        http.DefaultRequestHeaders.Add("Notion-Version", NotionClient.ApiVersion);
        http.Timeout = Timeout.InfiniteTimeSpan; // the resilience policy bounds each attempt and the whole call
    }
}

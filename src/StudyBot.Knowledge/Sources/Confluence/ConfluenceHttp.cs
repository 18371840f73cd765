using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Http;

namespace StudyBot.Knowledge.Sources.Confluence;

/// <summary>One named HttpClient per Confluence source, with the shared retry and pacing policy.</summary>
public static class ConfluenceHttp
{
    /// <summary>Registers the clients of the Confluence sources found in <paramref name="configuration"/>'s StudyBot:Sources.</summary>
    public static IServiceCollection AddConfluenceHttpClients(this IServiceCollection services, IConfiguration configuration)
    {
        var sources = configuration.GetSection($"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.Sources)}").GetChildren();
        foreach (var source in sources.Where(s => string.Equals(s[nameof(SourceOptions.Type)], "Confluence", StringComparison.OrdinalIgnoreCase)))
        {
            services.AddConfluenceHttpClient(source.Key);
        }

        return services;
    }

    public static IServiceCollection AddConfluenceHttpClient(this IServiceCollection services, string source)
    {
        // The resilience pipeline carries the timeouts; Retry-After waits must not hit HttpClient's 100 s default.
        services.AddHttpClient(ConfluenceSource.HttpClientName(source), http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddApiResilience(requestsPerSecond: ConfluenceSource.RequestsPerSecond);
        return services;
    }
}

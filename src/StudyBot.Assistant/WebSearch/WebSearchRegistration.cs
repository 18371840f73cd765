using Microsoft.Extensions.DependencyInjection;
using StudyBot.Knowledge.Http;

namespace StudyBot.Assistant.WebSearch;

internal static class WebSearchRegistration
{
    /// <summary>Registers the configured provider as <see cref="IWebSearch"/>; nothing for None.</summary>
    public static void AddWebSearch(this IServiceCollection services, WebSearchOptions options)
    {
        switch (options.Provider)
        {
            case "Brave":
                services.AddSearch<BraveSearch>();
                break;
            case "SearxNG":
                services.AddSearch<SearxngSearch>();
                break;
            case "Tavily":
                services.AddSearch<TavilySearch>();
                break;
        }
    }

    // A singleton that takes a fresh client from the factory per search, so handlers rotate.
    // One retry at most: a search runs inside the answer deadline.
    private static void AddSearch<T>(this IServiceCollection services)
        where T : class, IWebSearch
    {
        services.AddHttpClient(typeof(T).Name).AddApiResilience(requestsPerSecond: null, maxRetryAttempts: 1);
        services.AddSingleton<IWebSearch, T>();
    }
}

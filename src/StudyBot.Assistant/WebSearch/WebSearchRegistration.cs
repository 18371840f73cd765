using Microsoft.Extensions.DependencyInjection;
using StudyBot.Knowledge.Http;

namespace StudyBot.Assistant.WebSearch;

internal static class WebSearchRegistration
{
    /// <summary>Registers the configured provider as <see cref="IWebSearch"/>; nothing for None.</summary>
    public static void AddWebSearch(this IServiceCollection services, WebSearchOptions options)
    {
        // One retry at most: a search runs inside the answer deadline.
        switch (options.Provider)
        {
            case "Brave":
                services.AddHttpClient<IWebSearch, BraveSearch>().AddApiResilience(requestsPerSecond: null, maxRetryAttempts: 1);
                break;
            case "SearxNG":
                services.AddHttpClient<IWebSearch, SearxngSearch>().AddApiResilience(requestsPerSecond: null, maxRetryAttempts: 1);
                break;
            case "Tavily":
                services.AddHttpClient<IWebSearch, TavilySearch>().AddApiResilience(requestsPerSecond: null, maxRetryAttempts: 1);
                break;
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StudyBot.Core.Inbox;

namespace StudyBot.Adapters.Handling;

public static class InboxHandlerRegistration
{
    /// <summary>An adapter's inbox handler, and the one dispatcher (registered once) that hands every adapter's accepted work to its handler.</summary>
    public static IServiceCollection AddInboxHandler<THandler>(this IServiceCollection services)
        where THandler : class, IInboxHandler
    {
        services.AddSingleton<IInboxHandler, THandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InboxDispatcher>());
        return services;
    }
}

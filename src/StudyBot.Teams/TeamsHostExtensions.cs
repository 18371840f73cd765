using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Core.Admin;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Authentication;
using StudyBot.Teams.Connector;
using StudyBot.Teams.Handling;

namespace StudyBot.Teams;

public static class TeamsHostExtensions
{
    /// <summary>The Microsoft Teams adapter: token validation, connector client, activity handlers, inbox handler.</summary>
    public static IHostApplicationBuilder AddStudyBotTeams(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // Every outbound call retries 429/5xx with exponential backoff and jitter, waiting at least Retry-After.
        services.AddHttpClient(OpenIdDocumentClient.HttpClientName).AddStandardResilienceHandler(o => o.Retry.ShouldRetryAfterHeader = true);
        services.AddHttpClient(AppTokenProvider.HttpClientName).AddStandardResilienceHandler(o => o.Retry.ShouldRetryAfterHeader = true);
        services.AddHttpClient<ConnectorClient>().AddStandardResilienceHandler(o => o.Retry.ShouldRetryAfterHeader = true);

        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<UnauthenticatedModeWarning>();
        services.AddSingleton<AppTokenProvider>();
        services.AddSingleton<IncomingTranslator>();
        services.AddTransient<TypingIndicator>();
        services.AddTransient<ReplyDelivery>();
        services.AddTransient<QuestionHandler>();
        services.AddTransient<SubmitActionHandler>();
        services.AddTransient<WelcomeHandler>();
        services.AddTransient<CardActionInvoke>();
        services.AddTransient<MessagesEndpoint>();
        services.AddSingleton<IInboxHandler, TeamsInboxHandler>();
        services.AddTransient<IChannelNotifier, TeamsChannelNotifier>();
        services.AddSingleton<ConversationReferences>();
        services.AddSingleton<IReplyPoster, TeamsReplyPoster>();
        services.AddHostedService<TeamsStartupCheck>();
        return builder;
    }

    /// <summary>POST /api/messages, the Bot Framework messaging endpoint.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost(MessagesEndpoint.Route, (HttpRequest request, MessagesEndpoint endpoint, CancellationToken cancellationToken) =>
                endpoint.HandleAsync(request, cancellationToken))
            .WithName("TeamsMessages")
            .WithSummary("Bot Framework messaging endpoint for Microsoft Teams (bearer token from the Bot Connector required).")
            .ExcludeFromDescription();
        return app;
    }
}

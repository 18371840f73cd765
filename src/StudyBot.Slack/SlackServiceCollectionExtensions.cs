using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Slack.Commands;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Events;
using StudyBot.Slack.Intake;
using StudyBot.Slack.Interactions;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Replies;
using StudyBot.Slack.Signing;
using StudyBot.Slack.SocketMode;
using StudyBot.Slack.WebApi;

namespace StudyBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// The Slack adapter, when StudyBot:Slack sets a token or secret: Web API client, intake, the
    /// inbox handler of channel "slack", and either the signed HTTP endpoints or Socket Mode.
    /// </summary>
    public static IHostApplicationBuilder AddStudyBotSlack(this IHostApplicationBuilder builder)
    {
        if (!SlackOptions.IsConfigured(builder.Configuration))
        {
            return builder;
        }

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient<SlackApiClient>((sp, http) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(PooledHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(_ => true)
            .AddResilienceHandler(SlackResilience.PipelineName, SlackResilience.Configure);
        services.AddHttpClient<ResponseUrlClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(PooledHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler(SlackResilience.PipelineName, SlackResilience.Configure);

        services.AddSingleton<SlackBotIdentity>();
        services.AddHostedService<SlackStartup>();
        services.AddSingleton<BlockKitRenderer>();
        services.AddSingleton<SlackWorkIntake>();
        services.AddSingleton<EventIntake>();
        services.AddSingleton<CommandIntake>();
        services.AddSingleton<InteractionIntake>();
        services.AddSingleton<ThreadReplyWriter>();
        services.AddSingleton<ISlackWorkProcessor, QuestionProcessor>();
        services.AddSingleton<ISlackWorkProcessor, CommandProcessor>();
        services.AddSingleton<ISlackWorkProcessor, ActionProcessor>();
        services.AddSingleton<IInboxHandler, SlackInboxHandler>();
        services.AddSingleton<IReplyPoster, SlackReplyPoster>();

        var options = builder.Configuration.GetSection(SlackOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(options[nameof(SlackOptions.AppToken)]))
        {
            services.AddSingleton<SocketEnvelopeRouter>();
            services.AddHostedService<SocketModeService>();
        }
        else
        {
            services.AddSingleton(sp => new SlackSignatureVerifier(
                Encoding.UTF8.GetBytes(sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret ?? ""),
                sp.GetRequiredService<TimeProvider>()));
        }

        return builder;
    }

    /// <summary>Typed clients live in singletons here, so connections are recycled by the handler instead of by the factory.</summary>
    private static SocketsHttpHandler PooledHandler() => new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
}

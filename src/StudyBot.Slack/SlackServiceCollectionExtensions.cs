using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Api;
using StudyBot.Adapters.Handling;
using StudyBot.Core.Conversations;
using StudyBot.Slack.Api;
using StudyBot.Slack.Authentication;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Handling;
using StudyBot.Slack.Intake;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Replies;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// The Slack adapter, when StudyBot:Slack sets a token or secret: options, the Web API client,
    /// intake over signed HTTP endpoints or Socket Mode, the inbox handler of channel "slack" with one
    /// handler per kind of work, Block Kit rendering and the reply poster.
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
        services.AddHostedService<SlackStartupCheck>();

        services.AddHttpClient<SlackApiClient>((sp, http) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            })
            .RedactLoggedHeaders(_ => true)
            .AddAdapterResilience();

        // A response_url is itself a credential, so its client logs nothing.
        services.AddHttpClient<ResponseUrlClient>().RemoveAllLoggers().AddAdapterResilience();
        services.AddSingleton<SlackBotIdentity>();

        services.AddSingleton<SlackWorkIntake>();
        services.AddSingleton<EventIntake>();
        services.AddSingleton<CommandIntake>();
        services.AddSingleton<InteractionIntake>();
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

        services.AddInboxHandler<SlackInboxHandler>();
        services.AddSingleton<IWorkHandler<SlackWork>, QuestionHandler>();
        services.AddSingleton<IWorkHandler<SlackWork>, SlashCommandHandler>();
        services.AddSingleton<IWorkHandler<SlackWork>, BlockActionHandler>();

        services.AddSingleton<BlockKitRenderer>();
        services.AddSingleton<ThreadReplyWriter>();
        services.AddSingleton<StreamedReplyWriter>();
        services.AddSingleton<IReplyPoster, SlackReplyPoster>();
        return builder;
    }
}

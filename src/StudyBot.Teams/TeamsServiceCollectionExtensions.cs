using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Api;
using StudyBot.Adapters.Handling;
using StudyBot.Core.Conversations;
using StudyBot.Teams.Api;
using StudyBot.Teams.Authentication;
using StudyBot.Teams.Configuration;
using StudyBot.Teams.Feedback;
using StudyBot.Teams.Handling;
using StudyBot.Teams.Intake;
using StudyBot.Teams.MessageActions;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// The Microsoft Teams adapter: options, the Bot Connector client and its token, token validation of
    /// /api/messages, the inbox handler of channel "teams" with one handler per kind of work, Adaptive
    /// Card rendering and the reply poster.
    /// </summary>
    public static IHostApplicationBuilder AddStudyBotTeams(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddHostedService<TeamsStartupCheck>();

        services.AddHttpClient<ConnectorClient>().AddAdapterResilience();
        services.AddHttpClient(AppTokenProvider.HttpClientName).AddAdapterResilience();
        services.AddSingleton<AppTokenProvider>();

        // Signing keys are fetched while the Bot Connector waits for its 200, so the whole fetch is bounded tighter.
        services.AddHttpClient(OpenIdDocumentClient.HttpClientName).AddAdapterResilience(TimeSpan.FromSeconds(30));
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<UnauthenticatedModeWarning>();

        services.AddSingleton<MessagesEndpoint>();
        services.AddSingleton<CardActionInvoke>();
        services.AddSingleton<QuizCardRefresh>();
        services.AddSingleton<FeedbackLoopInvoke>();
        services.AddSingleton<AskAboutMessage>();

        services.AddInboxHandler<TeamsInboxHandler>();
        services.AddSingleton<IWorkHandler<Activity>, QuestionHandler>();
        services.AddSingleton<IWorkHandler<Activity>, SubmitActionHandler>();
        services.AddSingleton<IWorkHandler<Activity>, WelcomeHandler>();
        services.AddSingleton<IWorkHandler<Activity>, PostAnswerHandler>();
        services.AddSingleton<IncomingTranslator>();
        services.AddSingleton<ConversationHistory>();
        services.AddSingleton<TypingIndicator>();

        services.AddSingleton<AdaptiveCardRenderer>();
        services.AddSingleton<ActivityRenderer>();
        services.AddSingleton<StreamedReplyWriter>();
        services.AddSingleton<ReplyDelivery>();
        services.AddSingleton<IReplyPoster, TeamsReplyPoster>();
        return builder;
    }
}

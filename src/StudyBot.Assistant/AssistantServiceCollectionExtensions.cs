using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Answering.Generative;
using StudyBot.Assistant.Commands;
using StudyBot.Assistant.Models;
using StudyBot.Assistant.Prompts;
using StudyBot.Assistant.Quizzes;
using StudyBot.Assistant.Safety;
using StudyBot.Assistant.WebSearch;
using StudyBot.Core.Models;

namespace StudyBot.Assistant;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>The conversation engine, its commands and the answerer: generative when a chat model is configured, extractive otherwise.</summary>
    public static IHostApplicationBuilder AddStudyBotAssistant(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ExtractiveAnswerer>();
        services.AddSingleton<IAnswerer>(sp => sp.GetRequiredService<ChatModel>().IsConfigured
            ? ActivatorUtilities.CreateInstance<GenerativeAnswerer>(sp)
            : sp.GetRequiredService<ExtractiveAnswerer>());
        services.AddSingleton<ICommandHandler, AskCommand>();
        services.AddSingleton<ICommandHandler, StatusCommand>();
        services.AddSingleton<ICommandHandler, ReindexCommand>();
        services.AddSingleton<IActionHandler, FeedbackAction>();
        services.AddOptions<InputLimitsOptions>().BindConfiguration(InputLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConversationLimiter>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<ConversationPoster>();
        builder.AddStudyBotModels();
        builder.AddStudyBotQuizzes();
        return builder;
    }

    /// <summary>The chat model (<see cref="ChatModel"/>), prompt files and their experiment, and web search.</summary>
    private static void AddStudyBotModels(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PromptCatalog>();
        services.AddSingleton<PromptExperiment>();
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        // The answer deadline bounds every model call; the client's own 100 s timeout would only get in the way.
        // The chat model keeps its client for the process's life, so connections are recycled by the handler instead.
        services.AddHttpClient(ChatModel.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<ChatModel>();
        services.AddOptions<WebSearchOptions>().BindConfiguration(WebSearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddWebSearch(builder.Configuration.GetSection(WebSearchOptions.SectionName).Get<WebSearchOptions>() ?? new WebSearchOptions());
    }
}

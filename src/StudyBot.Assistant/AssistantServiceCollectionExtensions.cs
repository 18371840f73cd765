using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Commands;
using StudyBot.Assistant.Quizzes;

namespace StudyBot.Assistant;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>The conversation engine, its commands and the answerer.</summary>
    public static IHostApplicationBuilder AddStudyBotAssistant(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IAnswerer, ExtractiveAnswerer>();
        services.AddSingleton<ICommandHandler, AskCommand>();
        services.AddSingleton<ICommandHandler, StatusCommand>();
        services.AddSingleton<ICommandHandler, ReindexCommand>();
        services.AddSingleton<IActionHandler, FeedbackAction>();
        services.AddSingleton<ConversationEngine>();
        builder.AddStudyBotQuizzes();
        return builder;
    }
}

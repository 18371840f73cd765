using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Assistant.Commands;
using StudyBot.Assistant.Quizzes.Generative;
using StudyBot.Assistant.Quizzes.Questions;

namespace StudyBot.Assistant.Quizzes;

public static class QuizServiceCollectionExtensions
{
    /// <summary>Quiz commands and actions, the rule-built and model-written generators, the runner and its timer; the store and material come from the host.</summary>
    public static IHostApplicationBuilder AddStudyBotQuizzes(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<QuizOptions>().BindConfiguration(QuizOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<QuizOptions>, QuizOptionsValidator>();
        services.AddSingleton<RuleQuizGenerator>();
        services.AddSingleton<ModelQuizWriter>();
        services.AddSingleton<QuizComposer>();
        services.AddSingleton<QuizPlanner>();
        services.AddSingleton<QuizRunner>();
        services.AddSingleton<QuizPacer>();
        services.AddHostedService(sp => sp.GetRequiredService<QuizPacer>());
        services.AddSingleton<ICommandHandler, QuizCommand>();
        services.AddSingleton<ICommandHandler, LeaderboardCommand>();
        services.AddSingleton<IActionHandler, QuizAnswerAction>();
        services.AddSingleton<IActionHandler, QuizOnAnswerAction>();
        services.AddSingleton<IActionHandler, QuizViewAction>();
        return builder;
    }
}

using StudyBot.Core.Feedback;
using StudyBot.Storage.KnowledgeGaps;

namespace StudyBot.Storage.Feedback;

public static class FeedbackExtensions
{
    /// <summary>Feedback queries (admin list and export, helpful-rate in status) and the knowledge-gap report.</summary>
    public static IHostApplicationBuilder AddStudyBotFeedback(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<FeedbackQueries>();
        services.AddSingleton<IFeedbackSummary>(sp => sp.GetRequiredService<FeedbackQueries>());
        services.AddSingleton<IKnowledgeGapSignals>(sp => sp.GetRequiredService<FeedbackQueries>());
        services.AddSingleton<KnowledgeGapService>();
        return builder;
    }
}

using Scalar.AspNetCore;
using StudyBot.Assistant;
using StudyBot.Host.Api;
using StudyBot.Host.Inbox;
using StudyBot.Host.Ingestion;
using StudyBot.Host.Persistence;
using StudyBot.Host.Playground;
using StudyBot.Knowledge;
using StudyBot.Knowledge.Configuration;
using StudyBot.Slack;
using StudyBot.Teams;

namespace StudyBot.Host;

public static class HostExtensions
{
    public const string DefaultSourceName = "knowledge";

    /// <summary>Everything the web host serves: knowledge, engine, API, playground, start-up ingestion.</summary>
    public static IHostApplicationBuilder AddStudyBotServices(this IHostApplicationBuilder builder)
    {
        builder.AddStudyBotKnowledge();
        builder.AddStudyBotAssistant();
        builder.AddStudyBotPersistence();
        // With no source configured the sample knowledge base is served, so the first run needs no setup.
        builder.Services.PostConfigure<KnowledgeOptions>(options =>
        {
            if (options.Sources.Count == 0)
            {
                options.Sources[DefaultSourceName] = new SourceOptions { Type = "Files", Path = "knowledge" };
            }
        });
        return builder;
    }

    public static WebApplicationBuilder AddStudyBotHost(this WebApplicationBuilder builder)
    {
        builder.AddStudyBotServices();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHostedService<DataFolderGuard>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AppStoreInitializer>());
        builder.Services.AddHostedService<StartupIngestionService>();
        builder.Services.AddHostedService<InboxDispatcher>();
        builder.AddStudyBotSlack();
        builder.AddStudyBotTeams();
        return builder;
    }

    public static WebApplication MapStudyBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapScalarApiReference("/docs");
        app.MapHealthEndpoints();
        app.MapAskEndpoints();
        app.MapStatusEndpoints();
        app.MapPlayground();
        app.MapSlack();
        app.MapTeams();
        return app;
    }
}

using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Scalar.AspNetCore;
using StudyBot.Core.Conversations;
using StudyBot.Assistant;
using StudyBot.Host.Admin;
using StudyBot.Operations.Alerts;
using StudyBot.Host.Api;
using StudyBot.Host.Feedback;
using StudyBot.Storage.Feedback;
using StudyBot.Host.ApiKeys;
using StudyBot.Operations.Jobs;
using StudyBot.Host.KnowledgeGaps;
using StudyBot.Storage;
using StudyBot.Storage.ApiKeys;
using StudyBot.Host.Playground;
using StudyBot.Host.Telemetry;
using StudyBot.Knowledge;
using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Sources;
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
        builder.AddStudyBotFeedback();
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName);
        builder.Services.AddSingleton(FileLinkKey.CreateSigner);
        // The API's file links are relative to this host, where the playground runs.
        builder.Services.AddSingleton(sp => new CitationLinks("/", sp.GetRequiredService<FileLinkSigner>()));
        builder.AddStudyBotLoggingDefaults();
        // With no source configured the sample knowledge base is served, so the first run needs no setup;
        // folders added with `ingest <folder>` come on top.
        builder.Services.PostConfigure<KnowledgeOptions>(options =>
        {
            if (options.Sources.Count == 0)
            {
                options.Sources[DefaultSourceName] = new SourceOptions { Type = "Files", Path = "knowledge" };
            }

            AddedFolders.AddTo(options);
        });
        return builder;
    }

    public static WebApplicationBuilder AddStudyBotHost(this WebApplicationBuilder builder)
    {
        // Hosted services start in the order they are added: the data folder and app-store migrations before any feature's.
        builder.Services.AddHostedService<DataFolderGuard>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AppStoreInitializer>());
        builder.AddStudyBotServices();
        builder.AddStudyBotJobs();
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<AdminAuthentication>();
        builder.Services.AddSingleton<ApiKeyService>();
        builder.Services.AddSingleton<ApiKeyFilter>();
        builder.Services.AddSingleton<CallerRateLimitFilter>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<IndexUnavailableHandler>();
        // Numbers are numbers: the API neither reads nor documents them as strings.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "StudyBot API";
            document.Info.Description = "Questions answered from the team's knowledge base with cited sources, chat commands, feedback, quizzes, status and administration.";
            return Task.CompletedTask;
        }));
        builder.Services.AddHostedService<StartupIngestionService>();
        builder.AddStudyBotSlack();
        builder.AddStudyBotTeams();
        builder.AddStudyBotTelemetry();
        builder.AddStudyBotAlerts();
        return builder;
    }

    public static WebApplication MapStudyBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStudyBotRequestLogs();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapScalarApiReference("/docs");
        app.MapHealthEndpoints();
        app.MapStudyBotMetrics();
        app.UseStudyBotJobsDashboard();
        app.MapAdminLogin();
        app.MapAdminEndpoints();
        app.MapFeedbackEndpoints();
        app.MapKnowledgeGaps();
        var api = app.MapGroup("").AddEndpointFilter(app.Services.GetRequiredService<ApiKeyFilter>());
        api.MapAskEndpoints();
        api.MapChatEndpoints();
        api.MapQuizEndpoints();
        api.MapStatusEndpoints();
        app.MapSourceFiles();
        app.MapPlayground();
        app.MapSlack();
        app.MapTeams();
        return app;
    }
}

using StudyBot.Assistant.Commands;
using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Sources.Files;
using StudyBot.Knowledge.Storage;

namespace StudyBot.Host.CommandLine;

/// <summary>One-shot commands: <c>ask "question"</c> and <c>ingest [folder]</c>, on the same index the server uses.</summary>
public static class CommandLineRunner
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "ask" or "ingest";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args[1..]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddStudyBotServices();
        builder.Services.AddSingleton<StudyBot.Core.Admin.IReindexService, InlineReindexService>();
        using var host = builder.Build();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            host.Services.GetRequiredService<DataFolder>();
            await host.Services.GetRequiredService<StudyBot.Host.Persistence.AppStoreInitializer>().StartAsync(cancel.Token);
            var ingestion = host.Services.GetRequiredService<KnowledgeIngestion>();
            var tracker = host.Services.GetRequiredService<IngestionTracker>();
            using var progress = new ProgressPrinter(tracker);
            return args[0] == "ask"
                ? await AskAsync(host.Services, ingestion, string.Join(' ', args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal))), cancel.Token)
                : await IngestAsync(host.Services, ingestion, args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)), cancel.Token);
        }
        catch (Exception ex) when (ex is DataFolderException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"StudyBot: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
    }

    private static async Task<int> AskAsync(IServiceProvider services, KnowledgeIngestion ingestion, string question, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            await Console.Error.WriteLineAsync("Usage: ask \"your question\"");
            return 2;
        }

        // Bring the index up to date first; unchanged documents are skipped, so this is quick after the first run.
        await ingestion.IngestAllAsync(cancellationToken);
        var engine = services.GetRequiredService<ConversationEngine>();
        var reply = await engine.HandleAsync(new IncomingMessage(new ConversationAddress("cli", "cli"), Environment.UserName, "ask " + question), cancellationToken);
        Console.WriteLine(reply.Render(PlainTextRenderer.Instance));
        return reply is AnswerReply { Found: false } ? 3 : 0;
    }

    private static async Task<int> IngestAsync(IServiceProvider services, KnowledgeIngestion ingestion, string? folder, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, StudyBot.Core.Retrieval.IngestionCounts?>();
        if (folder is null)
        {
            foreach (var (name, counts) in await ingestion.IngestAllAsync(cancellationToken))
            {
                results[name] = counts;
            }
        }
        else
        {
            var name = new DirectoryInfo(Path.GetFullPath(folder)).Name;
            var source = services.GetRequiredService<SourceCatalog>().Find(name) ?? new FilesSource(name, folder);
            results[name] = await ingestion.IngestAsync(source, cancellationToken);
        }

        var status = services.GetRequiredService<StudyBot.Core.Retrieval.IKnowledgeStatus>();
        var failed = false;
        foreach (var source in (await status.GetStatusAsync(cancellationToken)).Sources.Where(s => results.ContainsKey(s.Name)))
        {
            var c = source.LastRun;
            Console.WriteLine($"{source.Name}: {source.Documents} documents, {source.Chunks} chunks" +
                (c is null ? "" : $" ({c.Added} added, {c.Updated} updated, {c.Unchanged} unchanged, {c.Removed} removed, {c.Failed} failed in {c.DurationSeconds:0.0}s)"));
            foreach (var error in source.Errors)
            {
                Console.WriteLine($"  ! {error.Document}: {error.Error}");
            }

            failed |= source.State == "failed";
        }

        return failed ? 1 : 0;
    }
}

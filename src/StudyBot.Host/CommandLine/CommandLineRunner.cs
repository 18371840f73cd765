using Microsoft.Extensions.Options;
using StudyBot.Host.Persistence;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Storage;

namespace StudyBot.Host.CommandLine;

/// <summary>One-shot commands on the same index the server uses: <c>ask</c>, <c>ingest</c> and <c>forget</c>.</summary>
public static class CommandLineRunner
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "ask" or "ingest" or "forget";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args[1..]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddStudyBotServices();
        builder.Services.AddSingleton<StudyBot.Core.Admin.IReindexService, InlineReindexService>();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            using var host = builder.Build();
            var services = host.Services;
            services.GetRequiredService<DataFolder>();
            await services.GetRequiredService<AppStoreInitializer>().StartAsync(cancel.Token);
            using var progress = new ProgressPrinter(services.GetRequiredService<IngestionTracker>());
            var operands = Operands(args[1..]);
            return args[0] switch
            {
                "ask" => await AskCommand.RunAsync(services, string.Join(' ', operands), cancel.Token),
                "ingest" => await IngestCommand.RunAsync(services, operands.FirstOrDefault(), cancel.Token),
                _ => await ForgetCommand.RunAsync(services, operands.FirstOrDefault(), cancel.Token),
            };
        }
        catch (Exception ex) when (ex is DataFolderException or OptionsValidationException)
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

    /// <summary>The words of the command, without configuration switches (<c>--Key=value</c> or <c>--Key value</c>).</summary>
    private static List<string> Operands(string[] args)
    {
        var operands = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                operands.Add(args[i]);
            }
            else if (!args[i].Contains('=', StringComparison.Ordinal))
            {
                i++;
            }
        }

        return operands;
    }
}

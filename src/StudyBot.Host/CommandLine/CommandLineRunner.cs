using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using StudyBot.Storage;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Storage;

namespace StudyBot.Host.CommandLine;

/// <summary>One-shot commands on the same index the server uses: <c>ask</c>, <c>ingest</c> and <c>forget</c>.</summary>
public static class CommandLineRunner
{
    private const string Usage = """
        Usage: dotnet run --project src/StudyBot.Host [-- command]
          (no command)              serve the playground and API (--urls http://127.0.0.1:5000 to choose where)
          ask "your question"       answer from the index, with its sources (exit 3: no answer in it)
          ingest                    bring every source up to date
          ingest <folder>           add a folder as a source named after it, and index it
          ingest <source>           re-index one source
          forget <source>           drop a source added with ingest <folder>, with its documents
        """;

    /// <summary>
    /// True when the first argument is a word rather than a server setting (<c>--urls …</c>, <c>Key=value</c>),
    /// so <c>help</c> or a mistyped command prints the usage instead of starting a server.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "-h" or "--help" || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] is not ("ask" or "ingest" or "forget"))
        {
            var asked = args[0] is "help" or "-h" or "--help";
            await (asked ? Console.Out : Console.Error).WriteLineAsync(asked ? Usage : $"StudyBot: unknown command '{args[0]}'.\n{Usage}");
            return asked ? 0 : 2;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args[1..]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // stdout is the command's answer or summary (scripts read it); warnings go with the progress to stderr.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
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
            var operands = Operands(args[1..]);
            return args[0] switch
            {
                "ask" => await AskCommand.RunAsync(services, string.Join(' ', operands), cancel.Token),
                "ingest" => await IngestCommand.RunAsync(services, operands.FirstOrDefault(), cancel.Token),
                _ => await ForgetCommand.RunAsync(services, operands.FirstOrDefault(), cancel.Token),
            };
        }
        catch (Exception ex) when (ex is DataFolderException or OptionsValidationException or StudyBot.Knowledge.Embeddings.EmbeddingSizeException)
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

using StudyBot.Core.Ingestion;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Sources.Files;
using StudyBot.Knowledge.Storage;

namespace StudyBot.Host.CommandLine;

/// <summary>
/// <c>ingest</c>: every source; <c>ingest &lt;source&gt;</c>: one; <c>ingest &lt;folder&gt;</c>: a folder, added as a
/// source (sources.json in the data folder) so the server indexes it at each start and opens its citations.
/// </summary>
internal static class IngestCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string? target, CancellationToken cancellationToken)
    {
        var ingestion = services.GetRequiredService<KnowledgeIngestion>();
        IReadOnlyCollection<string> names;
        if (target is null)
        {
            names = [.. (await ingestion.IngestAllAsync(ProgressPrinter.For, cancellationToken)).Keys];
        }
        else if (await ResolveAsync(services, target) is { } source)
        {
            await ingestion.IngestAsync(source, ProgressPrinter.For(source.Name), cancellationToken);
            names = [source.Name];
        }
        else
        {
            return 2;
        }

        return await PrintSummaryAsync(services.GetRequiredService<IKnowledgeStatus>(), names, cancellationToken);
    }

    private static async Task<IKnowledgeSource?> ResolveAsync(IServiceProvider services, string target)
    {
        var catalog = services.GetRequiredService<SourceCatalog>();
        if (catalog.Find(target) is { } named)
        {
            return named;
        }

        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        if (!Directory.Exists(folder))
        {
            await Console.Error.WriteLineAsync(
                $"StudyBot: '{target}' is neither a folder nor a source. Sources: {string.Join(", ", catalog.All.Select(s => s.Name))}.");
            return null;
        }

        if (catalog.All.OfType<FilesSource>().FirstOrDefault(f => Path.TrimEndingDirectorySeparator(f.Root) == folder) is { } existing)
        {
            return existing;
        }

        var name = AddedFolders.NameOf(folder);
        if (catalog.Find(name) is { } clash)
        {
            await Console.Error.WriteLineAsync(
                $"StudyBot: a source named '{name}' already exists ({clash.Type}); add {folder} under another name with StudyBot:Sources:<name>:Path.");
            return null;
        }

        var data = services.GetRequiredService<DataFolder>().Path;
        var added = AddedFolders.Read(data);
        added[name] = folder;
        AddedFolders.Write(data, added);
        Console.WriteLine($"Added {folder} as the source '{name}' (listed in {AddedFolders.PathIn(data)}); the server indexes it at each start.");
        return new FilesSource(name, folder);
    }

    /// <returns>1 when a source failed, else 0.</returns>
    private static async Task<int> PrintSummaryAsync(IKnowledgeStatus status, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var failed = false;
        var sources = (await status.GetStatusAsync(cancellationToken)).Sources;
        foreach (var source in sources.Where(s => names.Contains(s.Name, StringComparer.OrdinalIgnoreCase)))
        {
            var c = source.LastRun;
            Console.WriteLine($"{source.Name}: {source.Documents} documents, {source.Chunks} chunks" +
                (c is null ? "" : $" ({c.Added} added, {c.Updated} updated, {c.Unchanged} unchanged, {c.Removed} removed, {c.Failed} failed in {c.DurationSeconds:0.0}s)"));
            foreach (var error in source.Errors)
            {
                Console.WriteLine($"  ! {error.Document}: {error.Error}");
            }

            failed |= source.State == SourceRunState.Failed;
        }

        return failed ? 1 : 0;
    }
}

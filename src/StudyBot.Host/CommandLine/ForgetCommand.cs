using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Storage;

namespace StudyBot.Host.CommandLine;

/// <summary><c>forget &lt;source&gt;</c>: drops a folder added with <c>ingest &lt;folder&gt;</c>, or a source no longer configured, with its documents.</summary>
internal static class ForgetCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            await Console.Error.WriteLineAsync("Usage: forget <source>");
            return 2;
        }

        var data = services.GetRequiredService<DataFolder>().Path;
        var added = AddedFolders.Read(data);
        var inSettings = services.GetRequiredService<IConfiguration>().GetSection($"StudyBot:Sources:{name}").Exists();
        if (services.GetRequiredService<SourceCatalog>().Find(name) is not null && (inSettings || !added.ContainsKey(name)))
        {
            await Console.Error.WriteLineAsync($"StudyBot: '{name}' is a configured source; remove StudyBot:Sources:{name} from the settings first.");
            return 2;
        }

        await services.GetRequiredService<KnowledgeIngestion>().LoadIndexAsync(cancellationToken);
        var index = services.GetRequiredService<IDocumentIndex>();
        var documents = await index.GetDocumentsAsync(name, cancellationToken);
        if (!added.Remove(name) && documents.Count == 0)
        {
            await Console.Error.WriteLineAsync($"StudyBot: no source named '{name}' in {AddedFolders.PathIn(data)} or in the index.");
            return 2;
        }

        AddedFolders.Write(data, added);
        foreach (var id in documents.Keys)
        {
            await index.RemoveDocumentAsync(name, id, cancellationToken);
        }

        Console.WriteLine($"Forgot '{name}': {documents.Count} documents removed from the index.");
        return 0;
    }
}

using Microsoft.Extensions.Options;
using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Sources.Confluence;
using StudyBot.Knowledge.Sources.Files;
using StudyBot.Knowledge.Sources.Notion;

namespace StudyBot.Knowledge.Sources;

/// <summary>The configured sources, built once from StudyBot:Sources.</summary>
public sealed class SourceCatalog(IOptions<KnowledgeOptions> options, IHttpClientFactory httpClients, TimeProvider time)
{
    private readonly IReadOnlyList<IKnowledgeSource> _sources = options.Value.Sources
        .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
        .Select(s => Create(s.Key, s.Value, httpClients, time))
        .ToList();

    public IReadOnlyList<IKnowledgeSource> All => _sources;

    public IKnowledgeSource? Find(string name) =>
        _sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public string? ScheduleOf(string name) =>
        options.Value.Sources.TryGetValue(name, out var source) ? source.Schedule : null;

    private static IKnowledgeSource Create(string name, SourceOptions source, IHttpClientFactory httpClients, TimeProvider time) => source.Type switch
    {
        "Files" => new FilesSource(name, source.Path!),
        "Notion" => NotionSources.Create(name, source, httpClients, time),
        "Confluence" => new ConfluenceSource(name, ConfluenceSettings.From(source), httpClients),
        _ => throw new InvalidOperationException($"StudyBot:Sources:{name}:Type '{source.Type}' is not supported"),
    };
}

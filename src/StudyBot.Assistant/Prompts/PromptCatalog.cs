using System.Reflection;

namespace StudyBot.Assistant.Prompts;

/// <summary>
/// The versioned prompt files embedded in this assembly (Prompts/&lt;name&gt;.v&lt;n&gt;.md); the file
/// name without .md is the version recorded with every answer.
/// </summary>
public sealed class PromptCatalog
{
    private const string Prefix = "StudyBot.Prompts.";
    private readonly Dictionary<string, string> _prompts;

    public PromptCatalog()
    {
        var assembly = typeof(PromptCatalog).Assembly;
        _prompts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .ToDictionary(n => n[Prefix.Length..^3], n => Read(assembly, n), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Versions => _prompts.Keys;

    public bool Contains(string version) => _prompts.ContainsKey(version);

    public string Get(string version) =>
        _prompts.TryGetValue(version, out var text) ? text : throw new KeyNotFoundException($"No prompt file Prompts/{version}.md.");

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

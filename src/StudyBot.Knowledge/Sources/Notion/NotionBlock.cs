using System.Text.Json;

namespace StudyBot.Knowledge.Sources.Notion;

/// <summary>A block object as Notion returns it, with its children already read.</summary>
internal sealed record NotionBlock(string Type, JsonElement Json, IReadOnlyList<NotionBlock> Children)
{
    /// <summary>The type-specific object, e.g. the "paragraph" property of a paragraph block.</summary>
    public JsonElement Content => Json.TryGetProperty(Type, out var content) ? content : default;

    public JsonElement Property(string name) =>
        Content.ValueKind == JsonValueKind.Object && Content.TryGetProperty(name, out var value) ? value : default;

    public string? Text(string name) => Property(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudyBot.Knowledge.Sources.Confluence;

// The parts of Confluence's REST payloads StudyBot reads. v2: PageBulk / PageSingle / SpaceBulk in
// MultiEntityResult; v1: Content in a start/limit/size envelope (also the CQL content search).

internal sealed record WireLinks(string? Webui, string? Next, string? Base, string? Download);

internal sealed record WireVersion(int Number, DateTimeOffset? CreatedAt, DateTimeOffset? When);

internal sealed record WireBodyValue(string? Value);

internal sealed record WireBody(WireBodyValue? Storage);

internal sealed record V2Space(string Id, string Key, string? Name);

internal sealed record V2SpaceList(IReadOnlyList<V2Space> Results, [property: JsonPropertyName("_links")] WireLinks? Links);

internal sealed record V2Page(
    string Id,
    string? Status,
    string Title,
    string? SpaceId,
    string? ParentId,
    WireVersion? Version,
    WireBody? Body,
    [property: JsonPropertyName("_links")] WireLinks? Links);

internal sealed record V2PageList(IReadOnlyList<V2Page> Results, [property: JsonPropertyName("_links")] WireLinks? Links);

internal sealed record V1Space(string Key, string? Name);

internal sealed record V1Extensions(string? MediaType, long? FileSize);

internal sealed record V1Content(
    string Id,
    string Type,
    string? Status,
    string Title,
    WireVersion? Version,
    IReadOnlyList<V1Content>? Ancestors,
    WireBody? Body,
    V1Space? Space,
    V1Extensions? Extensions,
    V1Content? Container,
    [property: JsonPropertyName("_links")] WireLinks? Links);

internal sealed record V1ContentList(IReadOnlyList<V1Content> Results, [property: JsonPropertyName("_links")] WireLinks? Links);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(V2SpaceList))]
[JsonSerializable(typeof(V2PageList))]
[JsonSerializable(typeof(V2Page))]
[JsonSerializable(typeof(V1ContentList))]
[JsonSerializable(typeof(V1Content))]
internal sealed partial class ConfluenceJson : JsonSerializerContext;

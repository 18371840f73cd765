using System.Text.Json;
using System.Text.Json.Serialization;
using StudyBot.Teams.Replies;

namespace StudyBot.Teams.Wire;

/// <summary>Source-generated (de)serialization of the wire types: camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
internal sealed partial class TeamsJson : JsonSerializerContext;

/// <summary>The Connector's answer to a send: the new activity's id.</summary>
internal sealed record ResourceResponse(string? Id);

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace StudyBot.Teams.Wire;

/// <summary>A Bot Framework activity, inbound or outbound: only the fields StudyBot reads or writes.</summary>
internal sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? ChannelId { get; set; }

    public string? ServiceUrl { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? ReplyToId { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Summary { get; set; }

    public string? Locale { get; set; }

    public List<Entity>? Entities { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public TeamsChannelData? ChannelData { get; set; }

    /// <summary>Outbound: up to three buttons under the message (Teams shows none on a message with attachments).</summary>
    public SuggestedActions? SuggestedActions { get; set; }

    /// <summary>Action.Submit data on a message, or the invoke's payload.</summary>
    public JsonElement? Value { get; set; }
}

internal sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }
}

internal sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? ConversationType { get; set; }

    public bool? IsGroup { get; set; }

    public string? TenantId { get; set; }
}

/// <summary>
/// An entity attached to an activity: mentions are read; StudyBot writes the schema.org Message entity (AI label,
/// citations), whose other fields travel in <see cref="Properties"/>.
/// </summary>
internal sealed class Entity
{
    public string? Type { get; set; }

    public string? Text { get; set; }

    public ChannelAccount? Mentioned { get; set; }

    /// <summary>The entity's other fields (JSON-LD keys such as "@type" that no property can name).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>An entity of <paramref name="type"/> with these fields.</summary>
    public static Entity Of(string type, JsonObject properties) => new()
    {
        Type = type,
        Properties = properties.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value, TeamsJson.Default.JsonNode)),
    };
}

internal sealed class Attachment
{
    public string? ContentType { get; set; }

    public JsonNode? Content { get; set; }
}

/// <summary>Suggested actions (msteams-docs "Dynamically guide users with suggested actions").</summary>
internal sealed record SuggestedActions(IReadOnlyList<SuggestedAction> Actions);

/// <summary>An Action.Submit suggested action: pressing it sends the suggestedAction/submit invoke with <see cref="Value"/>.</summary>
internal sealed record SuggestedAction(string Type, string Title, JsonObject Value);


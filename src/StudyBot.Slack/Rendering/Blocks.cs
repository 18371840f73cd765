using System.Text.Json.Serialization;

namespace StudyBot.Slack.Rendering;

/// <summary>The Block Kit blocks StudyBot sends; the "type" field comes from the derived type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(ContextActionsBlock), "context_actions")]
[JsonDerivedType(typeof(InputBlock), "input")]
[JsonDerivedType(typeof(MarkdownBlock), "markdown")]
internal abstract record Block
{
    public string? BlockId { get; init; }
}

internal sealed record SectionBlock(TextObject Text) : Block;

internal sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block;

internal sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements) : Block;

internal sealed record DividerBlock : Block;

/// <summary>Standard markdown that Slack renders itself; all markdown blocks of one message share 12,000 characters.</summary>
internal sealed record MarkdownBlock(string Text) : Block;

/// <summary>A composition text object: type "mrkdwn" or "plain_text".</summary>
internal sealed record TextObject(string Type, string Text, bool? Emoji = null)
{
    public static TextObject Mrkdwn(string text) => new("mrkdwn", text);

    public static TextObject Plain(string text) => new("plain_text", text, Emoji: true);
}

internal sealed record ButtonElement(TextObject Text, string ActionId, string Value, string? Style = null)
{
    public string Type { get; init; } = "button";
}

/// <summary>One Slack message: mrkdwn fallback text (notifications, screen readers) and its blocks.</summary>
internal sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks);

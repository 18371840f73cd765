using System.Text.Json.Serialization;

namespace StudyBot.Slack.Rendering;

/// <summary>Slack's native 👍/👎 under an AI answer: a context_actions block holds feedback_buttons (at most 5 elements).</summary>
internal sealed record ContextActionsBlock(IReadOnlyList<FeedbackButtonsElement> Elements) : Block;

/// <summary>The feedback_buttons element: the pressed button's value comes back in block_actions (values up to 2,000 characters).</summary>
internal sealed record FeedbackButtonsElement(string ActionId, FeedbackButton PositiveButton, FeedbackButton NegativeButton)
{
    public string Type { get; init; } = "feedback_buttons";
}

/// <param name="Text">plain_text, at most 75 characters.</param>
internal sealed record FeedbackButton(TextObject Text, string Value, string? AccessibilityLabel = null);

/// <summary>A form field of a modal; its value comes back in view.state.values[block_id][action_id].</summary>
internal sealed record InputBlock(TextObject Label, InputElement Element, bool? Optional = null) : Block;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RadioButtonsElement), "radio_buttons")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
internal abstract record InputElement(string ActionId);

internal sealed record RadioButtonsElement(string ActionId, IReadOnlyList<OptionObject> Options) : InputElement(ActionId);

internal sealed record PlainTextInputElement(string ActionId, bool? Multiline = null, int? MaxLength = null, TextObject? Placeholder = null) : InputElement(ActionId);

internal sealed record OptionObject(TextObject Text, string Value);

/// <summary>
/// A view for views.open (type "modal": title up to 24 characters, submit and close up to 24, up to 100
/// blocks, private_metadata up to 3,000 characters) or views.publish (type "home").
/// </summary>
internal sealed record SlackView(
    string Type,
    IReadOnlyList<Block> Blocks,
    TextObject? Title = null,
    TextObject? Submit = null,
    TextObject? Close = null,
    string? CallbackId = null,
    string? PrivateMetadata = null);

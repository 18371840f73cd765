using System.Text.Json.Nodes;
using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;
using StudyBot.Teams.Rendering;

namespace StudyBot.Teams.MessageActions;

/// <summary>
/// The dialog of "Ask StudyBot about this": the message asked about, the engine's answer with its numbered sources,
/// and "Post in conversation" (an Action.Submit, sent back as composeExtension/submitAction) for an answer in the log.
/// </summary>
internal static class AskAboutMessageCard
{
    public const string Title = "Ask StudyBot about this";

    /// <summary>The action of "Post in conversation": its value is the answer's id; <see cref="MessageIdKey"/> names the message to reply under.</summary>
    public const string PostAnswer = "post-answer";

    public const string Close = "close";

    public const string MessageIdKey = "messageId";

    private const int MaxQuoted = 200;

    public static JsonObject Render(string asked, SelectedMessage message, Reply reply, AdaptiveCardRenderer cards)
    {
        var body = new List<JsonNode>
        {
            AdaptiveCard.Text(message.Author is null ? "About this message:" : $"About {message.Author}'s message:", size: "Small", subtle: true),
            AdaptiveCard.Text($"“{Quoted(asked)}”", subtle: true),
        };
        if (reply is not AnswerReply answer)
        {
            body.AddRange(cards.Render(reply)["body"]!.AsArray().Select(e => e!.DeepClone()));
            return AdaptiveCard.Create(reply.Render(PlainTextRenderer.Instance), body, [Button("Close", Close, "")]);
        }

        body.Add(AdaptiveCard.Text(answer.Text, separator: true));
        if (AnswerFootnote.For(answer) is { } footnote)
        {
            body.Add(AdaptiveCard.Text(footnote, size: "Small", subtle: true));
        }

        if (answer.Citations.Count > 0)
        {
            body.AddRange(AnswerCard.SourcesBody(answer.Citations, cards.Links));
        }

        var actions = new List<JsonNode>();
        if (answer.AnswerId is { } id)
        {
            var post = Button("Post in conversation", PostAnswer, id);
            post["style"] = "positive";
            post["data"]![MessageIdKey] = message.Id;
            actions.Add(post);
        }

        actions.Add(Button("Close", Close, ""));
        return AdaptiveCard.Create(PlainTextRenderer.Instance.Answer(answer), body, actions);
    }

    /// <summary>The message asked about on one line, cut to a quotation's length.</summary>
    public static string Quoted(string asked) => TextCut.Shorten(asked.ReplaceLineEndings(" "), MaxQuoted);

    /// <summary>A dialog saying the message has nothing to ask about.</summary>
    public static JsonObject Unreadable() => NoticeCard.Render(
        "That message has no text StudyBot can read (only pictures, files or a card). Choose a message with words in it.");

    private static JsonObject Button(string title, string actionId, string value) =>
        new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = CardAction.Data(actionId, value) };
}

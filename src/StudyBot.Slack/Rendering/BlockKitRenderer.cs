using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Quizzes;
using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Slack.Configuration;

namespace StudyBot.Slack.Rendering;

/// <summary>
/// Renders the engine's channel-agnostic replies as Block Kit: escaped mrkdwn split to Slack's
/// limits (an answer written with lists, code or links in markdown blocks instead), numbered citations
/// as links, Slack's 👍/👎 feedback_buttons, and a plain fallback text.
/// </summary>
internal sealed class BlockKitRenderer(IOptions<SlackOptions> options, FileLinkSigner? signer = null) : IReplyRenderer<IReadOnlyList<SlackMessage>>
{
    public const string FeedbackBlockId = "feedback";

    /// <summary>One message, or several when the reply exceeds one message's limits.</summary>
    public IReadOnlyList<SlackMessage> Render(Reply reply) => reply.Render(this);

    public IReadOnlyList<SlackMessage> Answer(AnswerReply answer) => Pack(AnswerBody(answer.Text), AnswerTail(answer));

    /// <summary>What follows an answer's text: its sources, footnote and 👍/👎 buttons (a streamed answer's closing blocks).</summary>
    public IReadOnlyList<Block> AnswerTail(AnswerReply answer)
    {
        var tail = new List<Block>();
        if (answer.Citations.Count > 0)
        {
            tail.Add(new DividerBlock());
            tail.AddRange(Sections(SourcesText(answer.Citations)));
        }

        if (AnswerFootnote.For(answer) is { } footnote)
        {
            tail.Add(new ContextBlock([TextObject.Mrkdwn(Mrkdwn.Truncate(Mrkdwn.Escape(footnote), BlockKitLimits.SectionText))]));
        }

        if (answer.AnswerId is { } id && IncomingAction.FeedbackValue(id, helpful: false).Length <= BlockKitLimits.ButtonValue)
        {
            tail.Add(new ContextActionsBlock(
            [
                new FeedbackButtonsElement(
                    IncomingAction.Feedback,
                    new FeedbackButton(TextObject.Plain("👍"), IncomingAction.FeedbackValue(id, helpful: true), "Helpful"),
                    new FeedbackButton(TextObject.Plain("👎"), IncomingAction.FeedbackValue(id, helpful: false), "Not helpful"))
            ]) { BlockId = FeedbackBlockId });
            if (answer.Found)
            {
                tail.Add(new ActionsBlock([QuizBlocks.QuizMeOnAnswer(id)]));
            }
        }

        return tail;
    }

    public IReadOnlyList<SlackMessage> Notice(NoticeReply notice) => Plain(notice.Text);

    public IReadOnlyList<SlackMessage> Status(StatusReply status)
    {
        var text = new StringBuilder($"*{StatusText.Heading}*: {Mrkdwn.Escape(StatusText.Totals(status.Status))}");
        foreach (var source in status.Status.Sources)
        {
            text.Append($"\n• *{Mrkdwn.Escape(source.Name)}* ({Mrkdwn.Escape(source.Type)}): {Mrkdwn.Escape(StatusText.Summary(source))}");
            foreach (var problem in StatusText.Problems(source))
            {
                text.Append("\n    ⚠ ").Append(Mrkdwn.Escape(problem));
            }
        }

        if (StatusText.Helpful(status) is { } helpful)
        {
            text.Append('\n').Append(Mrkdwn.Escape(helpful));
        }

        return Pack(Sections(text.ToString()), []);
    }

    public IReadOnlyList<SlackMessage> QuizQuestion(QuizQuestionReply question) => [Message(QuizBlocks.Question(question))];

    public IReadOnlyList<SlackMessage> QuizFeedback(QuizFeedbackReply feedback) =>
        [Message(QuizBlocks.Feedback(feedback, Links)), .. feedback.Next is { } next ? Render(next) : []];

    public IReadOnlyList<SlackMessage> QuizResults(QuizResultsReply results) => Plain(QuizText.Results(results));

    public IReadOnlyList<SlackMessage> Leaderboard(LeaderboardReply leaderboard) => Plain(QuizText.Leaderboard(leaderboard));

    private CitationLinks Links => new(options.Value.PublicBaseUrl, signer);

    private string SourcesText(IReadOnlyList<Citation> citations)
    {
        var text = new StringBuilder("*Sources*");
        foreach (var c in citations)
        {
            var url = Links.UrlOf(c);
            var title = string.IsNullOrWhiteSpace(c.Title) ? c.Link : c.Title;
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"[{c.Number}] ");
            text.Append(url is null ? $"*{Mrkdwn.Escape(title)}* ({Mrkdwn.Escape(c.Source)}/{Mrkdwn.Escape(c.Link)})" : Mrkdwn.Link(url, title));
            if (c.Section is { } section)
            {
                text.Append(" · ").Append(Mrkdwn.Escape(section));
            }

            if (c.Page is { } page)
            {
                text.Append(CultureInfo.InvariantCulture, $" · p. {page}");
            }
        }

        return text.ToString();
    }

    /// <summary>Plain text as escaped mrkdwn (code spans kept), split over as many messages as it needs.</summary>
    private static List<SlackMessage> Plain(string text) => Pack(Sections(Mrkdwn.Escape(text)), []);

    private static IEnumerable<Block> Sections(string escaped) =>
        Mrkdwn.Split(escaped, BlockKitLimits.SectionText).Select(part => new SectionBlock(TextObject.Mrkdwn(part)));

    /// <summary>
    /// An answer's text: markdown blocks where Slack renders its markdown better than mrkdwn, split where
    /// sections would be, so a long answer spreads over messages the same way and each message's markdown
    /// stays under the markdown blocks' shared 12,000 characters (the message text budget).
    /// </summary>
    private static IEnumerable<Block> AnswerBody(string text) =>
        Markdown.RendersBetter(text)
            ? Markdown.Split(Markdown.Neutralize(text), BlockKitLimits.SectionText).Select(part => new MarkdownBlock(part))
            : Sections(Mrkdwn.Escape(text));

    /// <summary>Fills messages with body blocks within the block and text budgets; the tail (sources, buttons) ends the last one.</summary>
    private static List<SlackMessage> Pack(IEnumerable<Block> body, IReadOnlyList<Block> tail)
    {
        var messages = new List<SlackMessage>();
        var current = new List<Block>();
        var length = 0;
        foreach (var block in body.Concat(tail))
        {
            var size = TextLength(block);
            if (current.Count > 0 && (current.Count == BlockKitLimits.BlocksPerMessage || length + size > BlockKitLimits.MessageText))
            {
                messages.Add(Message(current));
                (current, length) = ([], 0);
            }

            current.Add(block);
            length += size;
        }

        messages.Add(Message(current));
        return messages;
    }

    private static SlackMessage Message(IReadOnlyList<Block> blocks)
    {
        var first = blocks.Select(b => b switch
        {
            SectionBlock section => section.Text.Text,
            MarkdownBlock markdown => Mrkdwn.Escape(markdown.Text),
            _ => null,
        }).FirstOrDefault(t => t is not null);
        // Quiz questions open with a context line; the stem section is the notification text.
        return new SlackMessage(string.IsNullOrEmpty(first) ? "StudyBot" : Mrkdwn.Truncate(first, BlockKitLimits.FallbackText), blocks);
    }

    private static int TextLength(Block block) => block switch
    {
        SectionBlock section => section.Text.Text.Length,
        MarkdownBlock markdown => markdown.Text.Length,
        ActionsBlock actions => actions.Elements.Sum(e => e.Text.Text.Length + e.Value.Length),
        ContextBlock context => context.Elements.Sum(e => e.Text.Length),
        _ => 0,
    };
}

using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Quizzes;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Slack.Configuration;

namespace StudyBot.Slack.Rendering;

/// <summary>
/// Renders the engine's channel-agnostic replies as Block Kit: escaped mrkdwn split to Slack's
/// limits, numbered citations as links, 👍/👎 feedback buttons, and a plain fallback text.
/// </summary>
internal sealed class BlockKitRenderer(IOptions<SlackOptions> options, FileLinkSigner? signer = null)
{
    public const string FeedbackBlockId = "feedback";
    public const string FeedbackUpActionId = IncomingAction.Feedback + ":up";
    public const string FeedbackDownActionId = IncomingAction.Feedback + ":down";

    /// <summary>One message, or several when the reply exceeds one message's limits.</summary>
    public IReadOnlyList<SlackMessage> Render(Reply reply) => reply switch
    {
        AnswerReply answer => RenderAnswer(answer),
        StatusReply status => Pack(Sections(StatusText(status.Status) + Helpful(status)), []),
        NoticeReply notice => Pack(Sections(Mrkdwn.Escape(notice.Text)), []),
        QuizQuestionReply question => [Message(QuizBlocks.Question(question))],
        QuizFeedbackReply feedback => [Message(QuizBlocks.Feedback(feedback, Links)), .. feedback.Next is { } next ? Render(next) : []],
        QuizResultsReply results => Pack(Sections(Mrkdwn.Escape(QuizText.Results(results))), []),
        LeaderboardReply leaderboard => Pack(Sections(Mrkdwn.Escape(QuizText.Leaderboard(leaderboard))), []),
        _ => Pack(Sections(Mrkdwn.Escape(reply.ToString() ?? "")), []),
    };

    private List<SlackMessage> RenderAnswer(AnswerReply answer)
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
            tail.Add(new ActionsBlock(
            [
                new ButtonElement(TextObject.Plain("👍 Helpful"), FeedbackUpActionId, IncomingAction.FeedbackValue(id, helpful: true)),
                new ButtonElement(TextObject.Plain("👎 Not helpful"), FeedbackDownActionId, IncomingAction.FeedbackValue(id, helpful: false)),
                .. answer.Found ? [QuizBlocks.QuizMeOnAnswer(id)] : Array.Empty<ButtonElement>(),
            ]) { BlockId = FeedbackBlockId });
        }

        return Pack(Sections(Mrkdwn.Escape(answer.Text)), tail);
    }

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

    private static string Helpful(StatusReply status) =>
        status.HelpfulRates is { } rates && HelpfulRate.Describe(rates) is { } line ? "\n" + Mrkdwn.Escape(line) : "";

    private static string StatusText(KnowledgeStatus status)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*Knowledge base*: {status.Documents} documents, {status.Chunks} chunks");
        foreach (var s in status.Sources)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• *{Mrkdwn.Escape(s.Name)}* ({Mrkdwn.Escape(s.Type)}): {s.Documents} documents, {s.Chunks} chunks, {Mrkdwn.Escape(s.State)}");
            if (s.State == "running" && s.ProgressTotal > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({s.ProgressDone}/{s.ProgressTotal})");
            }

            if (s.LastRun is { } run)
            {
                text.Append(CultureInfo.InvariantCulture, $"; last run +{run.Added} ~{run.Updated} -{run.Removed} in {run.DurationSeconds:0.#} s");
            }

            foreach (var error in s.Errors.Take(5))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n    ⚠ {Mrkdwn.Escape(error.Document)}: {Mrkdwn.Escape(error.Error)}");
            }

            if (s.Errors.Count > 5)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n    … and {s.Errors.Count - 5} more unreadable files");
            }
        }

        return text.ToString();
    }

    private static IEnumerable<Block> Sections(string escaped) =>
        Mrkdwn.Split(escaped, BlockKitLimits.SectionText).Select(part => new SectionBlock(TextObject.Mrkdwn(part)));

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
        var first = blocks.OfType<SectionBlock>().FirstOrDefault()?.Text.Text;
        // Quiz questions open with a context line; the stem section is the notification text.
        return new SlackMessage(string.IsNullOrEmpty(first) ? "StudyBot" : Mrkdwn.Truncate(first, BlockKitLimits.FallbackText), blocks);
    }

    private static int TextLength(Block block) => block switch
    {
        SectionBlock section => section.Text.Text.Length,
        ActionsBlock actions => actions.Elements.Sum(e => e.Text.Text.Length + e.Value.Length),
        ContextBlock context => context.Elements.Sum(e => e.Text.Length),
        _ => 0,
    };
}

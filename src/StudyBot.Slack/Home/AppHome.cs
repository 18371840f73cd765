using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Replies;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Slack.Api;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Replies;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Home;

/// <summary>
/// StudyBot's Home tab (views.publish on app_home_opened): how to ask, the sources searched, the
/// user's quiz record and due reviews from the quiz store, and a "Start a review" button that starts
/// `quiz me` in a thread of the user's direct messages with StudyBot (the DM's id rides in the view's
/// private_metadata).
/// </summary>
internal sealed partial class AppHome(
    SlackApiClient api,
    SlackBotIdentity identity,
    ConversationEngine engine,
    BlockKitRenderer renderer,
    IKnowledgeStatus knowledge,
    IQuizStore quizzes,
    IInbox inbox,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<AppHome> logger)
{
    public const string StartReviewActionId = "home-review";

    public async Task PublishAsync(string userId, string directChannel, CancellationToken cancellationToken)
    {
        var blocks = new List<Block>
        {
            new SectionBlock(TextObject.Mrkdwn("*Ask StudyBot*\nMention <@" + (await identity.GetAsync(cancellationToken)).UserId + "> in a channel, write to me in *Messages*, or use `/studybot ask …`. "
                + "I answer from the team's knowledge base with numbered sources; 👍/👎 under an answer tells me how it went.")),
            new DividerBlock(),
            new SectionBlock(TextObject.Mrkdwn(await SourcesTextAsync(cancellationToken))),
            new DividerBlock(),
            new SectionBlock(TextObject.Mrkdwn(await RecordTextAsync(userId, cancellationToken))),
            new ActionsBlock([new ButtonElement(TextObject.Plain("Start a review"), StartReviewActionId, "review", "primary")]),
        };
        await api.PublishViewAsync(new PublishViewRequest(userId, new SlackView("home", blocks, PrivateMetadata: directChannel)), cancellationToken);
        LogPublished(userId);
    }

    /// <summary>
    /// The Home tab's button: `quiz me` in a new thread of the user's DM with StudyBot, then the tab refreshed.
    /// Each post is saved with the press's inbox item, so a retried press goes on where it stopped instead of
    /// opening a second review.
    /// </summary>
    public async Task StartReviewAsync(string userId, string directChannel, InboxItem item, CancellationToken cancellationToken)
    {
        var progress = ReplyProgress.Of(item);
        if (progress.MessageId is null)
        {
            var opening = await api.PostMessageAsync(new PostMessageRequest(directChannel, "🔁 Your review, from the Home tab."), cancellationToken);
            progress = new ReplyProgress(opening.Ts ?? throw new SlackApiException("chat.postMessage", "invalid_response"));
            await progress.SaveAsync(inbox, item, cancellationToken);
        }

        var thread = progress.MessageId;
        if (progress.Posted == 0)
        {
            // Once the review's first question is posted its quiz is under way: a retry does not ask the engine again.
            var reply = await engine.HandleAsync(
                new IncomingMessage(SlackAddress.Of(directChannel, thread), userId, "quiz me", options.Value.IsAdmin(userId), Personal: true), cancellationToken);
            var messages = renderer.Render(reply);
            for (var part = 0; part < messages.Count; part++)
            {
                await api.PostMessageAsync(new PostMessageRequest(directChannel, messages[part].Text, messages[part].Blocks, thread), cancellationToken);
                progress = progress with { Posted = part + 1 };
                await progress.SaveAsync(inbox, item, cancellationToken);
            }

            LogReviewStarted(userId, reply.GetType().Name);
        }

        await PublishAsync(userId, directChannel, cancellationToken);
    }

    private async Task<string> SourcesTextAsync(CancellationToken cancellationToken)
    {
        var status = await knowledge.GetStatusAsync(cancellationToken);
        var text = new StringBuilder("*Sources I search*");
        foreach (var source in status.Sources.Where(s => s.Configured))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• *{Mrkdwn.Escape(source.Name)}* ({Mrkdwn.Escape(source.Type)}): {Count(source.Documents, "document")}");
        }

        return status.Sources.Any(s => s.Configured) ? text.ToString() : text.Append("\nNone configured yet: ask an admin to add one.").ToString();
    }

    private async Task<string> RecordTextAsync(string userId, CancellationToken cancellationToken)
    {
        var items = await quizzes.LearnerItemsAsync(userId, cancellationToken);
        if (items.Count == 0)
        {
            return "*Your quizzes*\nNo quiz answers yet. Start a review below, or write `quiz` to me or in a channel.";
        }

        var now = time.GetUtcNow();
        var correct = items.Sum(i => i.TimesCorrect);
        var answered = correct + items.Sum(i => i.TimesWrong);
        var due = items.Where(i => i.DueAt <= now).ToList();
        var text = new StringBuilder("*Your quizzes*\n")
            .Append(CultureInfo.InvariantCulture, $"{Count(answered, "answer")}, {correct} correct ({(answered == 0 ? 0 : correct * 100 / answered)}%) on {Count(items.Count, "question")}.\n")
            .Append(due.Count == 0 ? "No reviews due: well done." : $"*{Count(due.Count, "review")} due*");
        foreach (var topic in due.GroupBy(i => i.Topic, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).Take(5))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• {Mrkdwn.Escape(topic.Key)}: {topic.Count()}");
        }

        return text.ToString();
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    [LoggerMessage(LogLevel.Information, "Slack Home tab published for {User}")]
    private partial void LogPublished(string user);

    [LoggerMessage(LogLevel.Information, "Slack review started from the Home tab for {User}: {Reply}")]
    private partial void LogReviewStarted(string user, string reply);
}

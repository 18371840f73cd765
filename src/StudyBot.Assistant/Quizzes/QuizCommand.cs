using System.Globalization;
using Microsoft.Extensions.Options;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Assistant.Quizzes;

/// <summary>`quiz [topic] [n]`, `quiz stop`, `quiz me [topic]`, `quiz new [since]`.</summary>
internal sealed class QuizCommand(QuizRunner runner, QuizPlanner planner, IOptions<QuizOptions> options, TimeProvider time) : ICommandHandler
{
    public string Name => "quiz";

    public string Usage => "quiz [topic] [n] | quiz me | quiz new [since] | quiz stop";

    public string Description => "a multiple-choice quiz from the knowledge base; `quiz me` reviews what you missed";

    public bool TakesArgument => true;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var message = request.Message;
        var words = request.Argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var first = words.FirstOrDefault()?.ToLowerInvariant();
        if (first == "stop")
        {
            return await runner.StopAsync(message, cancellationToken);
        }

        var count = TakeCount(words);
        if (count is null)
        {
            return new NoticeReply($"A quiz has 1 to {options.Value.MaxQuestions} questions, for example `quiz retrieval 5`.");
        }

        var taker = new QuizTaker(message.UserId, message.Address.Id);
        if (first == "me")
        {
            var topic = Topic(words.Skip(1));
            var mine = await planner.ForLearnerAsync(taker, topic, count.Value, cancellationToken);
            return await StartAsync(message, topic ?? "your review", mine, count.Value, personal: true, cancellationToken);
        }

        if (first == "new")
        {
            if (!TryParseSince(string.Join(' ', words.Skip(1)), out var since))
            {
                return new NoticeReply("I could not read that date. Try `quiz new 2026-11-01`, `quiz new 3d` or `quiz new 2w`.");
            }

            var changed = await planner.ChangedSinceAsync(since, count.Value, taker, cancellationToken);
            return changed.Questions.Count == 0
                ? new NoticeReply($"Nothing in the knowledge base that I can quiz on changed since {since:yyyy-MM-dd}.")
                : await StartAsync(message, $"what changed since {since:yyyy-MM-dd}", changed, count.Value, message.Personal, cancellationToken);
        }

        var subject = Topic(words);
        var questions = await planner.OnTopicAsync(subject, count.Value, taker, exclude: null, cancellationToken);
        return await StartAsync(message, subject ?? "the knowledge base", questions, count.Value, message.Personal, cancellationToken);
    }

    private async Task<Reply> StartAsync(IncomingMessage message, string topic, ComposedQuiz quiz, int asked, bool personal, CancellationToken cancellationToken)
    {
        if (!quiz.HasMaterial)
        {
            return new NoticeReply($"The knowledge base has nothing on “{topic}” that I could quiz you on. Try another topic, or plain `quiz` for the whole base.");
        }

        if (quiz.Questions.Count == 0)
        {
            return new NoticeReply($"I could not make sound questions about “{topic}” from the knowledge base. Try a broader topic, or plain `quiz`.");
        }

        var notice = quiz.Questions.Count < asked
            ? $"I could make {Questions(quiz.Questions.Count)} on “{topic}” (you asked for {asked}): the knowledge base has no more that pass my checks."
            : null;
        return await runner.StartAsync(message, topic, quiz, personal, notice, cancellationToken);
    }

    private static string Questions(int count) => count == 1 ? "1 question" : string.Create(CultureInfo.InvariantCulture, $"{count} questions");

    /// <summary>Removes a trailing number from the words: the question count (default when absent, null when out of range).</summary>
    private int? TakeCount(List<string> words)
    {
        if (words.Count == 0 || !int.TryParse(words[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return options.Value.DefaultQuestions;
        }

        words.RemoveAt(words.Count - 1);
        return count >= 1 && count <= options.Value.MaxQuestions ? count : null;
    }

    private static string? Topic(IEnumerable<string> words)
    {
        var topic = string.Join(' ', words).Trim().TrimStart(':').Trim();
        return topic.Length == 0 ? null : topic;
    }

    /// <summary>"" = the default look-back; "2026-11-01"; "3d", "2w"; "yesterday".</summary>
    private bool TryParseSince(string text, out DateTimeOffset since)
    {
        var now = time.GetUtcNow();
        text = text.Trim().ToLowerInvariant();
        since = now.AddDays(-options.Value.NewSinceDays);
        if (text.Length == 0)
        {
            return true;
        }

        if (text == "yesterday")
        {
            since = now.AddDays(-1);
            return true;
        }

        if (text.Length > 1 && text[^1] is 'd' or 'w' && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount <= 3650)
        {
            since = now.AddDays(-(text[^1] == 'w' ? amount * 7 : amount));
            return true;
        }

        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since) && since <= now;
    }
}

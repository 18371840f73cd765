using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Quizzes;

namespace StudyBot.Assistant.Quizzes;

/// <summary>Chooses what a quiz asks: a topic, the whole base, what changed, a learner's reviews, an answer's sources.</summary>
public sealed class QuizPlanner(IndexQuizMaterial material, QuizComposer composer, IQuizStore store, TimeProvider time)
{
    private const int RelatedPerQuestion = 6;

    /// <summary>How hard `quiz me` pushes: the share of missed questions rises when the learner scores above this.</summary>
    public const double TargetAccuracy = 0.7;

    public async Task<IReadOnlyList<QuizQuestion>> OnTopicAsync(string? topic, int count, CancellationToken cancellationToken)
    {
        var related = await material.FindAsync(topic, count * RelatedPerQuestion, cancellationToken);
        var chunks = related.Take(topic is null ? related.Count : Math.Max(count * 2, 6)).ToList();
        return await composer.ComposeAsync(chunks, related, topic ?? "the knowledge base", count, cancellationToken);
    }

    public async Task<IReadOnlyList<QuizQuestion>> ChangedSinceAsync(DateTimeOffset since, int count, CancellationToken cancellationToken)
    {
        var changed = await material.ChangedSinceAsync(since, count * RelatedPerQuestion, cancellationToken);
        if (changed.Count == 0)
        {
            return [];
        }

        // Distractors come from the same area of the base, not only from the changed pages.
        var related = changed.Concat(await material.FindAsync(changed[0].Title, count * 2, cancellationToken)).ToList();
        return await composer.ComposeAsync(changed, related, "what changed", count, cancellationToken);
    }

    /// <summary>Questions on the chunks an answer cited (matched by source and document link).</summary>
    public async Task<IReadOnlyList<QuizQuestion>> OnAnswerAsync(string question, IReadOnlyList<Citation> citations, int count, CancellationToken cancellationToken)
    {
        var related = await material.FindAsync(question, count * RelatedPerQuestion, cancellationToken);
        var cited = related.Where(c => citations.Any(x => x.Source == c.Source && x.Link == c.Link)).ToList();
        return await composer.ComposeAsync(cited.Count > 0 ? cited : related, related, question, count, cancellationToken);
    }

    /// <summary>
    /// `quiz me`: reviews due by the learner's Leitner boxes, missed ones first, topped up with new
    /// questions from the topics they study. The share of missed questions follows their accuracy so
    /// that about <see cref="TargetAccuracy"/> of answers are right: more misses when it is easy,
    /// more well-known questions when it is hard.
    /// </summary>
    public async Task<IReadOnlyList<QuizQuestion>> ForLearnerAsync(string userId, string? topic, int count, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var items = (await store.LearnerItemsAsync(userId, cancellationToken))
            .Where(i => topic is null || i.Topic.Contains(topic, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var answered = items.Sum(i => i.TimesCorrect + i.TimesWrong);
        var accuracy = answered == 0 ? TargetAccuracy : items.Sum(i => i.TimesCorrect) / (double)answered;
        var missedSlots = (int)Math.Round(count * Math.Clamp(0.5 + accuracy - TargetAccuracy, 0.2, 0.8));
        var due = items.Where(i => i.DueAt <= now).ToList();
        var missed = due.Where(i => i.Box == 1).OrderBy(i => i.DueAt).Take(missedSlots);
        var known = due.Where(i => i.Box > 1).OrderByDescending(i => i.Box).ThenBy(i => i.DueAt);
        var reviewIds = missed.Concat(known).Select(i => i.QuestionId).Take(count).ToList();
        var reviews = await FreshAsync(await store.GetQuestionsAsync(reviewIds, cancellationToken), cancellationToken);
        var chosen = reviewIds.Select(id => reviews.FirstOrDefault(q => q.Id == id)).OfType<QuizQuestion>().ToList();
        if (chosen.Count < count)
        {
            var studied = topic ?? items.OrderByDescending(i => i.LastAnsweredAt).Select(i => i.Topic).FirstOrDefault();
            var seen = items.Select(i => i.QuestionId).ToHashSet(StringComparer.Ordinal);
            var fresh = await OnTopicAsync(studied, count + items.Count, cancellationToken);
            chosen.AddRange(fresh.Where(q => !seen.Contains(q.Id) && chosen.All(c => c.Id != q.Id)).Take(count - chosen.Count));
        }

        return chosen;
    }

    /// <summary>The questions whose chunk is unchanged; the others are retired so they are never asked stale.</summary>
    public async Task<IReadOnlyList<QuizQuestion>> FreshAsync(IReadOnlyList<QuizQuestion> questions, CancellationToken cancellationToken)
    {
        if (questions.Count == 0)
        {
            return questions;
        }

        var hashes = await material.CurrentHashesAsync(questions.Select(q => q.ChunkId).Distinct().ToList(), cancellationToken);
        var stale = questions.Where(q => !hashes.TryGetValue(q.ChunkId, out var hash) || hash != q.ContentHash).Select(q => q.Id).ToList();
        if (stale.Count > 0)
        {
            await store.RetireQuestionsAsync(stale, time.GetUtcNow(), cancellationToken);
        }

        return questions.Where(q => !stale.Contains(q.Id)).ToList();
    }
}

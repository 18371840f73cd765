using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Quizzes;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Quizzes;

/// <summary>
/// Chooses what a quiz asks: a topic, the whole base, what changed, a learner's reviews, an answer's
/// sources. A topic quiz draws on every chunk of the search that is about the topic (it names the
/// topic's words), far enough down the ranking for the count asked, then on the rest of their pages; a
/// topic no chunk is about has no material.
/// </summary>
internal sealed class QuizPlanner(IndexQuizMaterial material, QuizComposer composer, IQuizStore store, TimeProvider time)
{
    /// <summary>Chunks searched per question asked, and at least <see cref="MinMaterial"/>: questions, distractors and checks all come from them.</summary>
    private const int MaterialPerQuestion = 8;
    internal const int MinMaterial = 60;

    /// <summary>How hard `quiz me` pushes: the share of missed questions rises when the learner scores above this.</summary>
    public const double TargetAccuracy = 0.7;

    public async Task<ComposedQuiz> OnTopicAsync(string? topic, int count, QuizTaker taker, IReadOnlySet<string>? exclude, CancellationToken cancellationToken)
    {
        var found = await material.FindAsync(topic, Math.Max(count * MaterialPerQuestion, MinMaterial), cancellationToken);
        var onTopic = topic is null ? found : found.Where(c => IsAbout(c, topic)).ToList();
        if (onTopic.Count == 0)
        {
            return ComposedQuiz.NoMaterial;
        }

        // The rest of the pages the topic is on, for when its own passages run short: what the search ranked first, then in
        // page order. Questions and distractors come from the whole pages: a section's neighbours are its terms' peers.
        var pages = await material.PagesOfAsync(onTopic, Math.Max(count * MaterialPerQuestion, MinMaterial), cancellationToken);
        var onPages = pages.Select(c => c.ChunkId).ToHashSet(StringComparer.Ordinal);
        var asked = onTopic.Select(c => c.ChunkId).ToHashSet(StringComparer.Ordinal);
        var further = found.Where(c => onPages.Contains(c.ChunkId)).Concat(pages).Where(c => !asked.Contains(c.ChunkId)).DistinctBy(c => c.ChunkId).ToList();
        var related = found.Concat(pages).DistinctBy(c => c.ChunkId).ToList();
        return await ComposeAsync(onTopic, related, topic ?? "the knowledge base", count, taker, exclude, further, cancellationToken);
    }

    public async Task<ComposedQuiz> ChangedSinceAsync(DateTimeOffset since, int count, QuizTaker taker, CancellationToken cancellationToken)
    {
        var changed = await material.ChangedSinceAsync(since, Math.Max(count * MaterialPerQuestion, MinMaterial), cancellationToken);
        if (changed.Count == 0)
        {
            return ComposedQuiz.NoMaterial;
        }

        // Distractors come from the same area of the base, not only from the changed pages.
        var related = changed.Concat(await material.FindAsync(changed[0].Title, MinMaterial, cancellationToken)).ToList();
        return await ComposeAsync(changed, related, "what changed", count, taker, exclude: null, further: null, cancellationToken);
    }

    /// <summary>Questions on the chunks an answer cited (matched by source and document link).</summary>
    public async Task<ComposedQuiz> OnAnswerAsync(string question, IReadOnlyList<Citation> citations, int count, QuizTaker taker, CancellationToken cancellationToken)
    {
        var related = await material.FindAsync(question, Math.Max(count * MaterialPerQuestion, MinMaterial), cancellationToken);
        var cited = related.Where(c => citations.Any(x => x.Source == c.Source && x.Link == c.Link)).ToList();
        return await ComposeAsync(cited.Count > 0 ? cited : related, related, question, count, taker, exclude: null, further: null, cancellationToken);
    }

    /// <summary>
    /// `quiz me`: reviews due by the learner's Leitner boxes, missed ones first, topped up with new
    /// questions from the topics they study. The share of missed questions follows their accuracy so
    /// that about <see cref="TargetAccuracy"/> of answers are right: more misses when it is easy,
    /// more well-known questions when it is hard.
    /// </summary>
    public async Task<ComposedQuiz> ForLearnerAsync(QuizTaker taker, string? topic, int count, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var items = (await store.LearnerItemsAsync(taker.UserId, cancellationToken))
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
        if (chosen.Count == count)
        {
            return new ComposedQuiz(chosen, null);
        }

        var studied = topic ?? items.OrderByDescending(i => i.LastAnsweredAt).Select(i => i.Topic).FirstOrDefault();
        var seen = items.Select(i => i.QuestionId).ToHashSet(StringComparer.Ordinal);
        var fresh = await OnTopicAsync(studied, count - chosen.Count, taker, seen, cancellationToken);
        return fresh with { Questions = [.. chosen, .. fresh.Questions], HasMaterial = chosen.Count > 0 || fresh.HasMaterial };
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

    private async Task<ComposedQuiz> ComposeAsync(
        IReadOnlyList<RetrievedChunk> chunks, IReadOnlyList<RetrievedChunk> related, string topic, int count, QuizTaker taker,
        IReadOnlySet<string>? exclude, IReadOnlyList<RetrievedChunk>? further, CancellationToken cancellationToken)
    {
        var level = LearnerLevel.Of(await store.LearnerItemsAsync(taker.UserId, cancellationToken));
        return await composer.ComposeAsync(new QuizBrief(chunks, related, topic, count, level, taker, exclude, further), cancellationToken);
    }

    /// <summary>A chunk is about the topic when it names its words: all of a one- or two-word topic, two thirds of a longer one.</summary>
    internal static bool IsAbout(RetrievedChunk chunk, string topic)
    {
        var wanted = TextAnalyzer.Terms(topic).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return true;
        }

        var present = TextAnalyzer.Terms($"{chunk.Title} {string.Join(' ', chunk.HeadingPath)} {chunk.Text}").ToHashSet(StringComparer.Ordinal);
        var needed = wanted.Count <= 2 ? wanted.Count : (int)Math.Ceiling(wanted.Count * 2 / 3.0);
        return wanted.Count(present.Contains) >= needed;
    }
}

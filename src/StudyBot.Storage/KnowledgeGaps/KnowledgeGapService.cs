using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;

namespace StudyBot.Storage.KnowledgeGaps;

/// <summary>
/// Builds the knowledge-gap report from the answer log (questions answered "not in the knowledge
/// base") and every registered <see cref="IKnowledgeGapSignals"/> (👎 answers, missed quiz
/// questions), grouped by the page they point at.
/// </summary>
public sealed partial class KnowledgeGapService(AppStore store, IEnumerable<IKnowledgeGapSignals> signals, CitationLinks links, TimeProvider time)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);
    private const int MaxUnansweredScanned = 5000;
    private const int MaxExamples = 5;

    public async Task<KnowledgeGapReport> BuildAsync(DateTimeOffset? since, int top, CancellationToken cancellationToken)
    {
        var from = since ?? time.GetUtcNow() - DefaultWindow;
        var unanswered = await UnansweredAsync(from, top, cancellationToken);
        var all = new List<(string Kind, PageSignal Signal)>();
        foreach (var source in signals)
        {
            all.AddRange((await source.GetSignalsAsync(from, cancellationToken)).Select(s => (source.Kind, s)));
        }

        var pages = all
            .GroupBy(x => (x.Signal.Source, x.Signal.Link))
            .Select(g => new PageGap(
                g.Key.Source,
                g.Key.Link,
                g.First().Signal.Title,
                links.UrlOf(new Citation(0, g.First().Signal.Title, g.Key.Source, g.Key.Link, null, "", "")),
                g.Count(),
                g.GroupBy(x => x.Kind).ToDictionary(k => k.Key, k => k.Count(), StringComparer.Ordinal),
                g.Select(x => x.Signal.Example).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxExamples).ToList()))
            .OrderByDescending(p => p.Total).ThenBy(p => p.Source, StringComparer.Ordinal).ThenBy(p => p.Link, StringComparer.Ordinal)
            .Take(top)
            .ToList();
        return new KnowledgeGapReport(from, unanswered, pages);
    }

    private async Task<IReadOnlyList<UnansweredQuestion>> UnansweredAsync(DateTimeOffset from, int top, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var rows = await context.Answers.AsNoTracking()
            .Where(a => !a.Found && a.CreatedAt >= from)
            .OrderByDescending(a => a.CreatedAt)
            .Take(MaxUnansweredScanned)
            .Select(a => new { a.Question, a.Channel, a.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => r.Question.Trim().Length > 0)
            .GroupBy(r => Normalize(r.Question), StringComparer.Ordinal)
            .Select(g => new UnansweredQuestion(
                g.Last().Question.Trim(), g.Count(), g.Max(r => r.CreatedAt), g.Select(r => r.Channel).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(q => q.Times).ThenByDescending(q => q.LastAsked)
            .Take(top)
            .ToList();
    }

    private static string Normalize(string question) => Spaces().Replace(question.Trim().TrimEnd('?', '!', '.', ' ').ToLowerInvariant(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;

namespace StudyBot.Storage.Feedback;

/// <summary>Reads the stored votes for the admin API, status and the knowledge-gap report.</summary>
public sealed class FeedbackQueries(AppStore store, CitationLinks links) : IFeedbackSummary, IKnowledgeGapSignals
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public string Kind => "thumbs-down";

    /// <summary>Newest vote first.</summary>
    public async Task<IReadOnlyList<FeedbackRecord>> ListAsync(FeedbackFilter filter, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var query = context.Feedback.AsNoTracking().Join(context.Answers.AsNoTracking(), f => f.AnswerId, a => a.Id, (f, a) => new { f, a });
        if (filter.From is { } from)
        {
            query = query.Where(x => x.f.CreatedAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(x => x.f.CreatedAt < to);
        }

        if (filter.Helpful is { } helpful)
        {
            query = query.Where(x => x.f.Helpful == helpful);
        }

        if (filter.PromptVersion is { } version)
        {
            query = version == HelpfulRate.Unversioned ? query.Where(x => x.a.PromptVersion == null) : query.Where(x => x.a.PromptVersion == version);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(x => x.a.Channel == channel);
        }

        var rows = await query.OrderByDescending(x => x.f.CreatedAt).Take(filter.Limit).ToListAsync(cancellationToken);
        return rows.Select(r => new FeedbackRecord(
            r.f.AnswerId, r.f.UserId, r.f.Helpful, r.f.CreatedAt, r.a.Channel, r.a.Question, r.a.Answer, r.a.Found, r.a.PromptVersion, r.a.CreatedAt,
            Citations(r.a).Select(c => FeedbackCitation.From(c, links)).ToList())).ToList();
    }

    public async Task<IReadOnlyList<HelpfulRate>> GetHelpfulRatesAsync(CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var rows = await context.Feedback.AsNoTracking()
            .Join(context.Answers.AsNoTracking(), f => f.AnswerId, a => a.Id, (f, a) => new { f.Helpful, a.PromptVersion })
            .GroupBy(x => x.PromptVersion)
            .Select(g => new { Version = g.Key, Votes = g.Count(), Helpful = g.Count(x => x.Helpful) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new HelpfulRate(r.Version, r.Votes, r.Helpful)).OrderByDescending(r => r.Votes).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
    }

    /// <summary>One signal per page cited by a 👎 answer (several chunks of one page count once).</summary>
    public async Task<IReadOnlyList<PageSignal>> GetSignalsAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var down = await ListAsync(new FeedbackFilter(since, null, false, null, null, FeedbackFilter.MaxLimit), cancellationToken);
        return down.SelectMany(vote => vote.Citations
                .DistinctBy(c => (c.Source, c.Link))
                .Select(c => new PageSignal(c.Source, c.Link, c.Title, vote.Question)))
            .ToList();
    }

    private static List<Citation> Citations(AnswerEntity answer) => JsonSerializer.Deserialize<List<Citation>>(answer.CitationsJson, Json) ?? [];
}

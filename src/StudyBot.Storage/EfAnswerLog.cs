using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;

namespace StudyBot.Storage;

/// <summary>The answer log and its feedback in the app store.</summary>
public sealed class EfAnswerLog(AppStore store, TimeProvider time) : IAnswerLog
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public async Task<string> RecordAsync(AnsweredQuestion answer, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        await using var context = store.CreateContext();
        context.Answers.Add(new AnswerEntity
        {
            Id = id,
            Channel = answer.Channel,
            ConversationId = answer.ConversationId,
            UserId = answer.UserId,
            Question = answer.Question,
            Answer = answer.Answer,
            Found = answer.Found,
            CitationsJson = JsonSerializer.Serialize(answer.Citations, Json),
            PromptVersion = answer.PromptVersion,
            CreatedAt = answer.CreatedAt,
        });
        await context.SaveChangesAsync(cancellationToken);
        return id;
    }

    public async Task<AnsweredQuestion?> FindAsync(string answerId, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var entity = await context.Answers.AsNoTracking().FirstOrDefaultAsync(a => a.Id == answerId, cancellationToken);
        return entity is null ? null : ToModel(entity);
    }

    public async Task<IReadOnlyList<ConversationTurn>> RecentTurnsAsync(string channel, string conversationId, int max, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var recent = await context.Answers.AsNoTracking()
            .Where(a => a.Channel == channel && a.ConversationId == conversationId)
            .OrderByDescending(a => a.CreatedAt)
            .Take(max)
            .Select(a => new { a.Question, a.Answer })
            .ToListAsync(cancellationToken);
        recent.Reverse();
        return recent.SelectMany(a => new[] { new ConversationTurn(false, a.Question), new ConversationTurn(true, a.Answer) }).ToList();
    }

    public async Task RecordFeedbackAsync(string answerId, string userId, bool helpful, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var existing = await context.Feedback.FirstOrDefaultAsync(f => f.AnswerId == answerId && f.UserId == userId, cancellationToken);
        if (existing is null)
        {
            context.Feedback.Add(new FeedbackEntity { AnswerId = answerId, UserId = userId, Helpful = helpful, CreatedAt = time.GetUtcNow() });
        }
        else
        {
            if (helpful)
            {
                existing.Reason = null;
                existing.Comment = null;
            }

            existing.Helpful = helpful;
            existing.CreatedAt = time.GetUtcNow();
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordFeedbackReasonAsync(string answerId, string userId, FeedbackReason reason, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var vote = await context.Feedback.FirstOrDefaultAsync(f => f.AnswerId == answerId && f.UserId == userId, cancellationToken);
        if (vote is null)
        {
            vote = new FeedbackEntity { AnswerId = answerId, UserId = userId, CreatedAt = time.GetUtcNow() };
            context.Feedback.Add(vote);
        }
        else if (vote.Helpful)
        {
            vote.CreatedAt = time.GetUtcNow();
        }

        vote.Helpful = false;
        vote.Reason = reason.Name;
        vote.Comment = reason.Comment;
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (context.Entry(vote).State == EntityState.Added)
        {
            // The same form arrived twice at once: the other write created the vote; store the reason on it.
            await RecordFeedbackReasonAsync(answerId, userId, reason, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<FeedbackEntry>> ListFeedbackAsync(int max, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var rows = await context.Feedback.AsNoTracking()
            .OrderByDescending(f => f.CreatedAt)
            .Take(max)
            .Join(context.Answers.AsNoTracking(), f => f.AnswerId, a => a.Id, (f, a) => new { f, a })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new FeedbackEntry(r.f.AnswerId, r.f.UserId, r.f.Helpful, r.f.CreatedAt, ToModel(r.a), ReasonOf(r.f))).ToList();
    }

    public async Task RecordMessageAsync(string answerId, string messageId, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        await context.Answers.Where(a => a.Id == answerId).ExecuteUpdateAsync(a => a.SetProperty(x => x.MessageId, messageId), cancellationToken);
    }

    public async Task<string?> FindByMessageAsync(string channel, string conversationId, string messageId, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        return await context.Answers.AsNoTracking()
            .Where(a => a.Channel == channel && a.ConversationId == conversationId && a.MessageId == messageId)
            .Select(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountAnswersByPromptVersionAsync(CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        return await context.Answers.AsNoTracking()
            .Where(a => a.PromptVersion != null)
            .GroupBy(a => a.PromptVersion!)
            .Select(g => new { Version = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Version, g => g.Count, StringComparer.Ordinal, cancellationToken);
    }

    internal static FeedbackReason? ReasonOf(FeedbackEntity vote) =>
        FeedbackReason.TryParseKind(vote.Reason, out var kind) ? new FeedbackReason(kind, vote.Comment) : null;

    private static AnsweredQuestion ToModel(AnswerEntity entity) => new(
        entity.Channel, entity.ConversationId, entity.UserId, entity.Question, entity.Answer, entity.Found,
        JsonSerializer.Deserialize<List<Citation>>(entity.CitationsJson, Json) ?? [], entity.PromptVersion, entity.CreatedAt);
}

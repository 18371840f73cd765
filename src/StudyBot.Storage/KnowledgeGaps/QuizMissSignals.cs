using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;

namespace StudyBot.Storage.KnowledgeGaps;

/// <summary>Wrong quiz answers for the knowledge-gap report: one signal per miss, on the page the question came from.</summary>
public sealed class QuizMissSignals(AppStore store) : IKnowledgeGapSignals
{
    private const int MaxMissesScanned = 5000;
    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public string Kind => "quiz-miss";

    public async Task<IReadOnlyList<PageSignal>> GetSignalsAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var answers = context.QuizAnswers.AsNoTracking().Where(a => !a.Correct);
        if (since is { } from)
        {
            answers = answers.Where(a => a.AnsweredAt >= from);
        }

        var misses = await answers.OrderByDescending(a => a.AnsweredAt).Take(MaxMissesScanned)
            .Select(a => new { a.SessionId, a.QuestionIndex }).ToListAsync(cancellationToken);
        var sessionIds = misses.Select(m => m.SessionId).Distinct().ToList();
        var questionsOfSession = await context.QuizSessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => JsonSerializer.Deserialize<List<string>>(s.QuestionIdsJson, Json) ?? [], cancellationToken);
        var missed = misses
            .Select(m => questionsOfSession.TryGetValue(m.SessionId, out var ids) && m.QuestionIndex < ids.Count ? ids[m.QuestionIndex] : null)
            .OfType<string>()
            .ToList();
        var questionIds = missed.Distinct().ToList();
        var questions = await context.QuizQuestions.AsNoTracking().Where(q => questionIds.Contains(q.Id))
            .ToDictionaryAsync(q => q.Id, q => (q.Stem, Citation: JsonSerializer.Deserialize<Citation>(q.CitationJson, Json)!), cancellationToken);
        return missed.Where(questions.ContainsKey)
            .Select(id => questions[id])
            .Select(q => new PageSignal(q.Citation.Source, q.Citation.Link, q.Citation.Title, q.Stem))
            .ToList();
    }
}

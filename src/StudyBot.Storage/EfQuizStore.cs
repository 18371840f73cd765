using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Storage;

/// <summary>Quiz questions, sessions, answers and learner boxes in the app store (SQLite or PostgreSQL).</summary>
public sealed class EfQuizStore(AppStore store, TimeProvider time) : IQuizStore
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public async Task SaveQuestionsAsync(IReadOnlyList<QuizQuestion> questions, CancellationToken cancellationToken)
    {
        if (questions.Count == 0)
        {
            return;
        }

        await using var context = store.CreateContext();
        var ids = questions.Select(q => q.Id).ToList();
        var existing = await context.QuizQuestions.Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, cancellationToken);
        foreach (var question in questions.DistinctBy(q => q.Id))
        {
            if (existing.TryGetValue(question.Id, out var stored))
            {
                stored.RetiredAt = null;
                continue;
            }

            context.QuizQuestions.Add(new QuizQuestionEntity
            {
                Id = question.Id,
                ChunkId = question.ChunkId,
                ContentHash = question.ContentHash,
                Topic = question.Topic,
                Stem = question.Stem,
                OptionsJson = JsonSerializer.Serialize(question.Options, Json),
                CorrectOption = question.CorrectOption,
                Evidence = question.Evidence,
                Explanation = question.Explanation,
                CitationJson = JsonSerializer.Serialize(question.Citation, Json),
                CreatedAt = time.GetUtcNow(),
            });
        }

        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another quiz stored the same question at the same moment: it is the same content, so either copy serves.
        }
    }

    public async Task<IReadOnlyList<QuizQuestion>> GetQuestionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var rows = await context.QuizQuestions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToListAsync(cancellationToken);
        return rows.Select(ToModel).ToList();
    }

    public async Task<IReadOnlyList<QuizQuestion>> QuestionsOfChunksAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var rows = await context.QuizQuestions.AsNoTracking().Where(q => chunkIds.Contains(q.ChunkId) && q.RetiredAt == null).ToListAsync(cancellationToken);
        return rows.Select(ToModel).ToList();
    }

    public async Task RetireQuestionsAsync(IReadOnlyCollection<string> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        await context.QuizQuestions.Where(q => ids.Contains(q.Id) && q.RetiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.RetiredAt, at), cancellationToken);
    }

    public async Task<IReadOnlySet<string>> RetiredAmongAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        return (await context.QuizQuestions.AsNoTracking().Where(q => ids.Contains(q.Id) && q.RetiredAt != null).Select(q => q.Id).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<(QuizSession Session, bool Created)> StartSessionAsync(QuizSession session, CancellationToken cancellationToken)
    {
        if (await FindOpenSessionAsync(session.Conversation, cancellationToken) is { } open)
        {
            return (open, false);
        }

        await using var context = store.CreateContext();
        context.QuizSessions.Add(new QuizSessionEntity
        {
            Id = session.Id,
            Channel = session.Channel,
            Space = session.Conversation.Space,
            Thread = session.Conversation.Thread,
            Reference = session.Conversation.Reference,
            OpenIn = OpenKey(session.Conversation),
            Personal = session.Personal,
            StartedBy = session.StartedBy,
            Topic = session.Topic,
            QuestionIdsJson = JsonSerializer.Serialize(session.QuestionIds, Json),
            Current = session.Current,
            State = session.State.ToString(),
            StartedAt = session.StartedAt,
            QuestionDeadline = session.QuestionDeadline,
            IdleDeadline = session.IdleDeadline,
            PromptVersion = session.PromptVersion,
        });
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return (session, true);
        }
        catch (DbUpdateException)
        {
            // Another start won the race for this conversation.
            var winner = await FindOpenSessionAsync(session.Conversation, cancellationToken);
            return winner is null ? throw new InvalidOperationException($"Quiz {session.Id} could not be stored.") : (winner, false);
        }
    }

    public async Task<QuizSession?> GetSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var row = await context.QuizSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        return row is null ? null : ToModel(row);
    }

    public async Task<QuizSession?> FindOpenSessionAsync(ConversationAddress conversation, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var key = OpenKey(conversation);
        var row = await context.QuizSessions.AsNoTracking().FirstOrDefaultAsync(s => s.OpenIn == key, cancellationToken);
        return row is null ? null : ToModel(row);
    }

    public async Task<QuizAnswerOutcome> RecordAnswerAsync(QuizAnswer answer, DateTimeOffset idleDeadline, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        // One statement: the answer only lands while its question is the session's open one, and only once per person.
        // A raw parameter cannot be null (it would have no type), so a missing channel user id goes as '' and is stored as NULL.
        var inserted = await context.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO quiz_answers ("SessionId", "QuestionIndex", "UserId", "Channel", "Space", "Thread", "ChosenOption", "Correct", "AnsweredAt", "ChannelUserId")
            SELECT s."Id", s."Current", {2}, s."Channel", s."Space", s."Thread", {3}, {4}, {5}, NULLIF({7}, '')
            FROM quiz_sessions s
            WHERE s."Id" = {0} AND s."State" = {6} AND s."Current" = {1}
            ON CONFLICT ("SessionId", "QuestionIndex", "UserId") DO NOTHING
            """,
            [answer.SessionId, answer.QuestionIndex, answer.UserId, answer.ChosenOption, answer.Correct,
                ProviderValue(context, answer.AnsweredAt), nameof(QuizSessionState.Open), answer.ChannelUserId ?? ""],
            cancellationToken);
        if (inserted == 1)
        {
            await context.QuizSessions.Where(s => s.Id == answer.SessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.IdleDeadline, idleDeadline), cancellationToken);
            return QuizAnswerOutcome.Recorded;
        }

        var session = await context.QuizSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == answer.SessionId, cancellationToken);
        var answered = await context.QuizAnswers.AnyAsync(
            a => a.SessionId == answer.SessionId && a.QuestionIndex == answer.QuestionIndex && a.UserId == answer.UserId, cancellationToken);
        return session is null ? QuizAnswerOutcome.UnknownQuiz
            : answered ? QuizAnswerOutcome.AlreadyAnswered
            : session.State != nameof(QuizSessionState.Open) ? QuizAnswerOutcome.QuizClosed
            : QuizAnswerOutcome.QuestionClosed;
    }

    public async Task<IReadOnlyList<QuizAnswer>> AnswersAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        return await context.QuizAnswers.AsNoTracking().Where(a => a.SessionId == sessionId)
            .OrderBy(a => a.QuestionIndex).ThenBy(a => a.AnsweredAt)
            .Select(a => new QuizAnswer(a.SessionId, a.QuestionIndex, a.UserId, a.ChosenOption, a.Correct, a.AnsweredAt, a.ChannelUserId))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> LatestAnswerersAsync(string sessionId, int questionIndex, int max, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var latest = await context.QuizAnswers.AsNoTracking()
            .Where(a => a.SessionId == sessionId && a.QuestionIndex == questionIndex && a.ChannelUserId != null)
            .OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.UserId)
            .Take(max)
            .Select(a => a.ChannelUserId!)
            .ToListAsync(cancellationToken);
        latest.Reverse();
        return latest;
    }

    public async Task<bool> TryAdvanceAsync(string sessionId, int from, int nextIndex, DateTimeOffset? questionDeadline, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var open = nameof(QuizSessionState.Open);
        return await context.QuizSessions.Where(s => s.Id == sessionId && s.State == open && s.Current == from)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Current, nextIndex).SetProperty(x => x.QuestionDeadline, questionDeadline), cancellationToken) == 1;
    }

    public async Task<bool> TryCloseAsync(string sessionId, QuizSessionState state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var open = nameof(QuizSessionState.Open);
        var closed = state.ToString();
        return await context.QuizSessions.Where(s => s.Id == sessionId && s.State == open)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.State, closed).SetProperty(x => x.ClosedAt, at).SetProperty(x => x.OpenIn, (string?)null),
                cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<QuizSession>> DueSessionsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var open = nameof(QuizSessionState.Open);
        var rows = await context.QuizSessions.AsNoTracking()
            .Where(s => s.State == open && (s.QuestionDeadline <= now || s.IdleDeadline <= now))
            .ToListAsync(cancellationToken);
        return rows.Select(ToModel).ToList();
    }

    public async Task<IReadOnlyList<LeaderboardEntry>> LeaderboardAsync(ConversationAddress conversation, int max, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var (channel, space) = (conversation.Channel, conversation.Space);
        var rows = await context.QuizAnswers.AsNoTracking()
            .Where(a => a.Channel == channel && a.Space == space)
            .GroupBy(a => a.UserId)
            .Select(g => new { UserId = g.Key, Correct = g.Count(a => a.Correct), Answered = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Correct).ThenBy(r => r.Answered).ThenBy(r => r.UserId, StringComparer.Ordinal)
            .Take(max).Select(r => new LeaderboardEntry(r.UserId, r.Correct, r.Answered)).ToList();
    }

    public async Task<LearnerItem?> GetLearnerItemAsync(string userId, string questionId, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var row = await context.QuizLearnerItems.AsNoTracking().FirstOrDefaultAsync(i => i.UserId == userId && i.QuestionId == questionId, cancellationToken);
        return row is null ? null : ToModel(row);
    }

    public async Task SaveLearnerItemAsync(LearnerItem item, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var row = await context.QuizLearnerItems.FirstOrDefaultAsync(i => i.UserId == item.UserId && i.QuestionId == item.QuestionId, cancellationToken);
        if (row is null)
        {
            row = new QuizLearnerItemEntity { UserId = item.UserId, QuestionId = item.QuestionId, Topic = item.Topic };
            context.QuizLearnerItems.Add(row);
        }

        row.Topic = item.Topic;
        row.Box = item.Box;
        row.DueAt = item.DueAt;
        row.TimesCorrect = item.TimesCorrect;
        row.TimesWrong = item.TimesWrong;
        row.LastAnsweredAt = item.LastAnsweredAt;
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LearnerItem>> LearnerItemsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var rows = await context.QuizLearnerItems.AsNoTracking().Where(i => i.UserId == userId).ToListAsync(cancellationToken);
        return rows.Select(ToModel).ToList();
    }

    private static string OpenKey(ConversationAddress conversation) => $"{conversation.Channel}|{conversation.Id}";

    /// <summary>A timestamp as the provider stores it (SQLite: UTC ticks, through the model's converter).</summary>
    private static object ProviderValue(AppDbContext context, DateTimeOffset value)
    {
        var converter = context.Model.FindEntityType(typeof(QuizAnswerEntity))!.FindProperty(nameof(QuizAnswerEntity.AnsweredAt))!.GetTypeMapping().Converter;
        return converter?.ConvertToProvider(value) ?? value;
    }

    private static QuizQuestion ToModel(QuizQuestionEntity e) => new(
        e.Id, e.ChunkId, e.ContentHash, e.Topic, e.Stem, JsonSerializer.Deserialize<List<string>>(e.OptionsJson, Json) ?? [],
        e.CorrectOption, e.Evidence, e.Explanation, JsonSerializer.Deserialize<Citation>(e.CitationJson, Json)!);

    private static QuizSession ToModel(QuizSessionEntity e) => new(
        e.Id, new ConversationAddress(e.Channel, e.Space, e.Thread, e.Reference), e.Personal, e.StartedBy, e.Topic, JsonSerializer.Deserialize<List<string>>(e.QuestionIdsJson, Json) ?? [],
        e.Current, e.StartedAt, e.QuestionDeadline, e.IdleDeadline, Enum.Parse<QuizSessionState>(e.State), e.PromptVersion);

    private static LearnerItem ToModel(QuizLearnerItemEntity e) =>
        new(e.UserId, e.QuestionId, e.Topic, e.Box, e.DueAt, e.TimesCorrect, e.TimesWrong, e.LastAnsweredAt);
}

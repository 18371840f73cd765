using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Telemetry;

namespace StudyBot.Assistant.Quizzes;

/// <summary>
/// Runs quiz sessions on the durable store: starts them, takes answers (once per person and question),
/// moves on when a channel question's time is up or everyone taking part has answered (a personal quiz
/// moves on at each answer), and ends them with the scores and the leaderboard.
/// </summary>
internal sealed partial class QuizRunner(
    IQuizStore store,
    QuizPlanner planner,
    ConversationPoster poster,
    IOptions<QuizOptions> options,
    TimeProvider time,
    ILogger<QuizRunner> logger)
{
    private const int LeaderboardSize = 10;

    /// <param name="notice">Said with the first question, e.g. that the quiz has fewer questions than asked for.</param>
    public async Task<Reply> StartAsync(IncomingMessage message, string topic, ComposedQuiz quiz, bool personal, string? notice, CancellationToken cancellationToken)
    {
        await store.SaveQuestionsAsync(quiz.Questions, cancellationToken);
        var now = time.GetUtcNow();
        var session = new QuizSession(
            Guid.CreateVersion7(now).ToString("N"), message.Address, personal, message.UserId, topic,
            quiz.Questions.Select(q => q.Id).ToList(), 0, now, personal ? null : now + QuestionTime, now + IdleTime, QuizSessionState.Open, quiz.PromptVersion);
        var (stored, created) = await store.StartSessionAsync(session, cancellationToken);
        if (!created)
        {
            return new NoticeReply($"A quiz on {stored.Topic} is already running here. Answer its question, or send `quiz stop` to end it first.");
        }

        LogStarted(session.Id, session.Channel, quiz.Questions.Count, personal, quiz.PromptVersion ?? "none");
        // The stored copy is the one answers are scored against: a question stored before keeps its options.
        var first = (await store.GetQuestionsAsync([session.QuestionIds[0]], cancellationToken)).Single();
        return QuestionReply(stored, 0, first) with { Notice = notice };
    }

    public async Task<Reply> StopAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (await store.FindOpenSessionAsync(message.Address, cancellationToken) is not { } session)
        {
            return new NoticeReply("No quiz is running here. Start one with `quiz [topic] [number of questions]`.");
        }

        if (session.Personal && session.StartedBy != message.UserId && !message.IsAdmin)
        {
            return new NoticeReply("That is someone else's personal quiz; only they (or an admin) can stop it.");
        }

        return await store.TryCloseAsync(session.Id, QuizSessionState.Stopped, time.GetUtcNow(), cancellationToken)
            ? await ResultsAsync(session, QuizSessionState.Stopped, cancellationToken)
            : new NoticeReply("That quiz has just ended.");
    }

    public async Task<Reply> AnswerAsync(IncomingAction action, CancellationToken cancellationToken)
    {
        if (!QuizAction.TryParse(action.Value, out var sessionId, out var index, out var option)
            || await store.GetSessionAsync(sessionId, cancellationToken) is not { } session
            || index >= session.QuestionIds.Count)
        {
            return new NoticeReply("That answer button no longer points to a quiz I know.");
        }

        if (session.Personal && session.StartedBy != action.UserId)
        {
            return new NoticeReply("This is someone else's personal quiz. Send `quiz me` to get your own.");
        }

        var found = await store.GetQuestionsAsync([session.QuestionIds[index]], cancellationToken);
        if (found is not [var question] || option >= question.Options.Count)
        {
            return new NoticeReply("That answer button no longer points to a quiz I know.");
        }

        var now = time.GetUtcNow();
        var correct = option == question.CorrectOption;
        var outcome = await store.RecordAnswerAsync(new QuizAnswer(session.Id, index, action.UserId, option, correct, now, action.ChannelUserId), now + IdleTime, cancellationToken);
        switch (outcome)
        {
            case QuizAnswerOutcome.AlreadyAnswered:
                return new NoticeReply("You already answered this question — your first answer is the one that counts.");
            case QuizAnswerOutcome.QuestionClosed:
                return new NoticeReply("Sorry, that question has closed and the quiz has moved on — your answer was not counted. Try the current question!");
            case QuizAnswerOutcome.QuizClosed or QuizAnswerOutcome.UnknownQuiz:
                return new NoticeReply("Sorry, this quiz has already ended, so your answer was not counted. Start a new one with `quiz`.");
        }

        QuizTelemetry.RecordAnswer(action.Channel, correct);
        var item = await store.GetLearnerItemAsync(action.UserId, question.Id, cancellationToken);
        await store.SaveLearnerItemAsync(LeitnerSchedule.Next(item, action.UserId, question, correct, now), cancellationToken);
        var feedback = Feedback(question, option);
        if (session.Personal)
        {
            return feedback with { Next = await AdvanceAsync(session, index, post: false, cancellationToken) };
        }

        if (await EveryoneAnsweredAsync(session, index, cancellationToken))
        {
            await AdvanceAsync(session, index, post: true, cancellationToken);
        }

        return feedback with { Shared = QuestionReply(session, index, question) };
    }

    /// <summary>A shared question as one person sees it: their own result once they answered it, the question otherwise.</summary>
    public async Task<Reply> ViewAsync(IncomingAction action, CancellationToken cancellationToken)
    {
        if (!QuizAction.TryParseView(action.Value, out var sessionId, out var index)
            || await store.GetSessionAsync(sessionId, cancellationToken) is not { } session
            || index >= session.QuestionIds.Count
            || await store.GetQuestionsAsync([session.QuestionIds[index]], cancellationToken) is not [var question])
        {
            return new NoticeReply("That card no longer points to a quiz I know.");
        }

        var shared = QuestionReply(session, index, question);
        var answers = await store.AnswersAsync(session.Id, cancellationToken);
        return answers.FirstOrDefault(a => a.QuestionIndex == index && a.UserId == action.UserId) is { } mine
            ? Feedback(question, mine.ChosenOption) with { Shared = shared }
            : shared;
    }

    public async Task<Reply> LeaderboardAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        new LeaderboardReply(await store.LeaderboardAsync(message.Address, LeaderboardSize, cancellationToken));

    /// <summary>Moves every quiz whose time is up: the next question when a channel question's time ran out, or the end when nobody answered for too long.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var session in await store.DueSessionsAsync(now, cancellationToken))
        {
            if (session.IdleDeadline <= now)
            {
                if (await store.TryCloseAsync(session.Id, QuizSessionState.TimedOut, now, cancellationToken))
                {
                    LogTimedOut(session.Id);
                    await poster.PostAsync(session.Conversation, await ResultsAsync(session, QuizSessionState.TimedOut, cancellationToken), cancellationToken);
                }
            }
            else if (session.QuestionDeadline <= now)
            {
                await AdvanceAsync(session, session.Current, post: true, cancellationToken);
            }
        }
    }

    private TimeSpan QuestionTime => TimeSpan.FromSeconds(options.Value.QuestionSeconds);

    private TimeSpan IdleTime => TimeSpan.FromMinutes(options.Value.IdleMinutes);

    /// <summary>Everyone who answered an earlier question has answered this one (the first question always runs its full time).</summary>
    private async Task<bool> EveryoneAnsweredAsync(QuizSession session, int index, CancellationToken cancellationToken)
    {
        var answers = await store.AnswersAsync(session.Id, cancellationToken);
        var taking = answers.Where(a => a.QuestionIndex < index).Select(a => a.UserId).ToHashSet(StringComparer.Ordinal);
        var answered = answers.Where(a => a.QuestionIndex == index).Select(a => a.UserId).ToHashSet(StringComparer.Ordinal);
        return taking.Count > 0 && taking.IsSubsetOf(answered);
    }

    /// <summary>The next question that is still fresh, or the results after the last one; null when another caller already moved on.</summary>
    private async Task<Reply?> AdvanceAsync(QuizSession session, int from, bool post, CancellationToken cancellationToken)
    {
        var remaining = await store.GetQuestionsAsync(session.QuestionIds.Skip(from + 1).ToList(), cancellationToken);
        var fresh = (await planner.FreshAsync(remaining, cancellationToken)).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var next = Enumerable.Range(from + 1, session.QuestionIds.Count - from - 1).FirstOrDefault(i => fresh.Contains(session.QuestionIds[i]), -1);
        Reply reply;
        if (next < 0)
        {
            if (!await store.TryCloseAsync(session.Id, QuizSessionState.Finished, time.GetUtcNow(), cancellationToken))
            {
                return null;
            }

            reply = await ResultsAsync(session, QuizSessionState.Finished, cancellationToken);
        }
        else
        {
            var deadline = session.Personal ? (DateTimeOffset?)null : time.GetUtcNow() + QuestionTime;
            if (!await store.TryAdvanceAsync(session.Id, from, next, deadline, cancellationToken))
            {
                return null;
            }

            reply = QuestionReply(session, next, remaining.First(q => q.Id == session.QuestionIds[next]));
        }

        if (post)
        {
            await poster.PostAsync(session.Conversation, reply, cancellationToken);
        }

        return reply;
    }

    private async Task<QuizResultsReply> ResultsAsync(QuizSession session, QuizSessionState state, CancellationToken cancellationToken)
    {
        var scores = (await store.AnswersAsync(session.Id, cancellationToken))
            .GroupBy(a => a.UserId, StringComparer.Ordinal)
            .Select(g => new LeaderboardEntry(g.Key, g.Count(a => a.Correct), g.Count()))
            .OrderByDescending(e => e.Correct).ThenBy(e => e.Answered).ThenBy(e => e.UserId, StringComparer.Ordinal)
            .ToList();
        var leaderboard = await store.LeaderboardAsync(session.Conversation, LeaderboardSize, cancellationToken);
        return new QuizResultsReply(session.Topic, session.QuestionIds.Count, state, scores, leaderboard);
    }

    private static QuizFeedbackReply Feedback(QuizQuestion question, int option) =>
        new(option == question.CorrectOption, question.Stem, question.Options[option], question.CorrectText, question.Explanation, question.Citation);

    private QuizQuestionReply QuestionReply(QuizSession session, int index, QuizQuestion question) =>
        new(session.Id, index + 1, session.QuestionIds.Count, session.Topic, question.Stem, question.Options, session.Personal,
            session.Personal ? null : options.Value.QuestionSeconds);

    [LoggerMessage(LogLevel.Information, "Quiz {SessionId} started in {Channel} with {Questions} questions (personal: {Personal}, prompt: {PromptVersion})")]
    private partial void LogStarted(string sessionId, string channel, int questions, bool personal, string promptVersion);

    [LoggerMessage(LogLevel.Information, "Quiz {SessionId} closed itself after no answers")]
    private partial void LogTimedOut(string sessionId);
}

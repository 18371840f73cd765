using System.Net.Http.Json;
using System.Text.Json;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Eval.Quizzes;

/// <summary>One quiz as the playground takes it: what it said first, how many questions it had, and each question with its answer.</summary>
internal sealed record TakenQuiz(string Topic, string? Notice, int Total, IReadOnlyList<QuizQuestion> Questions)
{
    public static TakenQuiz None(string topic, string reply) => new(topic, reply, 0, []);
}

/// <summary>
/// Takes quizzes through a running host's HTTP API, as the playground does: `quiz &lt;topic&gt; &lt;n&gt;`
/// to POST /api/chat, then every question answered with its first option through POST /api/quiz/answer;
/// the feedback says whether that was right and, if not, which option was.
/// </summary>
internal sealed class PlaygroundQuizTaker(HttpClient client)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="learner">A learner of its own per quiz: the host's rate limit and spaced repetition count per user.</param>
    public async Task<TakenQuiz> TakeAsync(string topic, int count, string learner, CancellationToken cancellationToken)
    {
        var reply = await PostAsync("/api/chat", new { text = $"quiz {topic} {count}", conversationId = learner }, learner, cancellationToken);
        if (reply.GetProperty("type").GetString() != "quiz-question")
        {
            return TakenQuiz.None(topic, reply.GetProperty("text").GetString() ?? "");
        }

        var notice = reply.TryGetProperty("notice", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var total = reply.GetProperty("quiz").GetProperty("total").GetInt32();
        var questions = new List<QuizQuestion>();
        while (reply.TryGetProperty("quiz", out var quiz) && quiz.ValueKind == JsonValueKind.Object)
        {
            var options = quiz.GetProperty("options").EnumerateArray().Select(o => o.GetString() ?? "").ToList();
            var answer = new { sessionId = quiz.GetProperty("sessionId").GetString(), question = quiz.GetProperty("question").GetInt32(), option = 0, conversationId = learner };
            reply = await PostAsync("/api/quiz/answer", answer, learner, cancellationToken);
            var correct = reply.GetProperty("found").GetBoolean() ? 0 : options.IndexOf(CorrectText(reply.GetProperty("text").GetString() ?? ""));
            var stem = quiz.GetProperty("stem").GetString() ?? "";
            questions.Add(new QuizQuestion($"{learner}#{questions.Count}", "", "", topic, stem, options, correct, "", "", new Citation(1, topic, "", "", null, "", "")));
        }

        return new TakenQuiz(topic, notice, total, questions);
    }

    /// <summary>"❌ Not quite: you chose A; the answer is B." → "B".</summary>
    private static string CorrectText(string feedback)
    {
        const string Marker = "; the answer is ";
        var verdict = feedback.Split('\n')[0];
        var start = verdict.IndexOf(Marker, StringComparison.Ordinal);
        return start < 0 ? "" : verdict[(start + Marker.Length)..].TrimEnd('.');
    }

    private async Task<JsonElement> PostAsync(string path, object body, string learner, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Add("X-StudyBot-User", learner);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
    }
}

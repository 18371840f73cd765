using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using StudyBot.Core.Conversations;
using StudyBot.Core.Retrieval;

namespace StudyBot.Eval.Answers;

/// <summary>
/// Asks a chat model whether each sentence of an answer is stated by the chunks it cites, and
/// whether the answer gives the reference answer's key facts. Replies are JSON; anything else is
/// an error rather than a guessed score.
/// </summary>
internal sealed class FaithfulnessJudge(IChatClient chat)
{
    private const string Instructions = """
        You grade the answers of a question-answering assistant. Each answer cites numbered sources as [n].
        1. Split the answer into sentences. A sentence is supported when the sources it cites state it
           (paraphrase is fine; facts the sources do not contain are not).
        2. The answer is correct when it gives the key facts of the reference answer.
        Reply with JSON only: {"sentences": <int>, "supported": <int>, "correct": <true|false>}
        """;

    public async Task<JudgeVerdict> JudgeAsync(string question, AnswerReply answer, IReadOnlyDictionary<int, RetrievedChunk> cited, string? reference, CancellationToken cancellationToken)
    {
        var prompt = new StringBuilder();
        prompt.AppendLine(CultureInfo.InvariantCulture, $"Question: {question}").AppendLine().AppendLine("Sources:");
        foreach (var (number, chunk) in cited.OrderBy(c => c.Key))
        {
            prompt.AppendLine(CultureInfo.InvariantCulture, $"[{number}] {chunk.Title}: {chunk.Text}").AppendLine();
        }

        prompt.AppendLine(CultureInfo.InvariantCulture, $"Answer: {answer.Text}").AppendLine();
        prompt.AppendLine(CultureInfo.InvariantCulture, $"Reference answer: {reference ?? "(none)"}");
        var response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, prompt.ToString())],
            new ChatOptions { Temperature = 0 },
            cancellationToken);
        return Parse(response.Text);
    }

    public static JudgeVerdict Parse(string reply)
    {
        var start = reply.IndexOf('{', StringComparison.Ordinal);
        var end = reply.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            throw new FormatException($"the judge did not reply with JSON: {reply}");
        }

        using var json = JsonDocument.Parse(reply[start..(end + 1)]);
        var root = json.RootElement;
        return new JudgeVerdict(root.GetProperty("sentences").GetInt32(), root.GetProperty("supported").GetInt32(), root.GetProperty("correct").GetBoolean());
    }
}

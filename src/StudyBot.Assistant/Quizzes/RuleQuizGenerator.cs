using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Quizzes;

namespace StudyBot.Assistant.Quizzes;

/// <summary>
/// Questions without a model. Definition questions ask which term a sentence of the text defines
/// ("LoRA (Low-Rank Adaptation) is a PEFT method that …" → which term is "a PEFT method that …"?);
/// cloze questions blank an acronym out of a key sentence. Distractors are key terms of the same
/// kind from the same area of the knowledge base, preferring other defined terms, never a term the
/// evidence sentence itself mentions.
/// </summary>
public sealed partial class RuleQuizGenerator : IQuizGenerator
{
    private const int Distractors = QuizQuestionValidator.OptionCount - 1;
    private const int QuestionsPerChunk = 2;
    private const string Blank = "_____";

    public async IAsyncEnumerable<QuizQuestion> ProposeAsync(
        IReadOnlyList<RetrievedChunk> chunks, IReadOnlyList<RetrievedChunk> related, string topic, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        // Nearest terms first: the question's own chunk, then the topic's chunks, then the related ones.
        var pool = chunks.Concat(related).DistinctBy(c => c.ChunkId).Select(c => (c.ChunkId, Terms: KeyTerms.In(c.Text).ToList())).ToList();
        var perChunk = chunks.Select(c => Candidates(c, pool).Take(QuestionsPerChunk).ToList()).ToList();
        // Round-robin over chunks so a quiz covers several parts of the topic.
        for (var round = 0; round < QuestionsPerChunk; round++)
        {
            foreach (var questions in perChunk.Where(q => q.Count > round))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return questions[round];
            }
        }
    }

    private static IEnumerable<QuizQuestion> Candidates(RetrievedChunk chunk, List<(string ChunkId, List<KeyTerm> Terms)> pool)
    {
        var hash = ChunkContentHash.Of(chunk.Text);
        var acronyms = KeyTerms.In(chunk.Text).Where(t => t.Kind == TermKind.Acronym).Select(t => t.Text).ToList();
        var cloze = new List<QuizQuestion>();
        foreach (var sentence in KeySentences.Of(chunk.Text))
        {
            if (KeyTerms.ReadDefinition(sentence) is { } definition)
            {
                var answer = definition.Alias is { } alias && KeyTerms.KindOf(alias) == TermKind.Acronym && KeyTerms.KindOf(definition.Term) != TermKind.Acronym
                    ? alias
                    : definition.Term;
                var stem = $"Which term does this describe: “{Capitalize(definition.Body)}”?";
                if (Build(chunk, hash, pool, sentence, stem, answer) is { } question)
                {
                    yield return question;
                }

                continue;
            }

            foreach (var term in acronyms.Where(t => Occurrences(sentence, t) == 1))
            {
                var stem = $"Fill in the blank: “{WholeWord(term).Replace(sentence, Blank, 1)}”";
                if (Build(chunk, hash, pool, sentence, stem, term) is { } question)
                {
                    cloze.Add(question);
                    break;
                }
            }
        }

        foreach (var question in cloze)
        {
            yield return question;
        }
    }

    private static QuizQuestion? Build(RetrievedChunk chunk, string hash, List<(string ChunkId, List<KeyTerm> Terms)> pool, string evidence, string stem, string answer)
    {
        var kind = KeyTerms.KindOf(answer);
        var distractors = pool
            .OrderBy(p => p.ChunkId == chunk.ChunkId ? 0 : 1)
            .SelectMany(p => p.Terms)
            .Where(t => t.Kind == kind && !t.Text.Equals(answer, StringComparison.OrdinalIgnoreCase) && Occurrences(evidence, t.Text) == 0 && Occurrences(stem, t.Text) == 0)
            .OrderBy(t => t.Defined ? 0 : 1)
            .Select(t => t.Text)
            .DistinctBy(t => t, StringComparer.OrdinalIgnoreCase)
            .Take(Distractors)
            .ToList();
        if (distractors.Count < Distractors)
        {
            return null;
        }

        var id = ChunkContentHash.Of($"{chunk.ChunkId}|{hash}|{stem}|{answer}");
        // A fixed order per question that does not always put the answer first.
        var options = distractors.Append(answer).OrderBy(o => ChunkContentHash.Of(id + o), StringComparer.Ordinal).ToList();
        var citation = new Citation(1, chunk.Title, chunk.Source, chunk.Link, chunk.Page, string.Join(" › ", chunk.HeadingPath), evidence);
        return new QuizQuestion(
            id, chunk.ChunkId, hash, chunk.Title, stem, options, options.IndexOf(answer), evidence,
            $"{answer} — the source says: “{evidence}”", citation);
    }

    private static int Occurrences(string text, string term) => WholeWord(term).Count(text);

    private static Regex WholeWord(string term) =>
        new($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

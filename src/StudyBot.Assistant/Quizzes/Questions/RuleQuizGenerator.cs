using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Quizzes;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>
/// Questions without a model. Definition questions ask which term a sentence of the text defines
/// ("LoRA (Low-Rank Adaptation) is a PEFT method that …" → which term is "a PEFT method that …"?);
/// cloze questions blank a key term (an acronym, a coined name, a defined phrase or a quantity) out of a key
/// sentence; table questions ask which entry a table row describes. Distractors come from <see cref="DistractorPicker"/>. One question per sentence; the
/// chunks take turns, so a quiz covers several parts of its topic and goes on as long as they yield.
/// </summary>
public sealed partial class RuleQuizGenerator(IEmbeddingGenerator<string, Embedding<float>> embedder, ILogger<RuleQuizGenerator> logger)
{
    /// <summary>Part of every rule-built question's id: a new version of the rules makes new questions rather than reusing stored ones.</summary>
    private const string Version = "rule.v2";
    private const string Blank = "_____";
    private const int MinDefinitionWords = 7;
    private const int MaxRowWords = 40;

    /// <param name="chunks">Chunks on the topic, best first; every question cites one of them.</param>
    /// <param name="knowledge">What the quiz's material says: distractors and rubric checks come from it.</param>
    public async IAsyncEnumerable<QuizQuestion> ProposeAsync(
        IReadOnlyList<RetrievedChunk> chunks, QuizKnowledge knowledge, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var picker = new DistractorPicker(knowledge, embedder, logger);
        var turns = chunks.Select(c => (Chunk: c, Drafts: Drafts(c, knowledge).GetEnumerator())).ToList();
        while (turns.Count > 0)
        {
            foreach (var turn in turns.ToList())
            {
                // Each turn asks one more sentence of the chunk; a sentence yields its first draft that gets distractors.
                if (!turn.Drafts.MoveNext())
                {
                    turns.Remove(turn);
                    continue;
                }

                foreach (var draft in turn.Drafts.Current)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (await picker.PickAsync(draft.Stem, draft.Answer, draft.Sentence.Evidence, cancellationToken) is { } distractors)
                    {
                        yield return Build(turn.Chunk, draft, distractors);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Per key sentence of the chunk, the questions it could make, best first.</summary>
    private static IEnumerable<List<Draft>> Drafts(RetrievedChunk chunk, QuizKnowledge knowledge)
    {
        foreach (var sentence in KeySentences.Of(chunk.Text))
        {
            var drafts = new List<Draft>();
            if (KeyTerms.ReadDefinition(sentence.Text) is { } definition)
            {
                var answer = definition.Alias is { } alias && Abbreviations.IsAcronym(alias) && !Abbreviations.IsAcronym(definition.Term)
                    ? alias
                    : definition.Term;
                if (definition.Body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinDefinitionWords)
                {
                    drafts.Add(new Draft(sentence, $"Which term does this describe: “{Capitalize(definition.Body)}”?", answer));
                }
            }
            else
            {
                // Terms of a known kind only (distractors must be of the answer's kind), and no plain words:
                // "run" or "task" in just any sentence need not be the concept a list or definition named.
                var terms = knowledge.TermsIn(sentence.Text)
                    .Where(t => t.Coined && knowledge.HasKind(t.Text) && Occurrences(sentence.Text, t.Text) == 1)
                    .Select(t => t.Text);
                drafts.AddRange(terms.Select(t => new Draft(sentence, $"Fill in the blank: “{Cloze(sentence.Text, t)}”", t)));
            }

            yield return drafts.Where(d => QuizRubric.AnswerProblem(d.Stem, d.Answer, knowledge) is null).ToList();
        }

        foreach (var row in TableRows.Of(chunk.Text))
        {
            if (RowDraft(row) is { } draft && QuizRubric.AnswerProblem(draft.Stem, draft.Answer, knowledge) is null && StemRules.Problem(draft.Stem) is null)
            {
                yield return [draft];
            }
        }
    }

    /// <summary>"| pgvector | PostgreSQL extension | … |" → which system does “PostgreSQL extension — …” describe?</summary>
    private static Draft? RowDraft(TableRow row)
    {
        // Semicolons separate a cell's items like commas, and would read as code in a stem.
        var description = string.Join(" — ", row.Cells.Skip(1).Where(c => c.Length > 0)).Replace(';', ',');
        var words = description.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (ListedTogether.Name(row.Cells[0]) is not { } name || words is < StemRules.MinQuotedWords or > MaxRowWords || row.Header[0].Length == 0)
        {
            return null;
        }

        var subject = Abbreviations.IsAcronym(row.Header[0]) ? row.Header[0] : row.Header[0].ToLowerInvariant();
        var stem = $"Which {subject} does this describe: “{Capitalize(description)}”?";
        return new Draft(new KeySentence(row.Line, $"{name}: {description}."), stem, name);
    }

    private static QuizQuestion Build(RetrievedChunk chunk, Draft draft, IReadOnlyList<string> distractors)
    {
        var hash = ChunkContentHash.Of(chunk.Text);
        var id = ChunkContentHash.Of($"{Version}|{chunk.ChunkId}|{hash}|{draft.Stem}|{draft.Answer}");
        // A fixed order per question that does not always put the answer first.
        var options = distractors.Append(draft.Answer).Select(Capitalize).OrderBy(o => ChunkContentHash.Of(id + o), StringComparer.Ordinal).ToList();
        var citation = new Citation(1, chunk.Title, chunk.Source, chunk.Link, chunk.Page, string.Join(" › ", chunk.HeadingPath), draft.Sentence.Evidence);
        return new QuizQuestion(
            id, chunk.ChunkId, hash, chunk.Title, draft.Stem, options, options.IndexOf(Capitalize(draft.Answer)), draft.Sentence.Evidence,
            $"{draft.Answer} — the source says: “{draft.Sentence.Text}”", citation);
    }

    /// <summary>The sentence with the term blanked out; "a"/"an" before the blank becomes "a(n)" so the article gives nothing away.</summary>
    private static string Cloze(string sentence, string term) =>
        Article().Replace(WholeWord(term).Replace(sentence, Blank, 1), "$1(n) " + Blank);

    private static int Occurrences(string text, string term) => WholeWord(term).Count(text);

    private static Regex WholeWord(string term) =>
        new($@"(?<![\p{{L}}\p{{N}}\-]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}]|-\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Options and definitions start with a capital, as in a card; coined names keep their spelling ("nDCG@k", "vLLM").</summary>
    private static string Capitalize(string text) =>
        text.Length == 0 || !char.IsLower(text[0]) || (KeyTerms.KindOf(text) == TermKind.Name && text.Skip(1).Any(c => char.IsUpper(c) || char.IsDigit(c) || c == '@'))
            ? text
            : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"\b([Aa])n? _____")]
    private static partial Regex Article();

    private sealed record Draft(KeySentence Sentence, string Stem, string Answer);
}

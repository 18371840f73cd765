using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Quizzes;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>
/// Questions without a model. Definition questions ask which term a sentence of the text defines
/// ("LoRA (Low-Rank Adaptation) is a PEFT method that …" → which term is "a PEFT method that …"?);
/// cloze questions blank a key term (an acronym, a coined name, a defined phrase or a quantity) out of a key
/// sentence; table questions ask which entry a table row describes. Distractors come from <see cref="DistractorPicker"/>. One question per sentence; the
/// chunks take turns, so a quiz covers several parts of its topic and goes on as long as they yield.
/// </summary>
public sealed partial class RuleQuizGenerator(ChunkEmbedder embedder, ILogger<RuleQuizGenerator> logger)
{
    /// <summary>Part of every rule-built question's id: a new version of the rules makes new questions rather than reusing stored ones.</summary>
    private const string Version = "rule.v2";
    private const string Blank = "_____";
    private const int MinDefinitionWords = 7;
    private const int MaxRowWords = 40;

    /// <summary>Why a key sentence or draft makes no question, as logged (the quizzes evaluation counts them).</summary>
    public const string NoTerm = "its sentence names no term of a known kind to ask for";
    public const string NoDistractors = "the knowledge has too few terms of the answer's kind that the rubric accepts as distractors";

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
                        yield return Build(turn.Chunk, draft, distractors, knowledge);
                        break;
                    }

                    LogDropped(NoDistractors, draft.Stem);
                }
            }
        }
    }

    /// <summary>Per key sentence of the chunk, the questions it could make, best first; what it cannot make is logged with the reason.</summary>
    private IEnumerable<List<Draft>> Drafts(RetrievedChunk chunk, QuizKnowledge knowledge)
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

            if (drafts.Count == 0)
            {
                LogDropped(NoTerm, sentence.Text);
            }

            yield return Sound(drafts, knowledge);
        }

        foreach (var row in TableRows.Of(chunk.Text))
        {
            if (RowDraft(row) is { } draft)
            {
                yield return Sound([draft], knowledge);
            }
        }
    }

    /// <summary>The drafts whose stem neither gives the answer away nor breaks the stem rules.</summary>
    private List<Draft> Sound(List<Draft> drafts, QuizKnowledge knowledge)
    {
        var sound = new List<Draft>();
        foreach (var draft in drafts)
        {
            if ((QuizRubric.AnswerProblem(draft.Stem, draft.Answer, knowledge) ?? StemRules.Problem(draft.Stem)) is { } problem)
            {
                LogDropped(problem, draft.Stem);
            }
            else
            {
                sound.Add(draft);
            }
        }

        return sound;
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

    private static QuizQuestion Build(RetrievedChunk chunk, Draft draft, IReadOnlyList<string> distractors, QuizKnowledge knowledge)
    {
        var hash = ChunkContentHash.Of(chunk.Text);
        var id = ChunkContentHash.Of($"{Version}|{chunk.ChunkId}|{hash}|{draft.Stem}|{draft.Answer}");
        // A fixed order per question that does not always put the answer first.
        var options = distractors.Append(draft.Answer).Select(knowledge.AsOption).OrderBy(o => ChunkContentHash.Of(id + o), StringComparer.Ordinal).ToList();
        var citation = new Citation(1, chunk.Title, chunk.Source, chunk.Link, chunk.Page, string.Join(" › ", chunk.HeadingPath), draft.Sentence.Evidence);
        return new QuizQuestion(
            id, chunk.ChunkId, hash, chunk.Title, draft.Stem, options, options.IndexOf(knowledge.AsOption(draft.Answer)), draft.Sentence.Evidence,
            $"{draft.Answer} — the source says: “{draft.Sentence.Text}”", citation);
    }

    /// <summary>The sentence with the term blanked out; "a"/"an" before the blank becomes "a(n)" so the article gives nothing away.</summary>
    private static string Cloze(string sentence, string term) =>
        Article().Replace(WholeWord(term).Replace(sentence, Blank, 1), "$1(n) " + Blank);

    private static int Occurrences(string text, string term) => WholeWord(term).Count(text);

    private static Regex WholeWord(string term) =>
        new($@"(?<![\p{{L}}\p{{N}}\-]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}]|-\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Quoted descriptions start with a capital, as in a card.</summary>
    private static string Capitalize(string text) => text.Length == 0 || !char.IsLower(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [LoggerMessage(LogLevel.Debug, "Quiz draft dropped because {Reason}: {Stem}")]
    private partial void LogDropped(string reason, string stem);

    [GeneratedRegex(@"\b([Aa])n? _____")]
    private static partial Regex Article();

    private sealed record Draft(KeySentence Sentence, string Stem, string Answer);
}

using System.Text;
using System.Text.RegularExpressions;
using StudyBot.Core.Conversations;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Answering;

/// <summary>
/// The model-free answerer: picks the sentences of the top chunks that cover the question's
/// rarest words best and cites their chunks. When no chunk covers at least a third or so of the
/// question's weight it says the knowledge base has no answer instead of quoting noise.
/// </summary>
public sealed partial class ExtractiveAnswerer(IKnowledgeSearch search) : IAnswerer
{
    private const int ChunksConsidered = 6;
    private const int MaxSentences = 3;
    // Questions carry rare framing words ("facilitate", "contributions", "distinguish") that the
    // chunk answering them need not contain, while a question about something absent from the
    // knowledge base misses its subject too. 0.35 separated the two on ARAGOG's tuning half; the
    // earlier 0.5 refused a fifth of the answerable questions there (README, "Retrieval quality").
    private const double MinChunkCoverage = 0.35;
    private const double HeadingCredit = 0.3;
    private const int MaxSentenceWords = 80;

    public const string UnavailableText = "I can't reach the knowledge base right now, so I can't answer from it. Please try again in a few minutes; an admin can check /readyz.";

    public async Task<AnswerReply> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        var terms = TextAnalyzer.Terms(question.Text).Distinct(StringComparer.Ordinal).ToList();
        var searchText = question.Text;
        // A short follow-up ("and how much memory does it save?") is searched together with the previous question.
        var previous = question.History?.LastOrDefault(t => !t.FromBot)?.Text;
        if (previous is not null && terms.Count < 3)
        {
            terms = [.. terms.Union(TextAnalyzer.Terms(previous), StringComparer.Ordinal)];
            searchText = $"{question.Text} {previous}";
        }

        if (terms.Count == 0)
        {
            return NotFound("I need a few more words to search for — what would you like to know?");
        }

        IReadOnlyList<RetrievedChunk> chunks;
        try
        {
            chunks = await search.SearchAsync(new KnowledgeQuery(searchText, ChunksConsidered, question.Sources), cancellationToken);
        }
        catch (KnowledgeUnavailableException)
        {
            return NotFound(UnavailableText);
        }

        var weights = terms.ToDictionary(t => t, search.InverseDocumentFrequency, StringComparer.Ordinal);
        var total = weights.Values.Sum();
        var scored = new List<Candidate>();
        var relevant = false;
        for (var rank = 0; rank < chunks.Count; rank++)
        {
            var chunk = chunks[rank];
            if (Bibliography.IsReferenceList(chunk.Text))
            {
                continue;
            }

            var context = TermSet($"{chunk.Title} {string.Join(' ', chunk.HeadingPath)}");
            var body = TermSet(chunk.Text);
            if (Coverage(weights, total, t => body.Contains(t) || context.Contains(t)) < MinChunkCoverage)
            {
                continue;
            }

            relevant = true;
            foreach (var sentence in SentenceSplitter.Split(ProseCleaner.Clean(chunk.Text)))
            {
                var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words < 4 || words > MaxSentenceWords)
                {
                    continue;
                }

                var own = TermSet(sentence);
                var score = Coverage(weights, total, own.Contains)
                    + HeadingCredit * Coverage(weights, total, t => !own.Contains(t) && context.Contains(t))
                    + (IsDefinition(sentence, terms) ? 0.15 : 0)
                    - 0.03 * rank;
                scored.Add(new Candidate(sentence, chunk, score));
            }
        }

        if (!relevant || scored.Count == 0)
        {
            return NotFound("I couldn't find anything about that in the knowledge base.");
        }

        var best = scored.Max(c => c.Score);
        var chosen = scored
            .Where(c => c.Score >= Math.Max(0.35, best * 0.6))
            .OrderByDescending(c => c.Score)
            .DistinctBy(c => c.Sentence, StringComparer.OrdinalIgnoreCase)
            .Take(MaxSentences)
            .ToList();
        return Compose(chosen.Count > 0 ? chosen : [scored.MaxBy(c => c.Score)!]);
    }

    private static AnswerReply Compose(IReadOnlyList<Candidate> chosen)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var citations = new List<Citation>();
        var text = new StringBuilder();
        foreach (var (sentence, chunk, _) in chosen)
        {
            if (!numbers.TryGetValue(chunk.ChunkId, out var number))
            {
                numbers[chunk.ChunkId] = number = citations.Count + 1;
                var snippet = string.Join(" ", chosen.Where(c => c.Chunk.ChunkId == chunk.ChunkId).Select(c => c.Sentence));
                citations.Add(new Citation(
                    number, chunk.Title, chunk.Source, chunk.Link, chunk.Page, string.Join(" › ", chunk.HeadingPath), snippet));
            }

            text.Append(text.Length > 0 ? " " : "").Append(sentence.TrimEnd()).Append(" [").Append(number).Append(']');
        }

        return new AnswerReply(text.ToString(), citations, Found: true);
    }

    private static AnswerReply NotFound(string text) => new(text, [], Found: false);

    private static HashSet<string> TermSet(string text) => TextAnalyzer.Terms(text).ToHashSet(StringComparer.Ordinal);

    private static double Coverage(Dictionary<string, double> weights, double total, Func<string, bool> present) =>
        total <= 0 ? 0 : weights.Where(w => present(w.Key)).Sum(w => w.Value) / total;

    /// <summary>"QLoRA is a …", "LoRA (…) refers to …": a definition of one of the question's terms.</summary>
    private static bool IsDefinition(string sentence, IReadOnlyList<string> terms)
    {
        var match = Definition().Match(sentence);
        return match.Success && TextAnalyzer.Terms(sentence.AsSpan(0, match.Index)).Any(terms.Contains);
    }

    [GeneratedRegex(@"\b(is|are|refers to|means|describes)\b\s+(a|an|the)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Definition();

    private sealed record Candidate(string Sentence, RetrievedChunk Chunk, double Score);
}

using System.Text;
using System.Text.RegularExpressions;
using StudyBot.Core.Conversations;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Answering;

/// <summary>
/// The model-free answerer. It quotes the passage of the top chunks that answers the question best —
/// one to three sentences in reading order, a table row under its column headers, or a code line —
/// scoring each by its meaning (the embedder's similarity to the question) and by the question's
/// rarest words it contains. When neither meaning nor words reach the calibrated bar it says the
/// knowledge base has no answer instead of quoting noise. A short follow-up is first rewritten with
/// the conversation's previous question (<see cref="FollowUpQuestion"/>).
/// </summary>
public sealed partial class ExtractiveAnswerer(IKnowledgeSearch search, IPassageScorer? scorer = null) : IAnswerer
{
    private const int ChunksConsidered = 6;
    private const int MaxPassageUnits = 3;
    private const int MaxSentenceWords = 80;
    // Questions carry rare framing words ("facilitate", "contributions", "distinguish") that the
    // chunk answering them need not contain, while a question about something absent from the
    // knowledge base misses its subject too. 0.35 separated the two on ARAGOG's tuning half.
    private const double MinChunkCoverage = 0.35;
    private const double HeadingCredit = 0.3;
    private const double LexicalWeight = 0.5;
    private const double DefinitionBonus = 0.15;
    // "What value of k…", "How many…": a passage that opens with a number beats one that only defines the term.
    private const double QuantityBonus = 0.3;
    // A longer quote must earn its extra sentences: each costs this much of the score.
    private const double ExtraUnitCost = 0.06;
    private const double RankCost = 0.02;
    // How close to the best passage's score another must come to join the quote.
    private const double SameChunkShare = 0.7;
    private const double OtherChunkShare = 0.9;

    public const string UnavailableText = "I can't reach the knowledge base right now, so I can't answer from it. Please try again in a few minutes; an admin can check /readyz.";
    public const string NotFoundText = "I couldn't find anything about that in the knowledge base.";

    public async Task<AnswerReply> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        var asked = FollowUpQuestion.Resolve(question.Text, question.History);
        var terms = TextAnalyzer.Terms(asked).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return NotFound("I need a few more words to search for — what would you like to know?");
        }

        SearchResults chunks;
        try
        {
            chunks = await search.SearchAsync(new KnowledgeQuery(asked, ChunksConsidered, question.Sources), cancellationToken);
        }
        catch (KnowledgeUnavailableException)
        {
            return NotFound(UnavailableText);
        }

        var weights = terms.ToDictionary(t => t, t => chunks.TermWeights.GetValueOrDefault(t), StringComparer.Ordinal);
        var passages = Passages(chunks, weights, QuestionSubject.Of(asked));
        if (passages.Count == 0)
        {
            return NotFound(NotFoundText);
        }

        var meaning = await MeaningAsync(asked, passages, cancellationToken);
        var spans = Spans(passages, weights, AsksForDefinition().IsMatch(asked) ? terms : [], AsksForQuantity().IsMatch(asked), meaning.Similarities);
        var best = spans.MaxBy(s => s.Score)!;
        if (!Answers(best, passages, meaning))
        {
            return NotFound(NotFoundText);
        }

        return Compose(Extend(best, spans));
    }

    /// <summary>
    /// The best span and the passages that complete it: the next (else the previous) passage of its
    /// chunk while it scores close to the best — a restated problem is followed by its answer — and
    /// a passage of another chunk that scores nearly as well.
    /// </summary>
    private static List<Span> Extend(Span best, List<Span> spans)
    {
        var singles = spans.Where(s => s.Units.Count == 1).ToList();
        var window = best.Units.ToList();
        while (window.Count < MaxPassageUnits)
        {
            var next = singles.Where(s => s.Chunk.ChunkId == best.Chunk.ChunkId && s.Units[0].Unit.Position > window[^1].Unit.Position).MinBy(s => s.Units[0].Unit.Position);
            var previous = singles.Where(s => s.Chunk.ChunkId == best.Chunk.ChunkId && s.Units[0].Unit.Position < window[0].Unit.Position).MaxBy(s => s.Units[0].Unit.Position);
            var close = best.Score * SameChunkShare;
            if (next is not null && next.Score >= close)
            {
                window.Add(next.Units[0]);
            }
            else if (previous is not null && previous.Score >= close)
            {
                window.Insert(0, previous.Units[0]);
            }
            else
            {
                break;
            }
        }

        var chosen = new List<Span> { best with { Units = window } };
        foreach (var other in singles.Where(s => s.Chunk.ChunkId != best.Chunk.ChunkId && s.Score >= best.Score * OtherChunkShare).OrderByDescending(s => s.Score))
        {
            if (chosen.Sum(c => c.Units.Count) >= MaxPassageUnits)
            {
                break;
            }

            if (chosen.All(c => c.Chunk.ChunkId != other.Chunk.ChunkId))
            {
                chosen.Add(other);
            }
        }

        return chosen;
    }

    /// <summary>
    /// Quotable units of the chunks that name the question's subject (if it has one) and are not a
    /// reference list, with each chunk's rank and words.
    /// </summary>
    private static List<Passage> Passages(SearchResults chunks, Dictionary<string, double> weights, string? subject)
    {
        var passages = new List<Passage>();
        for (var rank = 0; rank < chunks.Count; rank++)
        {
            var chunk = chunks[rank];
            if (Bibliography.IsReferenceList(chunk.Text))
            {
                continue;
            }

            var context = TermSet($"{chunk.Title} {string.Join(' ', chunk.HeadingPath)}");
            var body = TermSet(chunk.Text);
            if (subject is not null && !QuestionSubject.IsNamedIn(subject, body) && !QuestionSubject.IsNamedIn(subject, context))
            {
                continue;
            }

            var coverage = Coverage(weights, t => body.Contains(t) || context.Contains(t));
            foreach (var unit in PassageUnits.Split(chunk.Text).Where(Quotable))
            {
                passages.Add(new Passage(chunk, rank, unit, TermSet(unit.Text), context, coverage));
            }
        }

        return passages;
    }

    private async Task<PassageScores> MeaningAsync(string question, List<Passage> passages, CancellationToken cancellationToken)
    {
        var none = new PassageScores(new double[passages.Count], null);
        if (scorer is null)
        {
            return none;
        }

        try
        {
            return await scorer.ScoreAsync(question, passages.Select(p => p.Unit.Text).ToList(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The embedding model failed (a remote endpoint down): the words still answer.
            return none;
        }
    }

    /// <summary>
    /// Every run of one to three consecutive units of a chunk, scored by meaning and words; a
    /// definition of one of <paramref name="defined"/> gets a bonus (definition questions only).
    /// </summary>
    private static List<Span> Spans(List<Passage> passages, Dictionary<string, double> weights, List<string> defined, bool quantity, IReadOnlyList<double> similarities)
    {
        var spans = new List<Span>();
        for (var start = 0; start < passages.Count; start++)
        {
            var first = passages[start];
            for (var end = start; end < passages.Count && end - start < MaxPassageUnits; end++)
            {
                var last = passages[end];
                if (last.Chunk.ChunkId != first.Chunk.ChunkId || last.Unit.Position != first.Unit.Position + (end - start))
                {
                    break;
                }

                var units = passages.GetRange(start, end - start + 1);
                var words = units.SelectMany(u => u.Terms).ToHashSet(StringComparer.Ordinal);
                var lexical = Coverage(weights, words.Contains) + HeadingCredit * Coverage(weights, t => !words.Contains(t) && first.Context.Contains(t));
                var meaning = Enumerable.Range(start, end - start + 1).Max(i => similarities[i]);
                var score = meaning + LexicalWeight * lexical
                    + (IsDefinition(first.Unit.Text, defined) ? DefinitionBonus : 0)
                    + (quantity && first.Unit.Kind != PassageUnitKind.Code && StatesQuantity().IsMatch(first.Unit.Text) ? QuantityBonus : 0)
                    - ExtraUnitCost * (end - start) - RankCost * first.Rank;
                spans.Add(new Span(first.Chunk, units, lexical, meaning, score));
            }
        }

        return spans;
    }

    /// <summary>
    /// Whether the best passage answers: by meaning when the embedder's scale is calibrated (a close
    /// passage, or a fairly close one in a chunk holding most of the question's rare words), else by
    /// words alone (the chunk holds most of them).
    /// </summary>
    private static bool Answers(Span best, List<Passage> passages, PassageScores meaning)
    {
        if (meaning.RelevantAbove is not { } relevant)
        {
            return passages.Any(p => p.ChunkCoverage >= MinChunkCoverage);
        }

        var closest = meaning.Similarities.Max();
        return closest >= relevant || (closest >= relevant - 0.05 && best.Units[0].ChunkCoverage >= MinChunkCoverage);
    }

    /// <summary>The chosen passages, each chunk's in reading order under one citation.</summary>
    private static AnswerReply Compose(IReadOnlyList<Span> chosen)
    {
        var citations = new List<Citation>();
        var text = new StringBuilder();
        foreach (var span in chosen)
        {
            var chunk = span.Chunk;
            var number = citations.Count + 1;
            var quote = string.Join(" ", span.Units.Select(p => Quote(p.Unit)));
            citations.Add(new Citation(number, chunk.Title, chunk.Source, chunk.Link, chunk.Page, string.Join(" › ", chunk.HeadingPath), quote));
            text.Append(text.Length > 0 ? " " : "").Append(quote).Append(" [").Append(number).Append(']');
        }

        return new AnswerReply(text.ToString(), citations, Found: true);
    }

    /// <summary>A code line is quoted as code; prose and table rows as they read.</summary>
    private static string Quote(PassageUnit unit) => unit.Kind == PassageUnitKind.Code ? $"`{unit.Text}`" : unit.Text.TrimEnd();

    private static bool Quotable(PassageUnit unit)
    {
        var words = unit.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return unit.Kind switch
        {
            PassageUnitKind.Sentence => words is >= 4 and <= MaxSentenceWords,
            _ => unit.Text.Length >= 3 && words <= MaxSentenceWords,
        };
    }

    private static AnswerReply NotFound(string text) => new(text, [], Found: false);

    private static HashSet<string> TermSet(string text) => TextAnalyzer.Terms(text).ToHashSet(StringComparer.Ordinal);

    private static double Coverage(Dictionary<string, double> weights, Func<string, bool> present)
    {
        var total = weights.Values.Sum();
        return total <= 0 ? 0 : weights.Where(w => present(w.Key)).Sum(w => w.Value) / total;
    }

    /// <summary>"QLoRA is a …", "LoRA (…) refers to …": a definition of one of the question's terms.</summary>
    private static bool IsDefinition(string sentence, IReadOnlyList<string> terms)
    {
        var match = Definition().Match(sentence);
        return match.Success && TextAnalyzer.Terms(sentence.AsSpan(0, match.Index)).Any(terms.Contains);
    }

    [GeneratedRegex(@"\b(is|are|refers to|means|describes)\b\s+(a|an|the)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Definition();

    /// <summary>"How many…", "What value of k…", "What rank values are typical…": the question wants a number.</summary>
    [GeneratedRegex(@"\b(?:how\s+(?:many|much|long|large|big|often|fast|far|old)|(?:what|which)\s+(?:\w+\s+){0,2}(?:values?|numbers?|sizes?|percentages?|rates?|amounts?|counts?)|typical\s+values?|values?\s+(?:of|for)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForQuantity();

    /// <summary>A number that is not a year in brackets, a citation or an ordinal like "1-based": "k = 60", "8–64", "1.4T tokens", "40%".</summary>
    [GeneratedRegex(@"(?<![\p{L}\d(\[])\d+(?:[.,]\d+)?(?!\d)(?!\s*[)\]])(?![-‐]\p{L})")]
    private static partial Regex StatesQuantity();

    /// <summary>"What is X?", "What are X?", "Define X", "What does X mean?": the question wants a definition.</summary>
    [GeneratedRegex(@"^\s*(?:(?:what|who)\s+(?:is|are)\s+(?:an?\s+|the\s+)?\S+(?:\s+\S+){0,3}\s*\?*\s*$|define\b|what\s+does\s+.+\s+(?:mean|stand\s+for)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForDefinition();

    /// <param name="ChunkCoverage">Share of the question's word weight in the whole chunk (title and headings included).</param>
    private sealed record Passage(RetrievedChunk Chunk, int Rank, PassageUnit Unit, HashSet<string> Terms, HashSet<string> Context, double ChunkCoverage);

    private sealed record Span(RetrievedChunk Chunk, List<Passage> Units, double Lexical, double Meaning, double Score);
}

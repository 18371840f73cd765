using System.Numerics.Tensors;
using Microsoft.Extensions.Logging;
using StudyBot.Knowledge.Embeddings;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>
/// Picks a question's three distractors among the knowledge's terms: of the answer's kind and
/// accepted by the rubric (<see cref="QuizRubric.DistractorProblem"/>), the ones nearest to the
/// answer first — near in the text, then in meaning by the embedding model — and terms already used
/// in the quiz last, so its questions do not all share one pool. A term's profile sentence is embedded
/// once: its vector comes from the vector cache where indexing or an earlier quiz put it.
/// </summary>
internal sealed partial class DistractorPicker(QuizKnowledge knowledge, ChunkEmbedder embedder, ILogger logger)
{
    private const int Needed = Core.Quizzes.QuizQuestion.OptionCount - 1;

    /// <summary>Candidates checked against the rubric, nearest in the text first; the embedding model ranks these only.</summary>
    private const int Shortlist = 12;

    /// <summary>How much a term's earlier use in the quiz counts against it, in cosine similarity.</summary>
    private const float UsePenalty = 0.15f;

    private readonly Dictionary<string, ReadOnlyMemory<float>> _vectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);
    private bool _embeddingsFailed;

    /// <returns>Three distractors, or null when the knowledge has too few of the answer's kind.</returns>
    public async Task<IReadOnlyList<string>?> PickAsync(string stem, string answer, string evidence, CancellationToken cancellationToken)
    {
        var answerEntry = knowledge.Find(answer);
        if (answerEntry is null)
        {
            return null;
        }

        var evidenceKey = $" {TermKey.Of(evidence)} ";
        var shortlist = knowledge.Terms
            .Where(t => t != answerEntry && knowledge.SameKind(answer, t.Text))
            .Where(t => !t.Aliases.Append(t.Key).Any(name => evidenceKey.Contains($" {name} ", StringComparison.Ordinal)))
            .OrderBy(t => Distance(answerEntry, t))
            .Where(t => QuizRubric.DistractorProblem(stem, answer, t.Text, knowledge) is null)
            .Take(Shortlist)
            .ToList();
        if (shortlist.Count < Needed)
        {
            return null;
        }

        var similarity = await SimilaritiesAsync(knowledge.ProfileOf(answerEntry), shortlist, cancellationToken);
        var picked = new List<string>();
        foreach (var term in shortlist.Select((t, i) => (t, Score: similarity[i] - (UsePenalty * _used.GetValueOrDefault(t.Key)))).OrderByDescending(x => x.Score).Select(x => x.t))
        {
            if (picked.All(p => !TermKey.Nested(p, term.Text)))
            {
                picked.Add(term.Text);
            }

            if (picked.Count == Needed)
            {
                foreach (var p in picked)
                {
                    _used[TermKey.Of(p)] = _used.GetValueOrDefault(TermKey.Of(p)) + 1;
                }

                return picked;
            }
        }

        return null;
    }

    /// <summary>Sentences between the nearest mentions of the two terms: terms of one passage are near.</summary>
    private static int Distance(TermEntry? answer, TermEntry term)
    {
        if (answer is null || answer.Mentions.Count == 0 || term.Mentions.Count == 0)
        {
            return int.MaxValue;
        }

        // Both lists are in text order: walk them together.
        var (a, t, best) = (0, 0, int.MaxValue);
        while (a < answer.Mentions.Count && t < term.Mentions.Count)
        {
            var gap = answer.Mentions[a] - term.Mentions[t];
            best = Math.Min(best, Math.Abs(gap));
            if (gap < 0)
            {
                a++;
            }
            else
            {
                t++;
            }
        }

        return best;
    }

    /// <summary>Cosine similarity of each term's profile to the answer's; zeros (text order decides) when the embedding model fails.</summary>
    private async Task<float[]> SimilaritiesAsync(string answerProfile, List<TermEntry> terms, CancellationToken cancellationToken)
    {
        var scores = new float[terms.Count];
        if (_embeddingsFailed)
        {
            return scores;
        }

        var profiles = terms.Select(knowledge.ProfileOf).Prepend(answerProfile).ToList();
        var missing = profiles.Where(p => !_vectors.ContainsKey(p)).Distinct(StringComparer.Ordinal).ToList();
        try
        {
            if (missing.Count > 0)
            {
                var vectors = await embedder.EmbedTextsAsync(missing, cancellationToken);
                for (var i = 0; i < missing.Count; i++)
                {
                    _vectors[missing[i]] = vectors[i];
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _embeddingsFailed = true;
            LogEmbeddingsFailed(ex);
            return scores;
        }

        var answer = _vectors[answerProfile].Span;
        for (var i = 0; i < terms.Count; i++)
        {
            scores[i] = TensorPrimitives.CosineSimilarity(answer, _vectors[profiles[i + 1]].Span);
        }

        return scores;
    }

    [LoggerMessage(LogLevel.Warning, "The embedding model failed while ranking quiz distractors; they are ranked by their place in the text")]
    private partial void LogEmbeddingsFailed(Exception exception);
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudyBot.Eval.Beir;

/// <summary>
/// A BEIR-format data set read from its folder: corpus.jsonl, queries.jsonl, qrels/test.tsv and,
/// if present, answers.jsonl (reference answers keyed by query id).
/// </summary>
internal sealed record BeirDataset(IReadOnlyList<BeirDocument> Corpus, IReadOnlyList<BeirQuery> Queries)
{
    public static async Task<BeirDataset> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(folder, "corpus.jsonl")))
        {
            throw new FileNotFoundException($"'{Path.GetFullPath(folder)}' is not a BEIR data set: corpus.jsonl is missing");
        }

        var corpus = new List<BeirDocument>();
        await foreach (var line in ReadJsonLinesAsync<CorpusLine>(Path.Combine(folder, "corpus.jsonl"), cancellationToken))
        {
            corpus.Add(new BeirDocument(line.Id, line.Title ?? "", line.Text ?? ""));
        }

        var relevant = await ReadQrelsAsync(Path.Combine(folder, "qrels", "test.tsv"), cancellationToken);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var answersPath = Path.Combine(folder, "answers.jsonl");
        if (File.Exists(answersPath))
        {
            await foreach (var line in ReadJsonLinesAsync<AnswerLine>(answersPath, cancellationToken))
            {
                if (line.Answer is not null)
                {
                    answers[line.Id] = line.Answer;
                }
            }
        }

        var queries = new List<BeirQuery>();
        await foreach (var line in ReadJsonLinesAsync<QueryLine>(Path.Combine(folder, "queries.jsonl"), cancellationToken))
        {
            var documents = relevant.TryGetValue(line.Id, out var set) ? set : new HashSet<string>(StringComparer.Ordinal);
            queries.Add(new BeirQuery(line.Id, queries.Count + 1, line.Text, documents, answers.GetValueOrDefault(line.Id)));
        }

        return new BeirDataset(corpus, queries);
    }

    /// <summary>
    /// The given documents and the queries about them, plus the queries whose answer is in no
    /// document at all. Queries about documents left out are dropped: they would wrongly count as unanswerable.
    /// </summary>
    /// <returns>The ids that name no document of the corpus (ids are case-sensitive, as in corpus.jsonl).</returns>
    public IReadOnlyList<string> NotInCorpus(IEnumerable<string> documentIds) =>
        documentIds.Where(id => Corpus.All(d => d.Id != id)).ToList();

    public BeirDataset Slice(IReadOnlyCollection<string> documentIds)
    {
        var kept = documentIds.ToHashSet(StringComparer.Ordinal);
        var missing = NotInCorpus(kept);
        if (missing.Count > 0)
        {
            throw new ArgumentException($"not in the corpus: {string.Join(", ", missing)}", nameof(documentIds));
        }

        var queries = Queries
            .Where(q => !q.IsAnswerable || q.RelevantDocuments.Overlaps(kept))
            .Select(q => q with { RelevantDocuments = q.RelevantDocuments.Where(kept.Contains).ToHashSet(StringComparer.Ordinal) })
            .ToList();
        return new BeirDataset(Corpus.Where(d => kept.Contains(d.Id)).ToList(), queries);
    }

    private static async Task<Dictionary<string, IReadOnlySet<string>>> ReadQrelsAsync(string path, CancellationToken cancellationToken)
    {
        var relevant = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in (await File.ReadAllLinesAsync(path, cancellationToken)).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 3 && int.Parse(fields[2], CultureInfo.InvariantCulture) > 0)
            {
                if (!relevant.TryGetValue(fields[0], out var set))
                {
                    relevant[fields[0]] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(fields[1]);
            }
        }

        return relevant.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<string>)kv.Value, StringComparer.Ordinal);
    }

    private static async IAsyncEnumerable<T> ReadJsonLinesAsync<T>(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return JsonSerializer.Deserialize<T>(line)
                ?? throw new InvalidDataException($"{path}:{number} is not a JSON object");
        }
    }

    private sealed record CorpusLine([property: JsonPropertyName("_id")] string Id, [property: JsonPropertyName("title")] string? Title, [property: JsonPropertyName("text")] string? Text);

    private sealed record QueryLine([property: JsonPropertyName("_id")] string Id, [property: JsonPropertyName("text")] string Text);

    private sealed record AnswerLine([property: JsonPropertyName("_id")] string Id, [property: JsonPropertyName("answer")] string? Answer);
}

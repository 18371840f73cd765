using System.Text.Json;
using System.Text.RegularExpressions;
using StudyBot.Assistant.Tests.Fakes;

namespace StudyBot.Assistant.Tests.Quizzes;

/// <summary>A question as a chat model writes it into the quiz JSON.</summary>
internal sealed record WrittenQuestion(string Stem, string[] Options, int Correct, string Evidence, string Explanation);

/// <summary>Quiz replies of a fake model: well-formed ones that cite the passages they were sent, and broken ones.</summary>
internal static partial class ModelQuizzes
{
    /// <summary>Sound questions on the sample note vector-stores.md.</summary>
    public static readonly WrittenQuestion[] VectorStores =
    [
        new("Which ANN index is graph-based?", ["HNSW", "IVF", "DiskANN", "PQ"], 0,
            "HNSW (Hierarchical Navigable Small World) is a graph-based ANN index.", "HNSW links each vector to close neighbours in a layered graph."),
        new("Which library of ANN algorithms runs inside your own process instead of as a database?", ["FAISS", "Qdrant", "Milvus", "Weaviate"], 0,
            "FAISS is a library of ANN algorithms, not a database: you embed it in your own process and handle persistence and metadata yourself.",
            "FAISS is embedded in your process; the others are databases."),
        new("Which quantization keeps only the sign of each vector component?", ["Binary quantization", "Scalar quantization", "Product quantization", "Half precision"], 0,
            "Binary quantization keeps only the sign of each component (1 bit).", "Binary quantization stores one bit per component: its sign."),
    ];

    /// <summary>A question whose marked answer its own evidence does not state: IVF needs training, not HNSW.</summary>
    public static readonly WrittenQuestion WrongAnswer = new(
        "Which ANN index needs a training step before vectors are added?", ["HNSW", "IVF", "DiskANN", "PQ"], 0,
        "IVF needs a training step on representative data before vectors are added.", "HNSW must be trained first.");

    /// <summary>A reply cut off in the middle of the JSON.</summary>
    public const string Malformed = """{"questions": [{"stem": "Which ANN index is graph-based?", "options": ["HNSW", "IV""";

    /// <summary>The quiz JSON, each question citing the passage of the request that holds its evidence.</summary>
    public static Func<ModelRequest, string> Citing(params WrittenQuestion[] questions) => request => JsonSerializer.Serialize(new
    {
        questions = questions.Select(q => new
        {
            stem = q.Stem,
            options = q.Options,
            correctOption = q.Correct,
            explanation = q.Explanation,
            sourceId = SourceOf(request, q.Evidence),
            evidence = q.Evidence,
        }),
    });

    private static int SourceOf(ModelRequest request, string evidence)
    {
        foreach (Match passage in Passage().Matches(request.UserMessage))
        {
            if (Flat(passage.Groups["text"].Value).Contains(Flat(evidence), StringComparison.Ordinal))
            {
                return int.Parse(passage.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No passage of the request holds “{evidence}”.");
    }

    private static string Flat(string text) => Whitespace().Replace(text.Replace("*", "", StringComparison.Ordinal), " ").ToLowerInvariant();

    [GeneratedRegex("""<source id="(?<id>\d+)"[^>]*>\n(?<text>.*?)\n</source>""", RegexOptions.Singleline)]
    private static partial Regex Passage();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

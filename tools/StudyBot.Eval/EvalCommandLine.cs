using System.Globalization;
using Microsoft.Extensions.Configuration;
using StudyBot.Eval.Beir;
using StudyBot.Eval.Quizzes;

namespace StudyBot.Eval;

/// <summary>The parsed command line of the evaluation tool.</summary>
internal sealed record EvalCommandLine(
    string Command,
    string Dataset,
    QuerySelection Queries,
    IReadOnlyList<string> Documents,
    bool Misses,
    IReadOnlyDictionary<string, string?> Settings,
    Uri? Host = null,
    bool BeforeVectors = false,
    int Count = QuizzesCommand.DefaultCount)
{
    public const string Usage = """
        Usage:
          StudyBot.Eval retrieval --dataset <beir folder> [--queries all|odd|even] [--documents a.pdf,b.pdf] [--misses] [--set Key=Value]...
          StudyBot.Eval product   --dataset <beir folder> [--queries all|odd|even] [--documents a.pdf,b.pdf] [--misses] [--before-vectors] [--set Key=Value]...
          StudyBot.Eval answers   --dataset <beir folder> [--queries all|odd|even] [--documents a.pdf,b.pdf] [--set Key=Value]...
          StudyBot.Eval quizzes   --host <url of a running StudyBot> --dataset <the knowledge folder it serves> [--count n]

          retrieval  hit@1, MRR@10, nDCG@10, answer support@5 for lexical, dense and hybrid retrieval,
                     and how many unanswerable questions get "not in the knowledge base"
          product    the product path: the corpus as plain .txt files ingested by the real host (a Files
                     source, default settings), every question through POST /api/ask: first-citation
                     hit@1, answerable questions refused, unanswerable declined, key-fact recall, latency
          answers    faithfulness of StudyBot's answers to their cited chunks, graded by the judge model
                     configured under StudyBot:Llm (Provider, Endpoint, ApiKey, ChatModel)
          quizzes    a quiz of n (default 5) on every title and section of the folder, taken through the
                     host's playground API: questions asked for and delivered, and the share meeting the quiz rubric
          --documents  evaluate on these corpus documents and their questions only
          --before-vectors  product: ask as soon as the words index every document, while the background
                       embedding still computes vectors (a first start as a user meets it)
          --misses     list the queries each mode does not rank first (product: misses, refusals, missing key facts)
          --set        a StudyBot setting for this run, e.g. --set StudyBot:Index:ChunkTokens=200
                       (settings are also read from StudyBot__* environment variables)
        """;

    /// <summary>The parsed arguments, or null with <paramref name="error"/> set.</summary>
    public static EvalCommandLine? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        if (args.Count == 0 || args[0] is not ("retrieval" or "product" or "answers" or "quizzes"))
        {
            error = args.Count == 0 ? "no command" : $"unknown command '{args[0]}'";
            return null;
        }

        string? dataset = null;
        var queries = QuerySelection.All;
        var documents = new List<string>();
        var misses = false;
        var beforeVectors = false;
        Uri? host = null;
        var count = QuizzesCommand.DefaultCount;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--dataset" when value is not null:
                    dataset = value;
                    i++;
                    break;
                case "--queries" when Enum.TryParse<QuerySelection>(value, ignoreCase: true, out var selection):
                    queries = selection;
                    i++;
                    break;
                case "--documents" when value is not null:
                    documents.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    i++;
                    break;
                case "--set" when value?.IndexOf('=', StringComparison.Ordinal) > 0:
                    settings[value[..value.IndexOf('=', StringComparison.Ordinal)]] = value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..];
                    i++;
                    break;
                case "--host" when Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https":
                    host = url;
                    i++;
                    break;
                case "--count" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 50:
                    count = n;
                    i++;
                    break;
                case "--misses":
                    misses = true;
                    break;
                case "--before-vectors":
                    beforeVectors = true;
                    break;
                default:
                    error = $"unexpected or incomplete argument '{args[i]}'";
                    return null;
            }
        }

        if (dataset is null)
        {
            error = "--dataset is required";
            return null;
        }

        if (args[0] == "quizzes" && host is null)
        {
            error = "--host is required";
            return null;
        }

        return new EvalCommandLine(args[0], dataset, queries, documents, misses, settings, host, beforeVectors, count);
    }

    /// <summary>StudyBot settings for the run: StudyBot__* environment variables, then --set values.</summary>
    public IConfiguration BuildConfiguration() => new ConfigurationBuilder()
        .AddEnvironmentVariables()
        .AddInMemoryCollection(Settings)
        .Build();
}

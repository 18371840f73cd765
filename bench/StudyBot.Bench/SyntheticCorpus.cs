using System.Text;

namespace StudyBot.Bench;

/// <summary>Deterministic English-like text: a Zipf-distributed vocabulary, so BM25 postings have realistic lengths.</summary>
internal sealed class SyntheticCorpus(int seed)
{
    private static readonly string[] Vocabulary = BuildVocabulary(8000);
    private readonly Random _random = new(seed);
    private readonly double[] _cumulative = Cumulative(Vocabulary.Length);

    public string Words(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(Vocabulary[Pick()]).Append(i % 17 == 16 ? ". " : " ");
        }

        return text.ToString();
    }

    public string Markdown(int sections, int wordsPerSection)
    {
        var text = new StringBuilder("# ").Append(Words(4)).Append("\n\n");
        for (var s = 0; s < sections; s++)
        {
            text.Append("## ").Append(Words(3)).Append("\n\n").Append(Words(wordsPerSection)).Append("\n\n");
        }

        return text.ToString();
    }

    private int Pick()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, Vocabulary.Length - 1);
    }

    private static double[] Cumulative(int n)
    {
        var weights = Enumerable.Range(1, n).Select(rank => 1.0 / rank).ToArray();
        var total = weights.Sum();
        var sum = 0.0;
        return weights.Select(w => sum += w / total).ToArray();
    }

    private static string[] BuildVocabulary(int size)
    {
        var random = new Random(7);
        const string letters = "abcdefghiklmnoprstuvw";
        return Enumerable.Range(0, size)
            .Select(_ => new string(Enumerable.Range(0, random.Next(3, 10)).Select(_ => letters[random.Next(letters.Length)]).ToArray()))
            .Distinct()
            .ToArray();
    }
}

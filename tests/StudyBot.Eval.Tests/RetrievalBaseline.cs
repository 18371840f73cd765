using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudyBot.Eval.Tests;

/// <summary>The stored figures of the regression gate: which slice of ARAGOG, and what it scored.</summary>
internal sealed record RetrievalBaseline(
    [property: JsonPropertyName("documents")] IReadOnlyList<string> Documents,
    [property: JsonPropertyName("tolerance")] double Tolerance,
    [property: JsonPropertyName("modes")] IReadOnlyDictionary<string, ModeBaseline> Modes,
    [property: JsonPropertyName("notInKnowledgeBase")] AbstentionBaseline NotInKnowledgeBase,
    [property: JsonPropertyName("product")] ProductBaseline Product)
{
    public static RetrievalBaseline Load() =>
        JsonSerializer.Deserialize<RetrievalBaseline>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "aragog-slice-baseline.json")))
        ?? throw new InvalidDataException("aragog-slice-baseline.json is empty");
}

internal sealed record ModeBaseline([property: JsonPropertyName("hitAt1")] double HitAt1, [property: JsonPropertyName("mrr10")] double Mrr);

/// <param name="Refused">Unanswerable questions answered "not in the knowledge base".</param>
/// <param name="WronglyRefused">Labelled questions answered "not in the knowledge base".</param>
internal sealed record AbstentionBaseline([property: JsonPropertyName("refused")] int Refused, [property: JsonPropertyName("wronglyRefused")] int WronglyRefused);

/// <summary>The product path (POST /api/ask at default settings) on the slice.</summary>
internal sealed record ProductBaseline(
    [property: JsonPropertyName("firstCitationHitAt1")] double FirstCitationHitAt1,
    [property: JsonPropertyName("answerableRefused")] int AnswerableRefused,
    [property: JsonPropertyName("unanswerableDeclined")] int UnanswerableDeclined);

using System.Text.Json.Nodes;
using NJsonSchema;
using StudyBot.Tests;

namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>The Adaptive Card 1.5 JSON schema of the fixtures, loaded once.</summary>
internal static class CardSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(TestPaths.Fixture("teams", "adaptive-cards", "adaptive-card.schema-1.5.0.json"))).GetAwaiter().GetResult());

    /// <summary>The schema's complaints about a card; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonNode card) =>
        [.. Schema.Value.Validate(card.ToJsonString()).Select(e => $"{e.Path}: {e.Kind}")];

    /// <summary>Fails the test with the schema's complaints unless the card is a valid 1.5 card.</summary>
    public static void AssertValid(JsonNode? card)
    {
        Assert.NotNull(card);
        Assert.Equal("AdaptiveCard", card["type"]?.GetValue<string>());
        Assert.Equal("1.5", card["version"]?.GetValue<string>());
        var errors = Errors(card);
        Assert.True(errors.Count == 0, "Adaptive Card schema errors:\n" + string.Join("\n", errors) + "\n" + card.ToJsonString());
    }
}

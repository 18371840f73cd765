using System.Text.Json.Nodes;
using StudyBot.Tests;

namespace StudyBot.Slack.Tests.Fakes;

/// <summary>
/// The Block Kit limits the fake Slack enforces on a message's blocks (Fixtures/blocks/markdown.json):
/// at most 50 blocks, and markdown blocks with only their documented fields whose texts together stay
/// within 12,000 characters.
/// </summary>
internal static class FakeBlocks
{
    private static readonly JsonObject Spec = JsonNode.Parse(File.ReadAllText(
        Path.Combine(TestPaths.RepositoryRoot, "tests", "StudyBot.Slack.Tests", "Fixtures", "blocks", "markdown.json")))!.AsObject();

    /// <summary>Slack's error for <paramref name="blocks"/>, or null when Slack takes them.</summary>
    public static string? Refusal(JsonNode? blocks)
    {
        if (blocks is not JsonArray array)
        {
            return null;
        }

        var markdown = array.OfType<JsonObject>().Where(b => (string?)b["type"] == "markdown").ToList();
        var documented = Spec["required"]!.AsArray().Concat(Spec["optional"]!.AsArray()).Select(f => (string)f!).ToHashSet(StringComparer.Ordinal);
        var valid = array.Count <= (int)Spec["max_blocks_per_message"]!
            && markdown.All(b => b["text"] is JsonValue && b.All(p => documented.Contains(p.Key)))
            && markdown.Sum(b => ((string)b["text"]!).Length) <= (int)Spec["max_text_per_payload"]!;
        return valid ? null : (string)Spec["error"]!;
    }
}

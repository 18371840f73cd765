using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Sources.Notion.Fake;

/// <summary>A canned answer the fake Notion server gives instead of the normal one, in Notion's recorded shapes.</summary>
internal sealed record FakeNotionResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The documented 429 body with Retry-After (seconds), as in the fixtures' assembled response.</summary>
    public static FakeNotionResponse RateLimited()
    {
        var text = File.ReadAllText(TestPaths.Fixture("notion", "responses", "error.429.rate_limited.ASSEMBLED.http")).ReplaceLineEndings("\n");
        var (head, body) = (text[..text.IndexOf("\n\n", StringComparison.Ordinal)], text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]);
        var headers = head.Split('\n').Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return new FakeNotionResponse(429, body, headers);
    }

    public static FakeNotionResponse ServerError() => new(500,
        """{"object":"error","status":500,"code":"internal_server_error","message":"Unexpected error occurred.","request_id":"5d2e6a54-35a3-4c3b-8f8e-3f3a4f0c1b2d"}""",
        new Dictionary<string, string>());

    /// <summary>A recorded block list cut off in the middle, as a dropped connection or broken proxy delivers it.</summary>
    public static FakeNotionResponse Malformed() => new(200,
        File.ReadAllText(TestPaths.Fixture("notion", "responses", "blocks_children.paginated.page1.json"))[..400],
        new Dictionary<string, string>());
}

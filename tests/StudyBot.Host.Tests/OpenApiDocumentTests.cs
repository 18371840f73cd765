using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace StudyBot.Host.Tests;

/// <summary>/openapi/v1.json says what the API does: which fields a caller must send, what comes back, tags by feature.</summary>
public sealed class OpenApiDocumentTests : RunningHostTests
{
    private static readonly string[] Features = ["Answers", "Chat", "Feedback", "Quizzes", "Status", "Sources", "Admin"];

    private async Task<JsonObject> DocumentAsync() => (await Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

    [Fact]
    public async Task Document_TitleAndEveryOperation_NameTheProductAndItsFeature()
    {
        var document = await DocumentAsync();

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Tags: op.Value!["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToList())))
            .ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, op => Assert.True(op.Tags.Count == 1 && Features.Contains(op.Tags[0]), $"{op.Name}: [{string.Join(", ", op.Tags)}]"));
        Assert.Equal(["Answers"], operations.Single(op => op.Name == "POST /api/ask").Tags);
        Assert.Equal(["Status"], operations.Single(op => op.Name == "GET /api/status").Tags);
        Assert.Equal("StudyBot API", document["info"]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("AskRequest", "question")]
    [InlineData("ChatRequest", "text")]
    [InlineData("FeedbackRequest", "answerId,helpful")]
    [InlineData("QuizAnswerRequest", "sessionId,question,option")]
    [InlineData("QuizOnAnswerRequest", "answerId")]
    [InlineData("CreateApiKeyRequest", "name")]
    public async Task RequestSchema_RequiresOnlyWhatTheApiRequires(string schema, string required)
    {
        var document = await DocumentAsync();

        var listed = document["components"]!["schemas"]![schema]!["required"]!.AsArray().Select(r => r!.GetValue<string>());

        Assert.Equal(required.Split(','), listed);
    }

    [Fact]
    public async Task Ask_WithOnlyTheRequiredField_IsAnsweredInTheDocumentedShape()
    {
        var document = await DocumentAsync();

        var ask = await Client.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" });
        var chat = await Client.PostAsJsonAsync("/api/chat", new { text = "What is QLoRA?" });
        var status = await Client.GetStringAsync("/api/status");

        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.Empty(Violations(document, "AskResponse", await ask.Content.ReadAsStringAsync()));
        Assert.Empty(Violations(document, "ChatResponse", await chat.Content.ReadAsStringAsync()));
        Assert.Empty(Violations(document, "StatusResponse", status));
        Assert.NotEmpty(Violations(document, "AskResponse", """{"answer": 5, "found": "yes"}"""));
    }

    /// <summary>Where <paramref name="json"/> breaks the document's schema <paramref name="name"/> (its $refs resolved).</summary>
    private static IReadOnlyList<string> Violations(JsonObject document, string name, string json)
    {
        var root = new JsonObject
        {
            ["$ref"] = $"#/definitions/{name}",
            ["definitions"] = document["components"]!["schemas"]!.DeepClone(),
        };
        var schema = JsonSchema.FromJsonAsync(root.ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal)).GetAwaiter().GetResult();
        return [.. schema.Validate(json).Select(e => $"{e.Path}: {e.Kind} {e.Property}")];
    }
}

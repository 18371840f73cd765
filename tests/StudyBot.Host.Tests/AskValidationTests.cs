using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace StudyBot.Host.Tests;

/// <summary>Malformed questions get a 400 with the reason before any search.</summary>
public sealed class AskValidationTests : RunningHostTests
{
    [Theory]
    [InlineData("{\"question\": \"\"}", "required")]
    [InlineData("{\"question\": \"   \"}", "required")]
    [InlineData("{}", "required")]
    [InlineData("{\"question\": \"What is QLoRA?\"", "not valid JSON")]
    [InlineData("{\"question\": \"What is QLoRA?\", \"sources\": [\"nowhere\"]}", "Unknown source")]
    public async Task Ask_BadRequest_Returns400WithTheReason(string body, string reason)
    {
        var response = await Client.PostAsync("/api/ask", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_QuestionOver2000Characters_Returns400()
    {
        var response = await Client.PostAsJsonAsync("/api/ask", new { question = new string('q', 2001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NotJson_Returns415()
    {
        var response = await Client.PostAsync("/api/ask", new StringContent("question=hi", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

public sealed class ApiKeyTests : RunningHostTests
{
    protected override Dictionary<string, string?> Settings() => new() { ["StudyBot:Api:RequireKey"] = "true" };

    private async Task<HttpStatusCode> AskAsync(string? key)
    {
        using var client = Host.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return (await client.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" })).StatusCode;
    }

    [Fact]
    public async Task ApiKey_CreatedUsedRateLimitedAndRevoked()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await AskAsync(null));
        Assert.Equal(HttpStatusCode.Unauthorized, await AskAsync("sb_not-a-key"));

        var created = await Admin.PostAsJsonAsync("/api/admin/keys", new { name = "wiki-plugin", perMinuteLimit = 2 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("info").GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, await AskAsync(key));
        Assert.Equal(HttpStatusCode.OK, await AskAsync(key));
        using (var client = Host.CreateClient())
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var limited = await client.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" });
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        }

        var listed = (await Admin.GetFromJsonAsync<JsonElement>("/api/admin/keys")).EnumerateArray().Single();
        Assert.Equal(("wiki-plugin", 2L), (listed.GetProperty("name").GetString(), listed.GetProperty("usageCount").GetInt64()));
        Assert.DoesNotContain(key, listed.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/admin/keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await AskAsync(key));
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.DeleteAsync($"/api/admin/keys/{id}")).StatusCode);
    }

    [Fact]
    public async Task ApiKey_ScriptOverTheAnonymousLimit_HasTheKeysOwnLimit()
    {
        var created = await Admin.PostAsJsonAsync("/api/admin/keys", new { name = "eval-script", perMinuteLimit = 100 });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 80; i++)
        {
            statuses.Add(await AskAsync(key));
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task ApiKey_HealthAndPlaygroundStayOpen()
    {
        using var client = Host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/status")).StatusCode);
    }

    [Fact]
    public async Task CitationLink_SignedByTheAnswer_OpensWithoutAKeyWhileOtherPathsNeedOne()
    {
        var answer = await (await Admin.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" })).Content.ReadFromJsonAsync<JsonElement>();
        var url = answer.GetProperty("citations")[0].GetProperty("url").GetString()!;
        var unsigned = url[..url.IndexOf('?', StringComparison.Ordinal)];
        using var anonymous = Host.CreateClient();

        var opened = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("QLoRA", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(unsigned)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(unsigned + "?sig=AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync(unsigned)).StatusCode);
    }

    [Theory]
    [InlineData("{\"perMinuteLimit\": 5}", "name")]
    [InlineData("{\"name\": \"x\", \"perMinuteLimit\": 0}", "perMinuteLimit")]
    public async Task CreateKey_BadRequest_Returns400WithTheReason(string json, string reason)
    {
        var response = await Admin.PostAsync("/api/admin/keys", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

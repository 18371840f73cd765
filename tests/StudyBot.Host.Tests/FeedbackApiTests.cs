using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;

namespace StudyBot.Host.Tests;

public sealed class FeedbackApiTests : RunningHostTests
{
    private async Task<string> AskAsync(string text, string user = "ann")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { text }) };
        request.Headers.Add("X-StudyBot-User", user);
        var reply = await (await Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return reply.GetProperty("answerId").GetString()!;
    }

    private async Task VoteAsync(string answerId, bool helpful, string user = "ann")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback") { Content = JsonContent.Create(new { answerId, helpful }) };
        request.Headers.Add("X-StudyBot-User", user);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task List_ReturnsEachVoteWithQuestionAnswerCitationsAndPromptVersion()
    {
        await VoteAsync(await AskAsync("What is QLoRA?"), helpful: true);

        var votes = await Admin.GetFromJsonAsync<JsonElement>("/api/admin/feedback");

        var vote = Assert.Single(votes.EnumerateArray());
        Assert.True(vote.GetProperty("helpful").GetBoolean());
        Assert.Equal("web:ann", vote.GetProperty("userId").GetString());
        Assert.Equal("web", vote.GetProperty("channel").GetString());
        Assert.Equal("What is QLoRA?", vote.GetProperty("question").GetString());
        Assert.Contains("QLoRA", vote.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, vote.GetProperty("promptVersion").ValueKind);
        var citation = vote.GetProperty("citations")[0];
        Assert.Equal("fine-tuning.md", citation.GetProperty("link").GetString());
        Assert.Matches(@"^/api/sources/knowledge/files/fine-tuning\.md\?sig=[\w-]+$", citation.GetProperty("url").GetString());
    }

    [Fact]
    public async Task List_FiltersByVoteAndDate()
    {
        await VoteAsync(await AskAsync("What is QLoRA?"), helpful: true);
        await VoteAsync(await AskAsync("What is HNSW?"), helpful: false);

        var down = await Admin.GetFromJsonAsync<JsonElement>("/api/admin/feedback?helpful=false");
        var future = await Admin.GetFromJsonAsync<JsonElement>($"/api/admin/feedback?from={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");
        var window = await Admin.GetFromJsonAsync<JsonElement>($"/api/admin/feedback?from={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");

        Assert.Equal("What is HNSW?", Assert.Single(down.EnumerateArray()).GetProperty("question").GetString());
        Assert.Empty(future.EnumerateArray());
        Assert.Equal(2, window.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/admin/feedback?helpful=maybe", "'helpful' must be true or false")]
    [InlineData("/api/admin/feedback?from=yesterday", "ISO 8601")]
    [InlineData("/api/admin/feedback?limit=0", "'limit'")]
    [InlineData("/api/admin/feedback/export?format=xml", "'format' must be csv or json")]
    public async Task List_BadFilter_Returns400WithTheReason(string url, string reason)
    {
        var response = await Admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAndExport_WithoutTheAdminKey_Return401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/admin/feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/admin/feedback/export")).StatusCode);
    }

    [Fact]
    public async Task ExportCsv_QuotesCommasQuotesAndLineBreaksAndDefusesFormulas()
    {
        await VoteAsync(await AskAsync("What is \"QLoRA\", really?\nIn one line"), helpful: false);
        await VoteAsync(await AskAsync("=HYPERLINK(\"http://x.test\") QLoRA"), helpful: true, user: "bob");

        var response = await Admin.GetAsync("/api/admin/feedback/export?format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = Encoding.UTF8.GetString(bytes.AsSpan(3));

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("studybot-feedback-", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith("voted_at,helpful,channel,user_id,prompt_version,question,answer,found,citations,answer_id,answered_at,reason,comment\r\n", csv, StringComparison.Ordinal);
        Assert.Contains(",\"What is \"\"QLoRA\"\", really?\nIn one line\",", csv, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x.test\"\") QLoRA\",", csv, StringComparison.Ordinal);
        Assert.Contains("[1] ", csv, StringComparison.Ordinal);
        Assert.Equal(3, ParseCsv(csv).Count);
    }

    [Fact]
    public async Task ThumbsDownWithAReason_IsListedAndExportedWithTheVote()
    {
        var answerId = await AskAsync("What is QLoRA?");
        await VoteAsync(answerId, helpful: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback")
        {
            Content = JsonContent.Create(new { answerId, helpful = false, reason = "outdated", comment = "Uses the 2023 paper, see v2, please" }),
        };
        request.Headers.Add("X-StudyBot-User", "ann");
        var reply = await (await Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        var vote = Assert.Single((await Admin.GetFromJsonAsync<JsonElement>("/api/admin/feedback")).EnumerateArray());
        var csv = ParseCsv(Encoding.UTF8.GetString((await Admin.GetByteArrayAsync("/api/admin/feedback/export?format=csv")).AsSpan(3)));
        Assert.Contains("outdated", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(("outdated", "Uses the 2023 paper, see v2, please"), (vote.GetProperty("reason").GetString(), vote.GetProperty("comment").GetString()));
        Assert.Equal(["outdated", "Uses the 2023 paper, see v2, please"], csv[1][^2..]);
    }

    [Theory]
    [InlineData(true, "wrong")]
    [InlineData(false, "boring")]
    public async Task Feedback_ReasonWithAThumbsUpOrUnknown_Returns400(bool helpful, string reason)
    {
        var answerId = await AskAsync("What is QLoRA?");

        var response = await Client.PostAsJsonAsync("/api/feedback", new { answerId, helpful, reason });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("wrong, outdated, missing-source, other", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await Admin.GetFromJsonAsync<JsonElement>("/api/admin/feedback")).EnumerateArray());
    }

    [Fact]
    public async Task ExportJson_IsADownloadOfEveryMatchingVote()
    {
        await VoteAsync(await AskAsync("What is QLoRA?"), helpful: true);
        await VoteAsync(await AskAsync("What is HNSW?"), helpful: false, user: "bob");

        var response = await Admin.GetAsync("/api/admin/feedback/export?format=json&helpful=false");
        var votes = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'), StringComparison.Ordinal);
        var vote = Assert.Single(votes.EnumerateArray());
        Assert.Equal("web:bob", vote.GetProperty("userId").GetString());
        Assert.Equal("vector-stores.md", vote.GetProperty("citations")[0].GetProperty("link").GetString());
    }

    [Fact]
    public async Task Status_ShowsTheHelpfulRatePerPromptVersion()
    {
        var log = Host.Services.GetRequiredService<IAnswerLog>();
        var versioned = await log.RecordAsync(
            new AnsweredQuestion("slack", "C1:1.1", "U1", "What is LoRA?", "LoRA is … [1]", true, [], "rag-v2", DateTimeOffset.UtcNow), CancellationToken.None);
        await log.RecordFeedbackAsync(versioned, "U1", helpful: true, CancellationToken.None);
        await log.RecordFeedbackAsync(versioned, "U2", helpful: false, CancellationToken.None);
        await log.RecordFeedbackAsync(versioned, "U3", helpful: true, CancellationToken.None);
        await VoteAsync(await AskAsync("What is QLoRA?"), helpful: false);

        var status = await Admin.GetFromJsonAsync<JsonElement>("/api/status");
        var chat = await (await Client.PostAsJsonAsync("/api/chat", new { text = "status" })).Content.ReadFromJsonAsync<JsonElement>();

        var rates = status.GetProperty("feedback").EnumerateArray().ToDictionary(r => r.GetProperty("label").GetString()!);
        Assert.Equal(3, rates["rag-v2"].GetProperty("votes").GetInt32());
        Assert.Equal(2, rates["rag-v2"].GetProperty("helpful").GetInt32());
        Assert.Equal(0, rates["unversioned"].GetProperty("helpful").GetInt32());
        Assert.Contains("Helpful answers: rag-v2 2 of 3 (67%), unversioned 0 of 1 (0%)", chat.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    /// <summary>RFC 4180 reader, to check the export parses back into whole rows.</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.All(rows, r => Assert.Equal(13, r.Count));
        return rows;
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>Drives the playground in headless Chromium (Debian's /usr/bin/chromium) against the host on Kestrel.</summary>
public sealed class PlaygroundBrowserTests : IAsyncLifetime
{
    private readonly TestCorpus _corpus = new();
    private readonly TempFolder _data = new();
    private StudyBotHost _host = null!;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _host = new StudyBotHost(_data.Path, _corpus.Path);
        _host.UseKestrel(0);
        _host.StartServer();
        _baseUrl = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        await StudyBotHost.WaitForIngestionAsync(client);
    }

    [ChromiumFact]
    public async Task Playground_AskQuestion_ShowsAnAnswerWithClickableCitations()
    {
        var (playwright, browser, page) = await OpenPlaygroundAsync();
        using var _ = playwright;
        await using var __ = browser;

        await Assertions.Expect(page.Locator("#status-summary")).ToContainTextAsync("3 documents");
        await Assertions.Expect(page.Locator("#sources")).ToContainTextAsync("papers/scanned.pdf: PDF has no text layer");
        await page.FillAsync("#question", "What is QLoRA?");
        await page.ClickAsync("#ask-button");

        await Assertions.Expect(page.Locator("#answer-text")).ToContainTextAsync("QLoRA");
        var marker = page.Locator("#answer-text sup a").First;
        await Assertions.Expect(marker).ToHaveTextAsync("[1]");
        var citation = page.Locator("#citation-1 a");
        await Assertions.Expect(citation).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/api/sources/knowledge/files/fine-tuning\.md\?sig=[\w-]+$"));
        var label = await page.Locator("#citation-1").InnerTextAsync();
        Assert.StartsWith("Fine-Tuning with PEFT, LoRA and QLoRA — QLoRA · knowledge", label, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(label, "Fine-Tuning with PEFT"));
    }

    [ChromiumFact]
    public async Task Playground_VoteAndQuizMeOnThis_StoresTheVoteAndQuizzesOnTheAnswersSources()
    {
        var (playwright, browser, page) = await OpenPlaygroundAsync();
        using var _ = playwright;
        await using var __ = browser;
        await page.FillAsync("#question", "What is QLoRA?");
        await page.ClickAsync("#ask-button");

        await page.ClickAsync("#vote-up");
        await Assertions.Expect(page.Locator("#vote-status")).ToHaveTextAsync("Thanks — glad it helped.");
        await Assertions.Expect(page.Locator("#vote-up")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ClickAsync("#quiz-on-answer");
        await Assertions.Expect(page.Locator("#quiz-heading")).ToContainTextAsync("Question 1 of");
        await Assertions.Expect(page.Locator("#quiz-options button")).ToHaveCountAsync(4);

        using var admin = _host.CreateAdminClient();
        var vote = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/feedback")).EnumerateArray().Single();
        Assert.True(vote.GetProperty("helpful").GetBoolean());
        Assert.Equal("What is QLoRA?", vote.GetProperty("question").GetString());
        Assert.StartsWith("web:browser-", vote.GetProperty("userId").GetString(), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task Playground_From360To1920PixelsWide_NeverScrollsSideways()
    {
        var (playwright, browser, page) = await OpenPlaygroundAsync();
        using var _ = playwright;
        await using var __ = browser;
        await page.FillAsync("#question", "Which model does LLaMA-13B outperform on most benchmarks?");
        await page.ClickAsync("#ask-button");
        await Assertions.Expect(page.Locator("#citations li").First).ToBeVisibleAsync();
        await page.ClickAsync("#quiz-me-button");
        await Assertions.Expect(page.Locator("#quiz-options button").First).ToBeVisibleAsync();

        var overflows = new List<string>();
        foreach (var width in new[] { 360, 390, 768, 1024, 1280, 1440, 1920 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (scrollWidth > width)
            {
                overflows.Add($"{width} px: scroll width {scrollWidth}");
            }

            foreach (var control in new[] { "#ask-button", "#vote-down", "#quiz-on-answer", "#quiz-button", "#quiz-me-button" })
            {
                var box = await page.Locator(control).BoundingBoxAsync();
                if (box is null || box.X < 0 || box.X + box.Width > width)
                {
                    overflows.Add($"{width} px: {control} at {box?.X}..{box?.X + box?.Width}");
                }
            }
        }

        Assert.Empty(overflows);
    }

    [ChromiumFact]
    public async Task Playground_EmptyQuestion_IsNotSent()
    {
        var (playwright, browser, page) = await OpenPlaygroundAsync();
        using var _ = playwright;
        await using var __ = browser;
        var requests = 0;
        page.Request += (_, request) => requests += request.Url.EndsWith("/api/chat", StringComparison.Ordinal) || request.Url.EndsWith("/api/ask", StringComparison.Ordinal) ? 1 : 0;

        await page.ClickAsync("#ask-button");
        await page.WaitForTimeoutAsync(300);

        Assert.Equal(0, requests);
        Assert.True(await page.Locator("#answer").IsHiddenAsync());
    }

    private async Task<(IPlaywright Playwright, IBrowser Browser, IPage Page)> OpenPlaygroundAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_baseUrl);
        return (playwright, browser, page);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
        _corpus.Dispose();
    }
}

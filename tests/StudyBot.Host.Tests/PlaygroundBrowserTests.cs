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
        await Assertions.Expect(page.Locator("#citation-1")).ToContainTextAsync("Fine-Tuning");
    }

    [ChromiumFact]
    public async Task Playground_EmptyQuestion_IsNotSent()
    {
        var (playwright, browser, page) = await OpenPlaygroundAsync();
        using var _ = playwright;
        await using var __ = browser;
        var requests = 0;
        page.Request += (_, request) => requests += request.Url.EndsWith("/api/ask", StringComparison.Ordinal) ? 1 : 0;

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

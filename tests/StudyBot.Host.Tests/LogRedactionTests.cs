using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Host.Telemetry;
using StudyBot.Operations.Telemetry;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

public sealed partial class LogRedactionTests
{
    private static readonly LogRedactor Redactor = new(["configured-secret-value"]);

    [Theory]
    [InlineData("posting with xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp failed", "posting with [redacted] failed")]
    [InlineData("socket token xapp-1-A0123-4567-abcdef0123", "socket token [redacted]")]
    [InlineData("Authorization: Bearer abc.def-ghi_jkl~123", "Authorization: Bearer [redacted]")]
    [InlineData("key sk-proj-AbCdEfGhIjKlMnOpQrStUv rejected", "key [redacted] rejected")]
    [InlineData("notion secret_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "notion [redacted]")]
    [InlineData("jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl end", "jwt [redacted] end")]
    [InlineData("GET https://x.test/api?api_key=abc123def&q=lora", "GET https://x.test/api?api_key=[redacted]&q=lora")]
    [InlineData("Host=db;Username=studybot;Password=hunter22;Database=x", "Host=db;Username=studybot;Password=[redacted];Database=x")]
    [InlineData("{\"client_secret\": \"s3cr3t-value\"}", "{\"client_secret\": \"[redacted]\"}")]
    [InlineData("proxy http://bob:pa55word@proxy.local:8080/", "proxy http://bob:[redacted]@proxy.local:8080/")]
    [InlineData("asked by Jane.Doe+notes@example.co.uk today", "asked by [redacted-email] today")]
    [InlineData("the value configured-secret-value leaked", "the value [redacted] leaked")]
    public void Redact_RemovesCredentialsAndEmailAddresses(string text, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(text));
    }

    [Theory]
    [InlineData("Ingested knowledge: 3 added, 0 updated in 1.2s")]
    [InlineData("input tokens: 532, output tokens: 87")]
    [InlineData("Handling ask from slack")]
    [InlineData("See https://www.notion.so/Handbook-0123456789abcdef for details")]
    public void Redact_LeavesOrdinaryTextAlone(string text)
    {
        Assert.Equal(text, Redactor.Redact(text));
    }

    [Fact]
    public void FromConfiguration_RedactsTheValuesOfSecretKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StudyBot:Teams:AppPassword"] = "plain-looking-password",
            ["StudyBot:Sources:wiki:ApiToken"] = "plain-looking-token",
            ["StudyBot:Sources:wiki:Path"] = "knowledge",
        }).Build();

        var redactor = LogRedactor.FromConfiguration(configuration);

        Assert.Equal("[redacted] [redacted] knowledge", redactor.Redact("plain-looking-password plain-looking-token knowledge"));
    }

    [Fact]
    public void Logger_RedactsMessageStructuredValuesAndExceptions()
    {
        var sink = new ListLoggerProvider();
        using var factory = new RedactingLoggerFactory(new LoggerFactory([sink]), Redactor);
        var logger = factory.CreateLogger("test");

        LogCallFailed(logger, new HttpRequestException("401 for https://api.test/?token=abcdef123456"), "ann@example.com", "xoxb-1111111111-2222222222-abcdefabcdef", 3);

        var entry = Assert.Single(sink.Entries);
        Assert.Equal("Slack call failed for [redacted-email] with [redacted] after 3 attempts", entry.Message);
        Assert.Equal("[redacted-email]", entry.State["User"]);
        Assert.Equal("[redacted]", entry.State["Token"]);
        Assert.Equal(3, entry.State["Attempts"]);
        Assert.Equal("Slack call failed for {User} with {Token} after {Attempts} attempts", entry.State["{OriginalFormat}"]);
        Assert.DoesNotContain("abcdef123456", entry.Exception!.ToString(), StringComparison.Ordinal);
        Assert.Contains("HttpRequestException", entry.Exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Host_LoggerFactory_RedactsConfiguredSecretsForEveryProvider()
    {
        using var data = new StudyBot.Tests.TempFolder();
        using var corpus = new TestCorpus();
        using var host = new StudyBotHost(data.Path, corpus.Path, new Dictionary<string, string?> { ["StudyBot:Llm:ApiKey"] = "model-key-0123456789" });
        var sink = new ListLoggerProvider();
        var factory = host.Services.GetRequiredService<ILoggerFactory>();
        factory.AddProvider(sink);

        LogCalling(factory.CreateLogger("StudyBot.Test"), "model-key-0123456789", "bob@example.org");

        Assert.Contains(sink.Entries, e => e.Message == "calling the model with [redacted] for [redacted-email]");
    }

    [LoggerMessage(LogLevel.Warning, "Slack call failed for {User} with {Token} after {Attempts} attempts")]
    private static partial void LogCallFailed(ILogger logger, Exception exception, string user, string token, int attempts);

    [LoggerMessage(LogLevel.Error, "calling the model with {Key} for {User}")]
    private static partial void LogCalling(ILogger logger, string key, string user);
}

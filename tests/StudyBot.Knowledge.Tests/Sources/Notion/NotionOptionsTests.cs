using Microsoft.Extensions.Configuration;
using StudyBot.Knowledge.Configuration;

namespace StudyBot.Knowledge.Tests.Sources.Notion;

/// <summary>Start-up validation of StudyBot:Sources:&lt;name&gt; for Notion: a bad value names its key.</summary>
public sealed class NotionOptionsTests
{
    private static IEnumerable<string> Failures(params (string Key, string Value)[] settings)
    {
        var values = settings.ToDictionary(s => "StudyBot:Sources:wiki:" + s.Key, s => (string?)s.Value);
        values["StudyBot:Sources:wiki:Type"] = "Notion";
        var options = new KnowledgeOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(KnowledgeOptions.SectionName).Bind(options);
        return new KnowledgeOptionsValidator().Validate(null, options).Failures ?? [];
    }

    [Fact]
    public void Validate_NoToken_NamesTheTokenKey() =>
        Assert.Contains("StudyBot:Sources:wiki:Token is required", Assert.Single(Failures()), StringComparison.Ordinal);

    [Fact]
    public void Validate_RelativeBaseUrl_IsRefused() =>
        Assert.Contains("StudyBot:Sources:wiki:BaseUrl", Assert.Single(Failures(("Token", "ntn_x"), ("BaseUrl", "api.notion.com"))), StringComparison.Ordinal);

    [Fact]
    public void Validate_PageIdThatIsNoNotionId_IsRefused() =>
        Assert.Contains("'Handbook' in PageIds", Assert.Single(Failures(("Token", "ntn_x"), ("PageIds:0", "Handbook"))), StringComparison.Ordinal);

    [Fact]
    public void Validate_DashedIdsAndPageUrls_AreAccepted() =>
        Assert.Empty(Failures(("Token", "ntn_x"), ("PageIds:0", "https://www.notion.so/acme/Handbook-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6?pvs=4"),
            ("DataSourceIds:0", "393abc1e-edcd-81a2-8d0b-000bae7f15dc")));
}

using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Sources.Confluence;

namespace StudyBot.Knowledge.Tests.Sources.Confluence;

public sealed class ConfluenceSettingsTests
{
    private static List<string> Failures(SourceOptions source) =>
        [.. new KnowledgeOptionsValidator().Validate(null, new KnowledgeOptions { Sources = { ["wiki"] = source } }).Failures ?? []];

    [Fact]
    public void Validate_CloudWithoutApiToken_NamesTheMissingKeys()
    {
        var failures = Failures(new SourceOptions { Type = "Confluence", BaseUrl = "https://acme.atlassian.net/wiki", Email = "ada@acme.test", SpaceKeys = ["ENG"] });

        Assert.Equal(["StudyBot:Sources:wiki:Email and StudyBot:Sources:wiki:ApiToken are required for Confluence Cloud."], failures);
    }

    [Fact]
    public void Validate_DataCenterSite_NeedsFlavorAndPersonalAccessToken()
    {
        var source = new SourceOptions { Type = "Confluence", BaseUrl = "https://wiki.acme.test/confluence", SpaceKeys = ["ENG"] };

        Assert.Contains("StudyBot:Sources:wiki:Flavor must be Cloud or DataCenter (was '').", Failures(source));
        source.Flavor = "DataCenter";
        Assert.Equal(["StudyBot:Sources:wiki:PersonalAccessToken is required for Confluence Data Center."], Failures(source));
        source.PersonalAccessToken = "pat";
        Assert.Empty(Failures(source));
    }

    [Fact]
    public void Validate_BadUrlSpacesLabelsAndOrderBy_AreEachReported()
    {
        var failures = Failures(new SourceOptions
        {
            Type = "Confluence", BaseUrl = "acme.atlassian.net", Flavor = "Cloud", Email = "a", ApiToken = "t",
            SpaceKeys = ["ENG", "bad key"], Labels = ["ok", "say \"hi\""], Cql = "label = x order by created",
        });

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("StudyBot:Sources:wiki:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'bad key' is not a space key", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("is not a label", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("leave out ORDER BY", StringComparison.Ordinal));
    }

    [Fact]
    public void From_CloudAndDataCenter_BuildTheirAuthorizationHeaders()
    {
        var cloud = ConfluenceSettings.From(new SourceOptions { BaseUrl = "https://acme.atlassian.net/wiki/", Email = "ada@acme.test", ApiToken = "tok", SpaceKeys = ["ENG"] });
        var dataCenter = ConfluenceSettings.From(new SourceOptions { BaseUrl = "https://wiki.acme.test", Flavor = "DataCenter", PersonalAccessToken = "pat", SpaceKeys = ["ENG"] });

        Assert.Equal((ConfluenceFlavor.Cloud, "Basic YWRhQGFjbWUudGVzdDp0b2s="), (cloud.Flavor, cloud.Authorization.ToString()));
        Assert.Equal("https://acme.atlassian.net/wiki", cloud.BaseUrl.ToString());
        Assert.Equal((ConfluenceFlavor.DataCenter, "Bearer pat"), (dataCenter.Flavor, dataCenter.Authorization.ToString()));
    }
}

namespace StudyBot.Knowledge.Sources.Confluence;

/// <summary>Confluence Cloud (REST v2, email + API token) or Data Center / Server (REST v1, personal access token).</summary>
public enum ConfluenceFlavor
{
    Cloud,
    DataCenter,
}

namespace StudyBot.Teams.Wire;

/// <summary>Teams' channelData: where the activity happened.</summary>
internal sealed class TeamsChannelData
{
    public TeamsId? Tenant { get; set; }

    public TeamsId? Team { get; set; }

    public TeamsId? Channel { get; set; }

    public string? EventType { get; set; }
}

internal sealed class TeamsId
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}

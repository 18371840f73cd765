namespace StudyBot.Teams.Wire;

/// <summary>Teams' channelData: where the activity happened.</summary>
internal sealed class TeamsChannelData
{
    public TeamsId? Tenant { get; set; }

    public TeamsId? Team { get; set; }

    public TeamsId? Channel { get; set; }

    public string? EventType { get; set; }

    /// <summary>Outbound: Teams' 👍/👎 feedback buttons on the message (the older documented flag).</summary>
    public bool? FeedbackLoopEnabled { get; set; }

    /// <summary>Outbound: the feedback buttons and which form they open ("custom" = StudyBot's, through message/fetchTask).</summary>
    public FeedbackLoop? FeedbackLoop { get; set; }
}

internal sealed record FeedbackLoop(string Type);

internal sealed class TeamsId
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}

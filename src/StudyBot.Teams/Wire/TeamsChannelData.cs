namespace StudyBot.Teams.Wire;

/// <summary>Teams' channelData: where the activity happened.</summary>
internal sealed class TeamsChannelData
{
    public TeamsId? Tenant { get; set; }

    public TeamsId? Team { get; set; }

    public TeamsId? Channel { get; set; }

    public string? EventType { get; set; }

    /// <summary>Outbound: Teams' 👍/👎 under the message (set with <see cref="FeedbackLoop"/>, as the SDKs send it).</summary>
    public bool? FeedbackLoopEnabled { get; set; }

    /// <summary>Outbound: which form the 👍/👎 open; "custom" asks StudyBot for it (message/fetchTask).</summary>
    public FeedbackLoopSettings? FeedbackLoop { get; set; }

    /// <summary>
    /// Outbound: the user a bot's message is posted for, shown as "StudyBot on behalf of …" (msteams-docs
    /// respond-to-task-module-submit.md, "Respond to botMessagePreview send").
    /// </summary>
    public List<OnBehalfOf>? OnBehalfOf { get; set; }

    /// <summary>The channelData of an answer: Teams' feedback buttons opening StudyBot's form.</summary>
    public static TeamsChannelData CustomFeedbackLoop() => new() { FeedbackLoopEnabled = true, FeedbackLoop = new FeedbackLoopSettings("custom") };
}

internal sealed record FeedbackLoopSettings(string Type);

internal sealed record OnBehalfOf(int ItemId, string MentionType, string Mri, string? DisplayName)
{
    public static OnBehalfOf Of(ChannelAccount user) => new(0, "person", user.Id!, user.Name);
}

internal sealed class TeamsId
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}

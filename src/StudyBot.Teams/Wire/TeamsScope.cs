namespace StudyBot.Teams.Wire;

/// <summary>Where an activity happened, from its conversation and Teams channelData.</summary>
internal sealed record TeamsScope(string? TenantId, string? TeamId, string? ChannelId, string? ConversationType)
{
    public static TeamsScope Of(Activity activity) => new(
        activity.ChannelData?.Tenant?.Id ?? activity.Conversation?.TenantId,
        activity.ChannelData?.Team?.Id,
        activity.ChannelData?.Channel?.Id,
        activity.Conversation?.ConversationType);
}

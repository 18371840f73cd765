using StudyBot.Teams.Wire;



namespace StudyBot.Teams.Replies;

/// <summary>Where an outbound activity goes: the serviceUrl and conversation of the activity it answers.</summary>
internal sealed record ConversationReference(string ServiceUrl, string ConversationId, ChannelAccount? Bot, ChannelAccount? User, ConversationAccount Conversation, string? ChannelId)
{
    public static ConversationReference Of(Activity activity) => new(
        activity.ServiceUrl!,
        activity.Conversation!.Id!,
        activity.Recipient,
        activity.From,
        activity.Conversation,
        activity.ChannelId);

    /// <summary>Fills the addressing fields of an outbound activity.</summary>
    public Activity Address(Activity outbound, string? replyToId)
    {
        outbound.From = Bot;
        outbound.Recipient = User;
        outbound.Conversation = Conversation;
        outbound.ChannelId = ChannelId;
        outbound.ServiceUrl = ServiceUrl;
        outbound.ReplyToId = replyToId;
        return outbound;
    }
}

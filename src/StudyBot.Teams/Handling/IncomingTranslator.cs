using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Teams.Configuration;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>Turns Teams activities into the engine's channel-agnostic messages and actions.</summary>
internal sealed class IncomingTranslator(IOptions<TeamsOptions> options)
{
    public IncomingMessage Message(Activity activity, string text, IReadOnlyList<ConversationTurn>? history = null)
    {
        var scope = TeamsScope.Of(activity);
        return new(
            TeamsAddress.Of(activity),
            UserId(activity),
            text,
            IsAdmin(activity),
            History: history,
            Origin: new MessageOrigin(scope.TenantId, scope.TeamId, scope.ChannelId),
            Personal: activity.Conversation!.ConversationType == "personal");
    }

    public IncomingAction Action(Activity activity, string actionId, string value) =>
        new(TeamsAddress.Of(activity), UserId(activity), actionId, value, IsAdmin(activity), activity.From?.Id);

    /// <summary>The user's Entra object id when Teams sends it (stable across chats), else the Teams user id.</summary>
    private static string UserId(Activity activity) => activity.From?.AadObjectId ?? activity.From?.Id ?? "";

    private bool IsAdmin(Activity activity)
    {
        var admins = options.Value.AdminIds;
        return admins.Count > 0
            && ((activity.From?.AadObjectId is { } aad && admins.Contains(aad, StringComparer.OrdinalIgnoreCase))
                || (activity.From?.Id is { } id && admins.Contains(id, StringComparer.Ordinal)));
    }
}

using System.Text.Json.Nodes;
using StudyBot.Tests;

namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>
/// The recorded Teams activities of ../shared/fixtures/teams, read in place. Tests change only what a
/// different tenant would: the serviceUrl (the local Connector), the id, and the text asked.
/// </summary>
internal static class TeamsActivities
{
    /// <summary>The bot's app id in the recordings (recipient 28:{id}, token audience).</summary>
    public const string BotAppId = "eac5e5c6-ab14-4f50-80cb-49213fe51b1a";

    public const string ChannelMention = "message.channel.mention.json";
    public const string Personal = "message.personal.json";
    public const string SubmitMessage = "message.value.fromActionSubmit_messageBack.json";
    public const string CardActionInvoke = "invoke.adaptiveCard_action.COMPOSITE.json";

    /// <summary>A card's refresh as Teams sends it (trigger "automatic"); tests set "manual" for a button press.</summary>
    public const string RefreshInvoke = "invoke.adaptiveCard_action.refresh.json";
    public const string TeamMemberAdded = "conversationUpdate.teamMemberAdded.json";
    public const string GroupMembersAdded = "conversationUpdate.groupChat.membersAdded.json";
    public const string ChannelCreated = "conversationUpdate.channelCreated.json";

    /// <summary>Invokes no public recording holds, kept in this project's Fixtures folder (see its SOURCES.md).</summary>
    public const string FeedbackFetchTask = "invoke.message_fetchTask.feedback.json";
    public const string FeedbackSubmit = "invoke.message_submitAction.feedback.json";
    public const string SuggestedActionSubmit = "invoke.suggestedAction_submit.json";
    public const string MessageActionFetchTask = "invoke.composeExtension_fetchTask.message.json";
    public const string MessageActionSubmit = "invoke.composeExtension_submitAction.message.json";

    public static JsonObject Load(string name, string serviceUrl, string? id = null)
    {
        var own = Path.Combine(TestPaths.RepositoryRoot, "tests", "StudyBot.Teams.Tests", "Fixtures", name);
        var path = File.Exists(own) ? own : TestPaths.Fixture("teams", "activities", name);
        var activity = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        activity["serviceUrl"] = serviceUrl;
        if (id is not null)
        {
            activity["id"] = id;
        }

        return activity;
    }

    /// <summary>The channel mention, asking <paramref name="question"/> after the bot's &lt;at&gt; tag.</summary>
    public static JsonObject Mention(string serviceUrl, string id, string question)
    {
        var activity = Load(ChannelMention, serviceUrl, id);
        activity["text"] = $"<at>My Combined</at> {question}\n";
        return activity;
    }

    /// <summary>A recorded members-added update in which the added member is the bot itself (an installation).</summary>
    public static JsonObject BotInstalled(string name, string serviceUrl, string id)
    {
        var activity = Load(name, serviceUrl, id);
        activity["membersAdded"]![0]!["id"] = activity["recipient"]!["id"]!.GetValue<string>();
        activity["membersAdded"]![0]!.AsObject().Remove("aadObjectId");
        return activity;
    }

    /// <summary>
    /// The recorded adaptiveCard/action invoke, carrying one of StudyBot's buttons or a card's refresh action (optionally
    /// from another sender, and <paramref name="on"/> the card StudyBot posted in reply to an activity).
    /// </summary>
    public static JsonObject Press(string serviceUrl, JsonNode button, JsonNode? from = null, string trigger = "manual", (JsonObject Activity, string MessageId)? on = null)
    {
        var invoke = Load(RefreshInvoke, serviceUrl, $"press-{Guid.NewGuid():N}");
        invoke["value"]!["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = button["verb"]!.DeepClone(), ["data"] = button["data"]!.DeepClone() };
        invoke["value"]!["trigger"] = trigger;
        if (from is not null)
        {
            invoke["from"] = from.DeepClone();
        }

        if (on is { } card)
        {
            invoke["conversation"] = card.Activity["conversation"]!.DeepClone();
            invoke["replyToId"] = card.MessageId;
        }

        return invoke;
    }

    /// <summary>The sender of the recorded refresh invoke as another student: their own Teams and Entra ids.</summary>
    public static JsonNode Student(string serviceUrl, string teamsId)
    {
        var student = Load(RefreshInvoke, serviceUrl)["from"]!.DeepClone();
        student["id"] = teamsId;
        student["aadObjectId"] = Guid.NewGuid().ToString();
        return student;
    }

    public static string Text(string name) => File.ReadAllText(TestPaths.Fixture("teams", name));
}

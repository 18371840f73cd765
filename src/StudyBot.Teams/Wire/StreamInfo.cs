using System.Text.Json.Nodes;

namespace StudyBot.Teams.Wire;

/// <summary>
/// The streaminfo entity of a streamed message (msteams-docs "Stream bot messages", REST API): typing
/// activities carry informative or streaming updates numbered from 1, each after the first with the stream's
/// id (the first update's activity id); the final message carries streamType final and no sequence.
/// </summary>
internal static class StreamInfo
{
    public const string Type = "streaminfo";

    public static Entity Update(string? streamId, bool informative, int sequence)
    {
        var info = new JsonObject { ["streamType"] = informative ? "informative" : "streaming", ["streamSequence"] = sequence };
        if (streamId is not null)
        {
            info["streamId"] = streamId;
        }

        return Entity.Of(Type, info);
    }

    public static Entity Final(string streamId) => Entity.Of(Type, new JsonObject { ["streamId"] = streamId, ["streamType"] = "final" });
}

using System.Text.Json.Serialization;
using StudyBot.Slack.Api;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Replies;

namespace StudyBot.Slack.Wire;

/// <summary>Source-generated (de)serialization of Slack's snake_case wire format.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(EventCallback))]
[JsonSerializable(typeof(SlashCommand))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(SocketEnvelope))]
[JsonSerializable(typeof(SocketAck))]
[JsonSerializable(typeof(SlackWork))]
[JsonSerializable(typeof(CommandResponse))]
[JsonSerializable(typeof(ChallengeResponse))]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(UpdateMessageRequest))]
[JsonSerializable(typeof(PostEphemeralRequest))]
[JsonSerializable(typeof(AddReactionRequest))]
[JsonSerializable(typeof(DeleteMessageRequest))]
[JsonSerializable(typeof(StartStreamRequest))]
[JsonSerializable(typeof(AppendStreamRequest))]
[JsonSerializable(typeof(StopStreamRequest))]
[JsonSerializable(typeof(SlackResponse))]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(RepliesResponse))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
[JsonSerializable(typeof(Block))]
internal sealed partial class SlackJson : JsonSerializerContext;

using Microsoft.IdentityModel.Tokens;

namespace StudyBot.Teams.Authentication;

/// <summary>A published signing key with the channels it is endorsed for (null when the key publishes none, as Entra's keys).</summary>
internal sealed record SigningKey(JsonWebKey Key, IReadOnlySet<string>? Endorsements);

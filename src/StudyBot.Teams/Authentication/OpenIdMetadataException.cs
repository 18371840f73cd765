namespace StudyBot.Teams.Authentication;

/// <summary>The OpenID metadata or its keys could not be fetched or read, so no token can be checked.</summary>
public sealed class OpenIdMetadataException(string message) : Exception(message);

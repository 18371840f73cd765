using System.ComponentModel.DataAnnotations;
using StudyBot.Core.Conversations;

namespace StudyBot.Teams.Configuration;

/// <summary>StudyBot:Teams — the Azure Bot registration StudyBot answers for in Microsoft Teams.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "StudyBot:Teams";

    public const string BotFrameworkMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Issuer of the tokens the Bot Connector service sends to bots.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The bot's Microsoft App ID (Entra app registration). Empty = unauthenticated local testing only.</summary>
    public string? AppId { get; set; }

    /// <summary>Client secret of the app registration; a secret, set it as StudyBot__Teams__AppPassword.</summary>
    public string? AppPassword { get; set; }

    /// <summary>Entra tenant of a single-tenant bot: tokens from this tenant's issuers are accepted, outbound tokens come from it.</summary>
    public string? TenantId { get; set; }

    /// <summary>Bot Framework OpenID metadata whose keys sign the Bot Connector's tokens.</summary>
    [Required(ErrorMessage = "StudyBot:Teams:OpenIdMetadataUrl must not be empty.")]
    [Url(ErrorMessage = "StudyBot:Teams:OpenIdMetadataUrl must be an absolute URL.")]
    public string OpenIdMetadataUrl { get; set; } = BotFrameworkMetadataUrl;

    /// <summary>OpenID metadata of the tenant for Entra-issued tokens; defaults to the tenant's v2.0 document.</summary>
    [Url(ErrorMessage = "StudyBot:Teams:EntraOpenIdMetadataUrl must be an absolute URL.")]
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>OAuth token endpoint for outbound calls; defaults to the botframework.com tenant (or <see cref="TenantId"/>'s).</summary>
    [Url(ErrorMessage = "StudyBot:Teams:TokenEndpoint must be an absolute URL.")]
    public string? TokenEndpoint { get; set; }

    /// <summary>Scope requested for outbound tokens.</summary>
    [Required(ErrorMessage = "StudyBot:Teams:OAuthScope must not be empty.")]
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Teams users (Entra object ids or 29: ids) who may run admin commands.</summary>
    public List<string> AdminIds { get; set; } = [];

    /// <summary>Tenants whose activities are answered; empty = every tenant the app is installed in.</summary>
    public List<string> AllowedTenantIds { get; set; } = [];

    /// <summary>Public root of this StudyBot (https://studybot.example.com), so citations of file sources open in a browser.</summary>
    [Url(ErrorMessage = "StudyBot:Teams:PublicBaseUrl must be an absolute URL.")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// How many earlier turns (StudyBot's questions and answers) of a chat or channel thread a question carries
    /// as context, as StudyBot:Slack:HistoryMessages does for Slack threads; both then fit StudyBot:Llm:HistoryTokens.
    /// </summary>
    [Range(0, 200, ErrorMessage = "StudyBot:Teams:HistoryMessages must be between {1} and {2}.")]
    public int HistoryMessages { get; set; } = 20;

    /// <summary>Stream answers in personal chats as they are written (Teams' streaminfo); false = typing indicator and one message, as in group chats and channels.</summary>
    public bool StreamAnswers { get; set; } = true;

    /// <summary>
    /// Least time between two stream updates of a growing answer: text written meanwhile goes in the next
    /// update (Microsoft asks bots to buffer 1.5 to 2 seconds and send one update at a time).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan StreamInterval { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Longest StudyBot takes to answer "Ask StudyBot about this" in its dialog: Teams waits five seconds for a
    /// message extension's invoke, then retries and says "Unable to reach the app"; a slower answer gets a dialog
    /// saying so.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan MessageActionDeadline { get; set; } = TimeSpan.FromSeconds(4.5);

    /// <summary>Where this adapter's citations open.</summary>
    public CitationLinks Links(FileLinkSigner? signer) => new(PublicBaseUrl, signer);

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(AppId);

    internal string ResolvedTokenEndpoint =>
        TokenEndpoint ?? $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId)}/oauth2/v2.0/token";

    internal string? ResolvedEntraMetadataUrl =>
        EntraOpenIdMetadataUrl ?? (string.IsNullOrWhiteSpace(TenantId) ? null : $"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration");

    /// <summary>Issuers of a single-tenant bot's Entra tokens (v1 and v2), empty without a tenant.</summary>
    internal IReadOnlyList<string> EntraIssuers =>
        string.IsNullOrWhiteSpace(TenantId) ? [] : [$"https://sts.windows.net/{TenantId}/", $"https://login.microsoftonline.com/{TenantId}/v2.0"];
}

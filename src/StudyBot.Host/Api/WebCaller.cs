namespace StudyBot.Host.Api;

/// <summary>Who a web or API caller is: its X-StudyBot-User id (the playground sends one per browser), else anonymous.</summary>
internal static class WebCaller
{
    public const string Header = "X-StudyBot-User";

    public static string? IdOf(HttpRequest request) => request.Headers[Header].FirstOrDefault() is { Length: > 0 and <= 100 } id ? id : null;

    /// <summary>The user of answers, votes and quizzes: the playground has no sign-in, so one browser is one user.</summary>
    public static string UserOf(HttpRequest request) => "web:" + (IdOf(request) ?? "anonymous");

    /// <summary>The client address (from X-Forwarded-For only when forwarded headers are switched on).</summary>
    public static string AddressOf(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString() : "unknown";
}

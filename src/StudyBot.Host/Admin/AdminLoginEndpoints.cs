using StudyBot.Operations.Jobs;

namespace StudyBot.Host.Admin;

/// <summary>
/// A browser has no way to send X-Admin-Key, so /admin/login trades the key for a signed session cookie.
/// Without an admin key configured it says how to set one instead.
/// </summary>
public static class AdminLoginEndpoints
{
    public const string Path = "/admin/login";

    private const string FormTemplate = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>StudyBot admin</title></head>
        <body style="font-family: system-ui; max-width: 28rem; margin: 4rem auto">
        <h1>StudyBot admin</h1><form method="post" action="/admin/login">
        <label for="key">Admin key</label><br><input id="key" name="key" type="password" autocomplete="current-password" style="width: 100%">
        <input type="hidden" name="returnUrl" value="{1}">
        <p>{0}</p><button type="submit">Sign in</button></form></body></html>
        """;

    private const string NotConfigured = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>StudyBot admin</title></head>
        <body style="font-family: system-ui; max-width: 34rem; margin: 4rem auto">
        <h1>StudyBot admin</h1>
        <p>No admin key is set, so the admin pages, the admin API and the jobs dashboard are closed.</p>
        <p>To open them, restart StudyBot with a key of your choice in <code>StudyBot__Admin__ApiKey</code>, for example:</p>
        <pre style="white-space: pre-wrap">StudyBot__Admin__ApiKey=$(openssl rand -hex 24) dotnet run --project src/StudyBot.Host</pre>
        <p>then sign in here with that key (scripts send it in the <code>X-Admin-Key</code> header).</p>
        <p><a href="/">Back to the playground</a></p></body></html>
        """;

    private static string Form(string message, string returnUrl) => FormTemplate
        .Replace("{0}", System.Net.WebUtility.HtmlEncode(message), StringComparison.Ordinal)
        .Replace("{1}", System.Net.WebUtility.HtmlEncode(returnUrl), StringComparison.Ordinal);

    /// <summary>Where to go after signing in: a path on this host (never another site), else the jobs dashboard.</summary>
    private static string ReturnUrl(string? candidate) =>
        candidate is { Length: > 1 } url && url[0] == '/' && url[1] is not ('/' or '\\') ? url : JobsExtensions.DashboardPath;

    public static IEndpointRouteBuilder MapAdminLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (string? returnUrl, AdminAuthentication admin) => admin.IsConfigured
                ? Results.Content(Form("", ReturnUrl(returnUrl)), "text/html; charset=utf-8")
                : Results.Content(NotConfigured, "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapPost(Path, async (HttpContext http, AdminAuthentication admin) =>
            {
                if (!admin.IsConfigured)
                {
                    return Results.Content(NotConfigured, "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
                }

                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                if (!admin.KeyMatches(form["key"]))
                {
                    return Results.Content(Form("That key is not the admin key.", ReturnUrl(form["returnUrl"])), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
                }

                http.Response.Cookies.Append(AdminAuthentication.CookieName, admin.CreateSessionCookie(), AdminAuthentication.CookieOptionsFor(http.Request));
                return Results.Redirect(ReturnUrl(form["returnUrl"]));
            })
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }
}

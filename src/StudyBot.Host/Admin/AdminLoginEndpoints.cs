namespace StudyBot.Host.Admin;

/// <summary>A browser has no way to send X-Admin-Key, so /admin/login trades the key for a signed session cookie.</summary>
public static class AdminLoginEndpoints
{
    private const string FormTemplate = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>StudyBot admin</title></head>
        <body style="font-family: system-ui; max-width: 28rem; margin: 4rem auto">
        <h1>StudyBot admin</h1><form method="post" action="/admin/login">
        <label for="key">Admin key</label><br><input id="key" name="key" type="password" autocomplete="current-password" style="width: 100%">
        <p>{0}</p><button type="submit">Open the jobs dashboard</button></form></body></html>
        """;

    private static string Form(string message) => FormTemplate.Replace("{0}", System.Net.WebUtility.HtmlEncode(message), StringComparison.Ordinal);

    public static IEndpointRouteBuilder MapAdminLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/login", () => Results.Content(Form(""), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapPost("/admin/login", async (HttpContext http, AdminAuthentication admin) =>
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                if (!admin.KeyMatches(form["key"]))
                {
                    return Results.Content(Form("That key is not the admin key."), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
                }

                http.Response.Cookies.Append(AdminAuthentication.CookieName, admin.CreateSessionCookie(), AdminAuthentication.CookieOptionsFor(http.Request));
                return Results.Redirect("/hangfire");
            })
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }
}

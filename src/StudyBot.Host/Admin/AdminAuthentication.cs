using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace StudyBot.Host.Admin;

/// <summary>
/// Who is an admin over HTTP: a request carrying the configured key in X-Admin-Key (compared in
/// constant time), or a browser holding the signed cookie that /admin/login hands out for the dashboard.
/// </summary>
public sealed class AdminAuthentication(IOptions<AdminOptions> options, IDataProtectionProvider protection, TimeProvider time)
{
    public const string HeaderName = "X-Admin-Key";
    public const string CookieName = "studybot-admin";
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);
    private readonly ITimeLimitedDataProtector _cookies = protection.CreateProtector("StudyBot.AdminSession").ToTimeLimitedDataProtector();

    public bool IsConfigured => !string.IsNullOrEmpty(options.Value.ApiKey);

    public bool KeyMatches(string? candidate)
    {
        if (!IsConfigured || string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        // Hashing first gives equal lengths, so the comparison time says nothing about the key.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ApiKey!)));
    }

    public bool IsAdmin(HttpContext context)
    {
        if (KeyMatches(context.Request.Headers[HeaderName]))
        {
            return true;
        }

        if (!IsConfigured || context.Request.Cookies[CookieName] is not { } cookie)
        {
            return false;
        }

        try
        {
            return _cookies.Unprotect(cookie) == "admin";
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public string CreateSessionCookie() => _cookies.Protect("admin", time.GetUtcNow() + SessionLifetime);

    public static CookieOptions CookieOptionsFor(HttpRequest request) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Strict,
        MaxAge = SessionLifetime,
        Path = "/",
    };
}

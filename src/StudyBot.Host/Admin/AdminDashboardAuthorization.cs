using Hangfire.Dashboard;

namespace StudyBot.Host.Admin;

/// <summary>The Hangfire dashboard opens only to admins (key header or admin session cookie), from any address.</summary>
public sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        return http.RequestServices.GetRequiredService<AdminAuthentication>().IsAdmin(http);
    }
}

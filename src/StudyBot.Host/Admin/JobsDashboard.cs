using Hangfire;

namespace StudyBot.Host.Admin;

public static class JobsDashboard
{
    /// <summary>The Hangfire dashboard at /hangfire, for admins only.</summary>
    public static WebApplication UseStudyBotJobsDashboard(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            DisplayStorageConnectionString = false,
            DashboardTitle = "StudyBot jobs",
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }
}

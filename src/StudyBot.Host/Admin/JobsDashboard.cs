using Hangfire;
using StudyBot.Operations.Jobs;

namespace StudyBot.Host.Admin;

public static class JobsDashboard
{
    /// <summary>The Hangfire dashboard at /hangfire, for admins only.</summary>
    public static WebApplication UseStudyBotJobsDashboard(this WebApplication app)
    {
        // A browser that is not signed in goes to the admin sign-in (which says how to set a key when none is), not to a blank 401.
        app.UseWhen(
            http => http.Request.Path.StartsWithSegments(JobsExtensions.DashboardPath) && HttpMethods.IsGet(http.Request.Method)
                && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)
                && !http.RequestServices.GetRequiredService<AdminAuthentication>().IsAdmin(http),
            branch => branch.Run(http =>
            {
                http.Response.Redirect($"{AdminLoginEndpoints.Path}?returnUrl={Uri.EscapeDataString(JobsExtensions.DashboardPath)}");
                return Task.CompletedTask;
            }));
        app.UseHangfireDashboard(JobsExtensions.DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            DisplayStorageConnectionString = false,
            DashboardTitle = "StudyBot jobs",
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }
}

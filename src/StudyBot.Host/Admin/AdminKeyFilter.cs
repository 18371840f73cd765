namespace StudyBot.Host.Admin;

/// <summary>Endpoint filter of the admin API: 401 unless the request proves it is an admin.</summary>
public sealed class AdminKeyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var admin = http.RequestServices.GetRequiredService<AdminAuthentication>();
        if (!admin.IsAdmin(http))
        {
            var detail = admin.IsConfigured
                ? $"Send the admin key in the {AdminAuthentication.HeaderName} header."
                : "The admin API is closed: set StudyBot:Admin:ApiKey to open it.";
            return Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        return await next(context);
    }
}

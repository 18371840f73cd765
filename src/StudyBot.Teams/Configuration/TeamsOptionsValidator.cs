using Microsoft.Extensions.Options;

namespace StudyBot.Teams.Configuration;

/// <summary>Rules that span keys: a password goes with an app id, a tenant is a GUID.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var errors = new List<string>();
        if (options.AuthenticationEnabled && string.IsNullOrWhiteSpace(options.AppPassword))
        {
            errors.Add("StudyBot:Teams:AppPassword is required when StudyBot:Teams:AppId is set.");
        }

        if (!string.IsNullOrWhiteSpace(options.TenantId) && !Guid.TryParse(options.TenantId, out _))
        {
            errors.Add("StudyBot:Teams:TenantId must be the tenant's GUID.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

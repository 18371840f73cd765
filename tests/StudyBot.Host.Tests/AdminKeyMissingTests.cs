using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace StudyBot.Host.Tests;

/// <summary>No StudyBot:Admin:ApiKey configured: every admin page and link says how to set one.</summary>
public sealed class AdminKeyMissingTests : RunningHostTests
{
    protected override Dictionary<string, string?> Settings() => new() { ["StudyBot:Admin:ApiKey"] = "" };

    [Theory]
    [InlineData("/admin/knowledge-gaps")]
    [InlineData("/hangfire")]
    public async Task AdminPage_FromABrowser_LeadsToASignInPageThatSaysHowToSetAKey(string page)
    {
        using var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Add("Accept", "text/html");

        var redirect = await browser.GetAsync(page);
        var signIn = await browser.GetStringAsync(redirect.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("No admin key is set", signIn, StringComparison.Ordinal);
        Assert.Contains("StudyBot__Admin__ApiKey=", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAnyKey_SaysNoKeyIsSetRatherThanThatTheKeyIsWrong()
    {
        var response = await Client.PostAsync("/admin/login", new FormUrlEncodedContent([new("key", "my-guess")]));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("No admin key is set", page, StringComparison.Ordinal);
        Assert.DoesNotContain("That key is not the admin key", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminApi_WithoutAKeyConfigured_Says401WithTheSettingToSet()
    {
        var response = await Client.GetAsync("/api/admin/feedback");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("set StudyBot:Admin:ApiKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

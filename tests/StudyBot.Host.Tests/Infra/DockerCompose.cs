using System.Diagnostics;

namespace StudyBot.Host.Tests.Infra;

/// <summary>Runs Docker Compose (the v2 plugin or the v1 docker-compose binary), whichever is installed.</summary>
internal static class DockerCompose
{
    private static readonly string[] PluginFolders =
    [
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker", "cli-plugins"),
        "/usr/local/lib/docker/cli-plugins",
        "/usr/libexec/docker/cli-plugins",
        "/usr/lib/docker/cli-plugins",
    ];

    /// <summary>The command and leading arguments, or null when Compose is not installed.</summary>
    public static (string Command, string[] Arguments)? Find()
    {
        if (OnPath("docker") && PluginFolders.Any(f => File.Exists(Path.Combine(f, "docker-compose"))))
        {
            return ("docker", ["compose"]);
        }

        return OnPath("docker-compose") ? ("docker-compose", []) : null;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var (command, leading) = Find() ?? throw new InvalidOperationException("Docker Compose is not installed");
        var start = new ProcessStartInfo(command, [.. leading, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, name)));
}

/// <summary>A test that needs Docker Compose's command line (no engine): skipped where it is not installed.</summary>
public sealed class DockerComposeFactAttribute : FactAttribute
{
    public DockerComposeFactAttribute()
    {
        if (DockerCompose.Find() is null)
        {
            Skip = "Docker Compose is not installed (neither the docker compose plugin nor docker-compose)";
        }
    }
}

using System.Diagnostics;

namespace StudyBot.Teams.Tests;

/// <summary>
/// A test of infra/teams/build-package.sh past its manifest check, which needs python3 with the
/// jsonschema module (.ci/run installs it); skipped with the reason where it is absent.
/// </summary>
public sealed class ManifestSchemaFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable = new(FindUnavailableReason);

    public ManifestSchemaFactAttribute() => Skip = Unavailable.Value;

    private static string? FindUnavailableReason()
    {
        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3", ["-c", "import jsonschema"]) { RedirectStandardError = true, UseShellExecute = false })!;
            python.WaitForExit();
            return python.ExitCode == 0 ? null : "python3 has no jsonschema module (pip install jsonschema, or Debian's python3-jsonschema)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "python3 is not installed";
        }
    }
}

namespace StudyBot.Host.Tests;

/// <summary>A browser test on Debian's Chromium, skipped with the reason where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable))
        {
            Skip = $"{Executable} is missing: install Debian's chromium package (apt-get install chromium; .ci/run does)";
        }
    }
}

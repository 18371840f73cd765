using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using StudyBot.Tests;

namespace StudyBot.Teams.Tests;

/// <summary>infra/teams/build-package.sh, run as an admin would, and the package it builds.</summary>
public sealed class TeamsAppPackageTests : IDisposable
{
    private const string AppId = "eac5e5c6-ab14-4f50-80cb-49213fe51b1a";
    private readonly TempFolder _out = new();

    public void Dispose() => _out.Dispose();

    private static (int ExitCode, string Output) Run(IDictionary<string, string> environment, params string[] arguments) =>
        RunScript(Path.Combine(TestPaths.RepositoryRoot, "infra", "teams", "build-package.sh"), environment, arguments);

    private static (int ExitCode, string Output) RunScript(string script, IDictionary<string, string> environment, params string[] arguments) =>
        RunScriptIn(Environment.CurrentDirectory, script, environment, arguments);

    private static (int ExitCode, string Output) RunScriptIn(string workingDirectory, string script, IDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("StudyBot__Teams__AppId");
        start.Environment.Remove("StudyBot__Teams__PublicBaseUrl");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [ManifestSchemaFact]
    public void BuildPackage_AppIdFromConfiguration_ManifestAndBothIconsZipped()
    {
        var zip = _out.Combine("studybot.zip");

        var (exitCode, output) = Run(
            new Dictionary<string, string> { ["StudyBot__Teams__AppId"] = AppId, ["StudyBot__Teams__PublicBaseUrl"] = "https://studybot.contoso.com/" },
            "--out", zip);

        Assert.True(exitCode == 0, output);
        using var package = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], package.Entries.Select(e => e.FullName).Order());
        var manifest = JsonNode.Parse(package.GetEntry("manifest.json")!.Open())!;
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        Assert.Contains("ask", commands.Select(c => c!["title"]!.GetValue<string>()));
        var starters = commands.Where(c => c!["type"]?.GetValue<string>() == "prompt").ToDictionary(c => c!["title"]!.GetValue<string>(), c => c!["prompt"]!.GetValue<string>());
        Assert.Equal(("quiz me", "status"), (starters["Quiz me"], starters["What changed"]));
        Assert.StartsWith("What do our docs say about", starters["Ask the knowledge base"], StringComparison.Ordinal);
        var messageExtension = manifest["composeExtensions"]![0]!;
        Assert.Equal(AppId, messageExtension["botId"]!.GetValue<string>());
        var askAbout = Assert.Single(messageExtension["commands"]!.AsArray())!;
        Assert.Equal(("askAboutMessage", "action", "Ask StudyBot about this", true), (askAbout["id"]!.GetValue<string>(), askAbout["type"]!.GetValue<string>(), askAbout["title"]!.GetValue<string>(), askAbout["fetchTask"]!.GetValue<bool>()));
        Assert.Equal(["message"], askAbout["context"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("studybot.contoso.com", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal((192, 192), PngSize(ReadAll(package, "color.png")));
        Assert.Equal((32, 32), PngSize(ReadAll(package, "outline.png")));
    }

    [ManifestSchemaFact]
    public void BuildPackage_AppIdFromASettingsFile_Used()
    {
        var settings = _out.Write("appsettings.Production.json", $$"""
            {
              // as deployed
              "StudyBot": { "Teams": { "AppId": "{{AppId}}", "PublicBaseUrl": "https://bot.example.org" } }
            }
            """);

        var (exitCode, output) = Run(new Dictionary<string, string>(), "--settings", settings, "--out", _out.Combine("p.zip"));

        Assert.True(exitCode == 0, output);
        using var package = ZipFile.OpenRead(_out.Combine("p.zip"));
        Assert.Equal(AppId, JsonNode.Parse(package.GetEntry("manifest.json")!.Open())!["bots"]![0]!["botId"]!.GetValue<string>());
    }

    [ManifestSchemaFact]
    public void BuildPackage_ManifestOffMicrosoftsSchema_FailsNamingTheField()
    {
        // A copy of infra/teams whose template gives a prompt starter a command type the schema does not know.
        var infra = Path.Combine(TestPaths.RepositoryRoot, "infra", "teams");
        var copy = Directory.CreateDirectory(_out.Combine("teams")).FullName;
        foreach (var file in Directory.GetFiles(infra).Concat(Directory.GetFiles(Path.Combine(infra, "schema"))))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(infra, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var template = Path.Combine(copy, "manifest.template.json");
        File.WriteAllText(template, File.ReadAllText(template).Replace("\"type\": \"prompt\"", "\"type\": \"starter\"", StringComparison.Ordinal));

        var (exitCode, output) = RunScript(
            Path.Combine(copy, "build-package.sh"),
            new Dictionary<string, string> { ["StudyBot__Teams__AppId"] = AppId, ["StudyBot__Teams__PublicBaseUrl"] = "https://studybot.contoso.com" },
            "--out", _out.Combine("bad.zip"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("bots/0/commandLists/0/commands/4/type: 'starter' is not one of ['basic', 'prompt']", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_out.Combine("bad.zip")));
    }

    [ManifestSchemaFact]
    public void BuildPackage_RelativeOutPath_WrittenWhereTheAdminRunsIt()
    {
        var (exitCode, output) = RunScriptIn(
            _out.Path,
            Path.Combine(TestPaths.RepositoryRoot, "infra", "teams", "build-package.sh"),
            new Dictionary<string, string> { ["StudyBot__Teams__AppId"] = AppId, ["StudyBot__Teams__PublicBaseUrl"] = "https://studybot.contoso.com" },
            "--out", "studybot.zip");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Teams app package: {_out.Combine("studybot.zip")}", output, StringComparison.Ordinal);
        using var package = ZipFile.OpenRead(_out.Combine("studybot.zip"));
        Assert.Contains("manifest.json", package.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void BuildPackage_SettingsFileThatDoesNotExist_FailsNamingIt()
    {
        var (exitCode, output) = Run(new Dictionary<string, string>(), "--settings", _out.Combine("appsettings.Production.json"), "--out", _out.Combine("x.zip"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"--settings: no file '{_out.Combine("appsettings.Production.json")}'.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Traceback", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildPackage_NoAppIdConfigured_FailsNamingTheKey()
    {
        var (exitCode, output) = Run(new Dictionary<string, string> { ["StudyBot__Teams__PublicBaseUrl"] = "https://studybot.contoso.com" }, "--out", _out.Combine("x.zip"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("StudyBot:Teams:AppId", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_out.Combine("x.zip")));
    }

    private static byte[] ReadAll(ZipArchive package, string name)
    {
        using var stream = package.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

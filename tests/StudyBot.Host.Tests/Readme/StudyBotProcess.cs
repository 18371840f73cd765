using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using StudyBot.Tests;

namespace StudyBot.Host.Tests.Readme;

/// <summary>
/// The README's <c>dotnet run --project src/StudyBot.Host [-- command]</c>, run as a process from the
/// repository root on a temporary data folder (with <c>--no-build</c>: the test run has built it) and an
/// empty home folder, as on a fresh machine.
/// </summary>
internal sealed partial class StudyBotProcess : IAsyncDisposable
{
    private static readonly string Configuration =
        typeof(StudyBotProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private readonly Process _process;
    private readonly TempFolder _home;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StudyBotProcess(Process process, TempFolder home)
    {
        _process = process;
        _home = home;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Runs a command (<c>ask "…"</c>, <c>ingest</c>…) to its end.</summary>
    public static async Task<CommandResult> RunAsync(string dataDirectory, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        await using var process = Start(dataDirectory, ["--", .. arguments], environment);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(600));
        return new CommandResult(exitCode, process.Stdout, process.Stderr);
    }

    /// <summary>Starts the server on a free loopback port and waits until it says where it listens.</summary>
    public static async Task<(StudyBotProcess Server, string BaseUrl)> StartServerAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var server = Start(dataDirectory, ["--urls", "http://127.0.0.1:0"], environment);
        var exited = server._process.WaitForExitAsync();
        var first = await Task.WhenAny(server._listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != server._listening.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"the server did not start:\n{server.Stdout}\n{server.Stderr}");
        }

        return (server, await server._listening.Task);
    }

    /// <summary>Ctrl+C as a terminal sends it (SIGTERM here), then the exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        return await WaitForExitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _home.Dispose();
    }

    private static StudyBotProcess Start(string dataDirectory, string[] arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet", ["run", "--no-build", "-c", Configuration, "--project", "src/StudyBot.Host", .. arguments])
        {
            WorkingDirectory = TestPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("StudyBot__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        var home = new TempFolder();
        start.Environment["HOME"] = home.Path;
        start.Environment["DOTNET_CLI_HOME"] = home.Path;
        start.Environment["StudyBot__DataDirectory"] = dataDirectory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new StudyBotProcess(Process.Start(start)!, home);
    }

    private async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the process did not exit within {timeout}:\n{Stdout}\n{Stderr}");
        }

        return _process.ExitCode;
    }

    private void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(match.Groups[1].Value);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}

/// <param name="Stdout">What the command printed for the user.</param>
/// <param name="Stderr">Progress and errors.</param>
internal sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StudyBot.Tests;

/// <summary>
/// The PostgreSQL server the tests use: a throwaway server started from the installed binaries
/// (initdb in a temporary folder, a free port on 127.0.0.1, trust authentication), shared by the
/// tests of one test process and stopped and deleted when the process exits. STUDYBOT_TEST_POSTGRES
/// (a connection string without a database) points the tests at an existing server instead. Each
/// test creates its own database and drops it afterwards.
/// </summary>
internal static class TestPostgres
{
    private const string ExistingServerVariable = "STUDYBOT_TEST_POSTGRES";
    private const string DirectoryPrefix = "studybot-pg-";
    private static readonly string? ExistingServer = Environment.GetEnvironmentVariable(ExistingServerVariable);
    private static readonly Lazy<Task<string>> Server = new(StartThrowawayServerAsync);

    /// <summary>Null when the tests can run; otherwise why they are skipped.</summary>
    public static string? UnavailableReason { get; } = ExistingServer is null ? FindBinaries().Reason : null;

    public static async Task<string> DatabaseConnectionStringAsync(string database) =>
        $"{await ServerConnectionStringAsync()};Database={database}";

    private static Task<string> ServerConnectionStringAsync() =>
        ExistingServer is not null ? Task.FromResult(ExistingServer) : Server.Value;

    private static async Task<string> StartThrowawayServerAsync()
    {
        var (binaries, reason) = FindBinaries();
        if (binaries is null)
        {
            throw new InvalidOperationException(reason);
        }

        // initdb refuses to run as root, so a root test run starts the server as the postgres user.
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        DeleteStoppedServers();
        var dataDirectory = Path.Combine(Path.GetTempPath(), DirectoryPrefix + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        await RunAsync(runAs, Path.Combine(binaries, "initdb"), ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        var options = $"-p {port} -k {dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(runAs, Path.Combine(binaries, "pg_ctl"), ["-D", dataDirectory, "-o", options, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60", "start"]);

        // A watchdog outside this process stops and deletes the server once the test process is
        // gone, even when the test runner kills it instead of letting it exit.
        var pgCtl = Path.Combine(binaries, "pg_ctl");
        var watchdog = $"exec >/dev/null 2>&1 </dev/null; while [ -d /proc/{Environment.ProcessId} ]; do sleep 1; done; " +
            $"'{pgCtl}' -D '{dataDirectory}' -m immediate stop; rm -rf '{dataDirectory}'";
        Start(runAs, "setsid", ["sh", "-c", watchdog], redirect: false).Dispose();

        return $"Host=127.0.0.1;Port={port};Username=postgres";
    }

    /// <summary>Folders of earlier runs whose process was killed before it could clean up.</summary>
    private static void DeleteStoppedServers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            if (!File.Exists(Path.Combine(folder, "postmaster.pid")))
            {
                TryDelete(folder);
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's DeleteStoppedServers.
        }
    }

    private static (string? Binaries, string? Reason) FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin"))
                : []);
        var binaries = candidates.Select(d => RealDirectoryOf(Path.Combine(d, "initdb")))
            .FirstOrDefault(d => d is not null && File.Exists(Path.Combine(d, "pg_ctl")));
        if (binaries is null)
        {
            return (null, $"PostgreSQL is not installed (no initdb and pg_ctl on PATH or under /usr/lib/postgresql): install it (apt-get install postgresql) or set {ExistingServerVariable}");
        }

        if (Environment.UserName == "root" && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
        {
            return (null, "running as root, and there is no postgres user to start the throwaway server as");
        }

        return (binaries, null);
    }

    /// <summary>The folder <paramref name="program"/> really lives in (Debian links initdb into /usr/local/bin), or null when it does not exist.</summary>
    private static string? RealDirectoryOf(string program)
    {
        var file = new FileInfo(program);
        var target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true);
        return target is { Exists: true } ? Path.GetDirectoryName(target.FullName) : null;
    }

    private static int VersionOf(string directory) => int.TryParse(Path.GetFileName(directory), out var version) ? version : 0;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string? runAs, string program, string[] arguments)
    {
        using var process = Start(runAs, program, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited {process.ExitCode}: {await error}{await output}");
        }
    }

    private static Process Start(string? runAs, string program, string[] arguments, bool redirect = true)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "runuser")
        {
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            foreach (var argument in (string[])["-u", runAs, "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>
/// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground), Microsoft's Teams client
/// emulator, run headless in anonymous mode against a bot endpoint. It is driven through the HTTP and
/// WebSocket conversation API its own web UI uses: messages go in over HTTP, the conversation comes back
/// over /_ws_conversation/v1/conversations/stream.
/// </summary>
internal sealed class AgentsPlayground : IAsyncDisposable
{
    public const string Version = "0.2.28";

    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;
    private readonly ClientWebSocket _stream = new();

    private AgentsPlayground(Process process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
        _http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public string BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Installs the pinned package (once per machine) and starts it against <paramref name="appEndpoint"/>.</summary>
    public static async Task<AgentsPlayground> StartAsync(string appEndpoint)
    {
        var cli = await InstallAsync();
        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { cli, "-e", appEndpoint, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        var playground = new AgentsPlayground(Process.Start(start)!, port);
        playground._process.OutputDataReceived += (_, e) => playground.Append(e.Data);
        playground._process.ErrorDataReceived += (_, e) => playground.Append(e.Data);
        playground._process.BeginOutputReadLine();
        playground._process.BeginErrorReadLine();
        await playground.WaitUntilListeningAsync();
        await playground._stream.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        return playground;
    }

    /// <summary>The mock tenant: current user, bot, personal chat, group chats, teams and channels.</summary>
    public async Task<JsonNode> GetConfigAsync() => (await _http.GetFromJsonAsync<JsonNode>("/_internal/v1/config"))!["config"]!;

    /// <summary>Types a message into a conversation as the current user, as the web UI does.</summary>
    public async Task SendAsync(string conversationId, JsonObject message)
    {
        var response = await _http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", message);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Presses a card button: the playground sends the invoke to the bot and returns its invoke response.</summary>
    public async Task<JsonNode> InvokeAsync(JsonObject invoke)
    {
        var response = await _http.PostAsJsonAsync("/_conversation/v1/invoke", invoke);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Reads the conversation stream until an event matches; the deadline only guards against a hang.</summary>
    public async Task<JsonNode> WaitForEventAsync(Func<JsonNode, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var buffer = new byte[256 * 1024];
        while (true)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                try
                {
                    result = await _stream.ReceiveAsync(buffer, timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException("No matching playground event. Playground output:\n" + Output);
                }

                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (JsonNode.Parse(frame.ToArray()) is { } node && match(node))
            {
                return node;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stream.Dispose();
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<string> InstallAsync()
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"studybot-agentsplayground-{Version}");
        var cli = Path.Combine(prefix, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(cli))
            {
                var npm = Process.Start(new ProcessStartInfo("npm")
                {
                    ArgumentList = { "install", "--no-audit", "--no-fund", "--prefix", prefix, $"@microsoft/m365agentsplayground@{Version}" },
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                })!;
                var log = npm.StandardError.ReadToEndAsync();
                await npm.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
                Assert.True(npm.ExitCode == 0, "npm install failed: " + await log);
            }

            return cli;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(_process.HasExited, "The playground exited:\n" + Output);
            try
            {
                if ((await _http.GetAsync("/_debug/ping")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The playground did not start:\n" + Output);
            }

            await Task.Delay(200);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}

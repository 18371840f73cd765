using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>
/// An OpenAI-compatible embeddings endpoint (POST /v1/embeddings, the response shape of OpenAI's
/// API reference) on loopback, returning deterministic vectors of <see cref="Dimensions"/>, as
/// floats or base64 as the request's encoding_format asks. <see cref="Failing"/> makes it answer 503.
/// </summary>
internal sealed class FakeEmbeddings : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeEmbeddings(LoopbackServer server) => _server = server;

    public int Dimensions { get; set; } = 768;

    public bool Failing { get; set; }

    public int Requests;

    /// <summary>The OpenAI-compatible API root (…/v1), as StudyBot:Llm:Endpoint takes it.</summary>
    public string Endpoint => _server.BaseUrl + "/v1";

    public static async Task<FakeEmbeddings> StartAsync()
    {
        FakeEmbeddings? fake = null;
        var server = await LoopbackServer.StartAsync(context => fake!.HandleAsync(context));
        fake = new FakeEmbeddings(server);
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref Requests);
        if (context.Request.Path != "/v1/embeddings" || context.Request.Method != "POST")
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (Failing)
        {
            context.Response.StatusCode = 503;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "The server is overloaded", type = "server_error" } });
            return;
        }

        var request = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!;
        var inputs = request["input"] is JsonArray array ? array.Select(i => (string)i!).ToList() : [(string)request["input"]!];
        var base64 = (string?)request["encoding_format"] == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Vector(inputs[i]);
            JsonNode embedding = base64 ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())) : new JsonArray(vector.Select(v => (JsonNode)v).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var tokens = inputs.Sum(t => t.Split(' ').Length);
        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = (string?)request["model"],
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString());
    }

    /// <summary>A unit vector seeded by the text's words, so texts sharing words are close.</summary>
    private float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(word));
            vector[BitConverter.ToUInt32(hash) % Dimensions] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : vector.Select(v => v / norm).ToArray();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Sources.Notion.Fake;

/// <summary>
/// A Notion API (2025-09-03) on 127.0.0.1 holding a small workspace: pages, block children, data
/// sources. Responses are the recorded objects of ../shared/fixtures/notion with ids, titles and
/// times filled in; lists are cut into pages of at most <see cref="MaxPageSize"/> with Notion's
/// cursors. Every request is logged, and canned failures can be queued per path.
/// </summary>
internal sealed class FakeNotionServer : IAsyncDisposable
{
    public const string Token = "ntn_fake_integration_token";
    public static readonly DateTimeOffset Epoch = new(2026, 7, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<string, JsonObject> _pages = new();
    private readonly ConcurrentDictionary<string, List<JsonObject>> _children = new();
    private readonly ConcurrentDictionary<string, (string ParentPageId, List<string> Rows)> _dataSources = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeNotionResponse>> _faults = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Lock _gate = new();
    private LoopbackServer _server = null!;

    public string BaseUrl => _server.BaseUrl;

    /// <summary>Largest list page the server returns, whatever page_size asks for.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Every request so far as "METHOD /path".</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<FakeNotionServer> StartAsync()
    {
        var fake = new FakeNotionServer();
        fake._server = await LoopbackServer.StartAsync(app => app.Run(fake.HandleAsync));
        return fake;
    }

    public int Count(string method, string pathStart) => _requests.Count(r => r.StartsWith(method + " " + pathStart, StringComparison.Ordinal));

    public void ClearRequests() => _requests.Clear();

    /// <summary>Adds a page (under the workspace, another page or as a row of a data source) and returns its id.</summary>
    public string AddPage(string title, string? parentPageId = null, string? dataSourceId = null, string? parentBlockId = null, DateTimeOffset? edited = null)
    {
        var id = Guid.NewGuid().ToString();
        var page = JsonNode.Parse(Recorded("search.json"))!["results"]![0]!.DeepClone().AsObject();
        page["id"] = id;
        page["url"] = "https://app.notion.com/p/" + Key(id);
        page["created_time"] = Time(Epoch);
        page["last_edited_time"] = Time(edited ?? Epoch);
        page["parent"] = dataSourceId is not null
            ? new JsonObject { ["type"] = "data_source_id", ["data_source_id"] = dataSourceId, ["database_id"] = dataSourceId }
            : parentPageId is not null
                ? new JsonObject { ["type"] = "page_id", ["page_id"] = parentPageId }
                : parentBlockId is not null
                    ? new JsonObject { ["type"] = "block_id", ["block_id"] = parentBlockId }
                    : new JsonObject { ["type"] = "workspace", ["workspace"] = true };
        var titleName = dataSourceId is null ? "title" : "Name";
        page["properties"] = new JsonObject { [titleName] = new JsonObject { ["id"] = "title", ["type"] = "title", ["title"] = new JsonArray(Span(title)) } };
        lock (_gate)
        {
            _pages[Key(id)] = page;
            _children.TryAdd(Key(id), []);
            if (dataSourceId is not null)
            {
                _dataSources[Key(dataSourceId)].Rows.Add(id);
            }
        }

        return id;
    }

    public string AddDataSource(string parentPageId)
    {
        var id = Guid.NewGuid().ToString();
        _dataSources[Key(id)] = (parentPageId, []);
        return id;
    }

    /// <summary>Replaces the children of a page or block; each block can in turn be given children.</summary>
    public void SetChildren(string parentId, IEnumerable<JsonObject> blocks)
    {
        var list = blocks.Select(b => (JsonObject)b.DeepClone()).ToList();
        lock (_gate)
        {
            foreach (var block in list)
            {
                block["parent"] = _pages.ContainsKey(Key(parentId))
                    ? new JsonObject { ["type"] = "page_id", ["page_id"] = parentId }
                    : new JsonObject { ["type"] = "block_id", ["block_id"] = parentId };
            }

            _children[Key(parentId)] = list;
            foreach (var owner in _children.Values.SelectMany(l => l).Where(b => Key((string)b["id"]!) == Key(parentId)))
            {
                owner["has_children"] = list.Count > 0;
            }

            foreach (var block in list)
            {
                _children.TryAdd(Key((string)block["id"]!), []);
            }
        }
    }

    /// <summary>Loads fixture JSON holding a children list of <paramref name="parentId"/> or a map of parent ids to lists appended to what they hold.</summary>
    public void LoadChildren(string parentId, string jsonText)
    {
        var json = JsonNode.Parse(jsonText)!.AsObject();
        if (json["object"]?.GetValue<string>() == "list")
        {
            SetChildren(parentId, json["results"]!.AsArray().Select(b => b!.AsObject()));
            return;
        }

        foreach (var (parent, list) in json)
        {
            var blocks = list!["results"]!.AsArray().Select(b => (JsonObject)b!.DeepClone());
            lock (_gate)
            {
                SetChildren(parent, [.. (_children.TryGetValue(Key(parent), out var existing) ? existing : []), .. blocks]);
            }
        }
    }

    public void Edit(string pageId, DateTimeOffset edited, params JsonObject[] blocks)
    {
        _pages[Key(pageId)]["last_edited_time"] = Time(edited);
        SetChildren(pageId, blocks);
    }

    /// <summary>Moves a page to the trash: listings leave it out, GET returns it with in_trash and archived true.</summary>
    public void Trash(string pageId)
    {
        var page = _pages[Key(pageId)];
        page["in_trash"] = true;
        page["archived"] = true;
    }

    /// <summary>The integration loses access: every call about the page answers 404.</summary>
    public void Unshare(string pageId) => _pages.TryRemove(Key(pageId), out _);

    /// <summary>Keeps every request to <paramref name="path"/> waiting, as a slow page does, until the returned action releases them.</summary>
    public Action Hold(string method, string path)
    {
        var gate = _holds[$"{method} {path}"] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return () => gate.TrySetResult();
    }

    public void Enqueue(string method, string path, params FakeNotionResponse[] responses)
    {
        var queue = _faults.GetOrAdd(method + " " + path, _ => new ConcurrentQueue<FakeNotionResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }
    }

    /// <summary>A paragraph block in the recorded 2025-09-03 shape.</summary>
    public static JsonObject Paragraph(string text)
    {
        var block = JsonNode.Parse(Recorded("blocks_children.paginated.page1.json"))!["results"]![0]!.DeepClone().AsObject();
        block["id"] = Guid.NewGuid().ToString();
        block["paragraph"]!["rich_text"] = new JsonArray(Span(text));
        return block;
    }

    public static JsonObject Heading(int level, string text)
    {
        var block = Paragraph(text);
        var content = block["paragraph"]!.DeepClone().AsObject();
        content["is_toggleable"] = false;
        block.Remove("paragraph");
        block["type"] = $"heading_{level}";
        block[$"heading_{level}"] = content;
        return block;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        _requests.Enqueue($"{request.Method} {path}");
        if (request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            await WriteAsync(context, 401, Recorded("error.401.unauthorized.json"));
            return;
        }

        if (request.Headers["Notion-Version"].ToString() != "2025-09-03")
        {
            await WriteAsync(context, 400, Error(400, "missing_version", "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`."));
            return;
        }

        if (_holds.TryGetValue($"{request.Method} {path}", out var hold))
        {
            await hold.Task.WaitAsync(context.RequestAborted);
        }

        if (_faults.TryGetValue($"{request.Method} {path}", out var queue) && queue.TryDequeue(out var fault))
        {
            foreach (var (name, value) in fault.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Headers[name] = value;
            }

            await WriteAsync(context, fault.Status, fault.Body);
            return;
        }

        var body = request.ContentLength > 0 ? JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) : null;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (status, json) = (request.Method, segments) switch
        {
            ("POST", ["v1", "search"]) => (200, Search(body)),
            ("POST", ["v1", "data_sources", var id, "query"]) => QueryDataSource(id, body),
            ("GET", ["v1", "data_sources", var id]) => DataSource(id),
            ("GET", ["v1", "pages", var id]) => _pages.TryGetValue(Key(id), out var page) ? (200, page.ToJsonString()) : NotFound("page", id),
            ("GET", ["v1", "blocks", var id, "children"]) => Children(id, request.Query),
            ("GET", ["v1", "blocks", var id]) => Block(id),
            _ => (400, Recorded("error.400.invalid_request_url.json")),
        };
        await WriteAsync(context, status, json);
    }

    private string Search(JsonNode? body)
    {
        List<JsonObject> pages;
        lock (_gate)
        {
            pages = [.. _pages.Values.Where(p => !p["in_trash"]!.GetValue<bool>()).OrderByDescending(p => (string)p["last_edited_time"]!).ThenBy(p => (string)p["id"]!)];
        }

        return List(Recorded("search.json"), pages, body?["start_cursor"]?.GetValue<string>(), body?["page_size"]?.GetValue<int>());
    }

    private (int, string) QueryDataSource(string id, JsonNode? body)
    {
        if (!_dataSources.TryGetValue(Key(id), out var source))
        {
            return NotFound("data_source", id);
        }

        List<JsonObject> rows;
        lock (_gate)
        {
            rows = [.. source.Rows.Select(r => _pages[Key(r)]).Where(p => !p["in_trash"]!.GetValue<bool>())];
        }

        return (200, List(Recorded("data_sources.query.json"), rows, body?["start_cursor"]?.GetValue<string>(), body?["page_size"]?.GetValue<int>()));
    }

    private (int, string) DataSource(string id) => _dataSources.TryGetValue(Key(id), out var source)
        ? (200, new JsonObject
        {
            ["object"] = "data_source", ["id"] = id, ["title"] = new JsonArray(Span("Rows")), ["properties"] = new JsonObject(),
            ["parent"] = new JsonObject { ["type"] = "database_id", ["database_id"] = id },
            ["database_parent"] = new JsonObject { ["type"] = "page_id", ["page_id"] = source.ParentPageId },
            ["in_trash"] = false, ["archived"] = false,
        }.ToJsonString())
        : NotFound("data_source", id);

    private (int, string) Children(string id, IQueryCollection query)
    {
        List<JsonObject> blocks;
        lock (_gate)
        {
            if (!_children.TryGetValue(Key(id), out var list))
            {
                return NotFound("block", id);
            }

            blocks = [.. list];
        }

        var pageSize = int.TryParse(query["page_size"], CultureInfo.InvariantCulture, out var size) ? size : 100;
        return (200, List(Recorded("blocks_children.paginated.page1.json"), blocks, query["start_cursor"].FirstOrDefault(), pageSize));
    }

    private (int, string) Block(string id)
    {
        lock (_gate)
        {
            var block = _children.Values.SelectMany(l => l).FirstOrDefault(b => Key((string)b["id"]!) == Key(id));
            return block is null ? NotFound("block", id) : (200, block.ToJsonString());
        }
    }

    /// <summary>A list response in the recorded envelope; the cursor is the id of the first item of the next page, as Notion's are.</summary>
    private string List(string recordedEnvelope, List<JsonObject> items, string? cursor, int? pageSize)
    {
        var start = cursor is null ? 0 : items.FindIndex(i => (string)i["id"]! == cursor);
        start = Math.Max(0, start);
        var take = Math.Min(Math.Min(pageSize ?? 100, 100), MaxPageSize);
        var page = items.Skip(start).Take(take).ToList();
        var more = start + take < items.Count;
        var envelope = JsonNode.Parse(recordedEnvelope)!.AsObject();
        envelope["results"] = new JsonArray([.. page.Select(p => p.DeepClone())]);
        envelope["has_more"] = more;
        envelope["next_cursor"] = more ? (string)items[start + take]["id"]! : null;
        return envelope.ToJsonString();
    }

    private static (int, string) NotFound(string kind, string id) => (404, Error(404, "object_not_found",
        $"Could not find {kind} with ID: {id}. Make sure the relevant pages and databases are shared with your integration."));

    private static string Error(int status, string code, string message)
    {
        var error = JsonNode.Parse(Recorded("error.400.invalid_request_url.json"))!.AsObject();
        error["status"] = status;
        error["code"] = code;
        error["message"] = message;
        return error.ToJsonString();
    }

    private static JsonObject Span(string text)
    {
        var span = JsonNode.Parse(Recorded("blocks_children.paginated.page1.json"))!["results"]![0]!["paragraph"]!["rich_text"]![0]!.DeepClone().AsObject();
        span["text"]!["content"] = text;
        span["plain_text"] = text;
        return span;
    }

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body);
    }

    private static readonly ConcurrentDictionary<string, string> RecordedFiles = new();

    private static string Recorded(string name) =>
        RecordedFiles.GetOrAdd(name, n => File.ReadAllText(TestPaths.Fixture("notion", "responses", n)));

    private static string Key(string id) => id.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm':00.000Z'", CultureInfo.InvariantCulture);
}

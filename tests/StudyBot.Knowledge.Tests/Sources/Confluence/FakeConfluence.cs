using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using StudyBot.Knowledge.Sources.Confluence;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Sources.Confluence;

/// <summary>
/// A fake Confluence site on 127.0.0.1 for one flavour. Cloud (context /wiki): REST v2 spaces and
/// pages with cursor links, v1 CQL content search with cursors. Data Center (context /confluence):
/// REST v1 content listing, content by id and CQL search with start/limit. Content objects are the
/// recorded v1 capture (responses/v1/get-content) with the requested expansions filled in; v2
/// objects follow the OpenAPI excerpt's PageBulk / SpaceBulk. Limits are clamped like the real
/// server's, credentials checked per flavour, every request recorded, and responses can be scripted.
/// </summary>
internal sealed partial class FakeConfluence : IAsyncDisposable
{
    public const string Email = "ada@example.com";
    public const string ApiToken = "ATATT-fake-cloud-token";
    public const string PersonalAccessToken = "NjM0-fake-data-center-pat";

    private static readonly JsonObject ContentTemplate = Fixture("get-content.go-atlassian.json");
    private static readonly JsonObject ListTemplate = Fixture("get-contents.go-atlassian.json");

    private readonly ConcurrentQueue<FakeConfluenceRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> _scripted = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<FakeConfluencePage> _content = [];

    private LoopbackServer? _server;

    private FakeConfluence(ConfluenceFlavor flavor) => Flavor = flavor;

    public ConfluenceFlavor Flavor { get; }

    public string Context => Flavor == ConfluenceFlavor.Cloud ? "/wiki" : "/confluence";

    /// <summary>The site root StudyBot is configured with (BaseUrl).</summary>
    public Uri BaseUrl => new(_server!.BaseUrl + Context);

    /// <summary>Largest page of results the fake returns, whatever limit is asked for (Confluence clamps too).</summary>
    public int MaxLimit { get; set; } = 250;

    public Dictionary<string, (string Id, string Name)> Spaces { get; } = new(StringComparer.Ordinal)
    {
        ["ENG"] = ("98305", "Engineering"),
        ["OPS"] = ("98306", "Operations"),
    };

    public IReadOnlyList<FakeConfluenceRequest> Requests => [.. _requests];

    /// <summary>True = every request is answered 401, as after the token was revoked.</summary>
    public bool CredentialsRevoked { get; set; }

    public static async Task<FakeConfluence> StartAsync(ConfluenceFlavor flavor)
    {
        var fake = new FakeConfluence(flavor);
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public FakeConfluencePage AddPage(string id, string spaceKey, string title, string storage, string? parentId = null, params string[] labels)
    {
        var page = new FakeConfluencePage { Id = id, SpaceKey = spaceKey, Title = title, Storage = storage, ParentId = parentId, Labels = labels };
        lock (_gate)
        {
            _content.Add(page);
        }

        return page;
    }

    /// <summary>Five pages in two spaces: a tree of four under "Engineering Handbook" and a runbook in OPS.</summary>
    public void AddHandbook()
    {
        AddPage("100", "ENG", "Engineering Handbook",
            "<p>Welcome to the engineering handbook.</p><p><ac:structured-macro ac:name=\"children\" ac:schema-version=\"2\" /></p>");
        AddPage("101", "ENG", "Onboarding",
            "<h1>First week</h1><p>Ask your buddy for laptop provisioning through the IT portal.</p>", parentId: "100");
        AddPage("102", "ENG", "Deploying services",
            "<h2>Rollback</h2><p>Roll back with the blue&nbsp;green switch in the release dashboard.</p>" + StorageFixture.Read("code-standard-input.xml"),
            parentId: "101");
        AddPage("103", "ENG", "Incident response",
            "<p>Page the on-call engineer through the incident bridge.</p>" + StorageFixture.Read("info-macro-input.xml"), parentId: "100", "runbook").Modified =
            new DateTimeOffset(2023, 3, 1, 0, 0, 0, TimeSpan.Zero);
        AddPage("104", "OPS", "Database failover",
            "<p>Promote the replica with pg_ctl promote after fencing the primary.</p>", labels: ["runbook"]);
    }

    public FakeConfluencePage AddAttachment(string id, string pageId, string fileName, byte[] bytes, string mediaType = "application/pdf")
    {
        var page = Find(pageId)!;
        var attachment = new FakeConfluencePage { Id = id, SpaceKey = page.SpaceKey, Title = fileName, ParentId = pageId, Bytes = bytes, MediaType = mediaType };
        lock (_gate)
        {
            _content.Add(attachment);
        }

        return attachment;
    }

    /// <summary>Deletes a page for good (it disappears from every listing and answers 404).</summary>
    public void Delete(string id)
    {
        lock (_gate)
        {
            _content.RemoveAll(c => c.Id == id);
        }
    }

    public FakeConfluencePage? Find(string id)
    {
        lock (_gate)
        {
            return _content.FirstOrDefault(c => c.Id == id);
        }
    }

    /// <summary>Answers the next requests to <paramref name="path"/> (e.g. "/wiki/api/v2/pages/101") with these responses, in order.</summary>
    public void Script(string path, params FakeResponse[] responses)
    {
        var queue = _scripted.GetOrAdd(path, _ => new ConcurrentQueue<FakeResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }
    }

    public void ClearRequests() => _requests.Clear();

    public ValueTask DisposeAsync() => _server!.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        _requests.Enqueue(new FakeConfluenceRequest(path, request.QueryString.Value ?? "", request.Headers.Authorization.ToString()));
        if (_scripted.TryGetValue(path, out var queue) && queue.TryDequeue(out var scripted))
        {
            await WriteAsync(context, scripted);
            return;
        }

        if (!IsAuthorized(request.Headers.Authorization.ToString()))
        {
            // Confluence's answer to bad credentials: 401 with a JSON message and no content.
            await WriteAsync(context, FakeResponse.Json(401, """{"statusCode":401,"message":"Unauthorized; scope does not match"}"""));
            return;
        }

        var local = path.StartsWith(Context + "/", StringComparison.Ordinal) ? path[Context.Length..] : null;
        var response = local switch
        {
            "/api/v2/spaces" when Flavor == ConfluenceFlavor.Cloud => Spaces2(request.Query),
            "/api/v2/pages" when Flavor == ConfluenceFlavor.Cloud => Pages2(request.Query),
            "/rest/api/content/search" => Search1(request.Query),
            "/rest/api/content" when Flavor == ConfluenceFlavor.DataCenter => Contents1(request.Query),
            _ when local is not null && PageById2().Match(local) is { Success: true } m && Flavor == ConfluenceFlavor.Cloud => Page2(m.Groups[1].Value),
            _ when local is not null && ContentById1().Match(local) is { Success: true } m && Flavor == ConfluenceFlavor.DataCenter => Content1(m.Groups[1].Value),
            _ when local is not null && Download().Match(local) is { Success: true } m => DownloadOf(m.Groups[1].Value, m.Groups[2].Value),
            _ => NotFound(),
        };
        await WriteAsync(context, response);
    }

    private bool IsAuthorized(string header)
    {
        if (CredentialsRevoked || !AuthenticationHeaderValue.TryParse(header, out var value))
        {
            return false;
        }

        return Flavor == ConfluenceFlavor.Cloud
            ? value.Scheme == "Basic" && value.Parameter == Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{ApiToken}"))
            : value.Scheme == "Bearer" && value.Parameter == PersonalAccessToken;
    }

    // ---- Cloud, REST v2 ----

    private FakeResponse Spaces2(IQueryCollection query)
    {
        var keys = Csv(query["keys"]);
        var results = new JsonArray();
        foreach (var (key, (id, name)) in Spaces.Where(s => keys.Count == 0 || keys.Contains(s.Key)))
        {
            results.Add(new JsonObject
            {
                ["id"] = id, ["key"] = key, ["name"] = name, ["type"] = "global", ["status"] = "current",
                ["authorId"] = "5b10a2844c20165700ede21g", ["createdAt"] = "2019-05-01T10:00:00.000Z", ["homepageId"] = null,
                ["_links"] = new JsonObject { ["webui"] = $"/spaces/{key}" },
            });
        }

        return FakeResponse.Json(200, new JsonObject { ["results"] = results, ["_links"] = new JsonObject { ["base"] = BaseUrl.ToString() } }.ToJsonString());
    }

    private FakeResponse Pages2(IQueryCollection query)
    {
        var spaceIds = Csv(query["space-id"]);
        var statuses = Csv(query["status"]) is { Count: > 0 } s ? s : ["current", "archived"];
        var pages = Snapshot().Where(p => !p.IsAttachment && statuses.Contains(p.Status) && (spaceIds.Count == 0 || spaceIds.Contains(Spaces[p.SpaceKey].Id))).ToList();
        var (offset, limit) = (Cursor(query["cursor"]), Limit(query["limit"], 25));
        var results = new JsonArray([.. pages.Skip(offset).Take(limit).Select(p => (JsonNode)PageObject2(p, withBody: false))]);
        var links = new JsonObject { ["base"] = BaseUrl.ToString() };
        var headers = new Dictionary<string, string>();
        if (offset + limit < pages.Count)
        {
            var next = $"{Context}/api/v2/pages?space-id={string.Join(',', spaceIds)}&status={string.Join(',', statuses)}&limit={limit}&cursor={CursorOf(offset + limit)}";
            links["next"] = next;
            headers["Link"] = $"<{next}>; rel=\"next\"";
        }

        return FakeResponse.Json(200, new JsonObject { ["results"] = results, ["_links"] = links }.ToJsonString(), headers);
    }

    private FakeResponse Page2(string id)
    {
        var page = Find(id);
        return page is { IsAttachment: false, Status: "current" }
            ? FakeResponse.Json(200, PageObject2(page, withBody: true).ToJsonString())
            : FakeResponse.Json(404, """{"errors":[{"status":404,"code":"NOT_FOUND","title":"Not Found","detail":null}]}""");
    }

    private JsonObject PageObject2(FakeConfluencePage page, bool withBody) => new()
    {
        ["id"] = page.Id,
        ["status"] = page.Status,
        ["title"] = page.Title,
        ["spaceId"] = Spaces[page.SpaceKey].Id,
        ["parentId"] = page.ParentId,
        ["parentType"] = page.ParentId is null ? null : "page",
        ["position"] = 57,
        ["authorId"] = "5b10a2844c20165700ede21g",
        ["ownerId"] = "5b10a2844c20165700ede21g",
        ["lastOwnerId"] = null,
        ["createdAt"] = "2024-01-04T08:00:00.000Z",
        ["version"] = new JsonObject
        {
            ["createdAt"] = page.Modified.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["message"] = "", ["number"] = page.Version, ["minorEdit"] = false, ["authorId"] = "5b10a2844c20165700ede21g",
        },
        ["body"] = withBody ? new JsonObject { ["storage"] = new JsonObject { ["representation"] = "storage", ["value"] = page.Storage } } : new JsonObject(),
        ["_links"] = new JsonObject { ["webui"] = WebUi(page), ["editui"] = $"/pages/resumedraft.action?draftId={page.Id}", ["tinyui"] = $"/x/{page.Id}" },
    };

    // ---- REST v1 (Data Center; CQL search on both) ----

    private FakeResponse Contents1(IQueryCollection query)
    {
        var space = query["spaceKey"].ToString();
        var type = query["type"].ToString() is { Length: > 0 } t ? t : "page";
        var pages = Snapshot().Where(p => (space.Length == 0 || p.SpaceKey == space) && TypeOf(p) == type && p.Status == "current").ToList();
        var next = $"/rest/api/content?spaceKey={space}&type={type}&status=current&expand={query["expand"]}";
        return ContentList(pages, query, next);
    }

    private FakeResponse Search1(IQueryCollection query)
    {
        var cql = query["cql"].ToString();
        var type = TypeClause().Match(cql) is { Success: true } t ? t.Groups[1].Value : null;
        var spaces = SpaceClause().Match(cql) is { Success: true } s ? Quoted(s.Groups[1].Value) : null;
        var labels = LabelClause().Match(cql) is { Success: true } l ? Quoted(l.Groups[1].Value) : null;
        DateTimeOffset? since = ModifiedClause().Match(cql) is { Success: true } m ? DateTimeOffset.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        var matches = Snapshot().Where(p => p.Status == "current"
            && (type is null || TypeOf(p) == type)
            && (spaces is null || spaces.Contains(p.SpaceKey))
            && (labels is null || p.Labels.Any(labels.Contains))
            && (since is null || p.Modified >= since)).ToList();
        var next = $"/rest/api/content/search?cql={Uri.EscapeDataString(cql)}&expand={query["expand"]}";
        return ContentList(matches, query, next);
    }

    private FakeResponse ContentList(List<FakeConfluencePage> items, IQueryCollection query, string nextBase)
    {
        var expand = Csv(query["expand"]);
        var limit = Limit(query["limit"], 25);
        var cloud = Flavor == ConfluenceFlavor.Cloud;
        var start = cloud ? Cursor(query["cursor"]) : int.TryParse(query["start"], out var s) ? s : 0;
        var page = items.Skip(start).Take(limit).ToList();
        var list = ListTemplate.DeepClone().AsObject();
        list["results"] = new JsonArray([.. page.Select(p => (JsonNode)ContentObject1(p, expand))]);
        list["start"] = start;
        list["limit"] = limit;
        list["size"] = page.Count;
        var links = new JsonObject { ["base"] = BaseUrl.ToString(), ["context"] = Context, ["self"] = BaseUrl + nextBase };
        if (start + limit < items.Count)
        {
            // Cloud's search pages with an opaque cursor; Data Center with start/limit.
            links["next"] = cloud ? $"{nextBase}&next=true&limit={limit}&cursor={CursorOf(start + limit)}" : $"{nextBase}&limit={limit}&start={start + limit}";
        }

        list["_links"] = links;
        return FakeResponse.Json(200, list.ToJsonString());
    }

    private FakeResponse Content1(string id)
    {
        var page = Find(id);
        return page is { Status: "current" }
            ? FakeResponse.Json(200, ContentObject1(page, ["body.storage", "version", "ancestors", "space"]).ToJsonString())
            : FakeResponse.Json(404, """{"statusCode":404,"data":{"authorized":false,"valid":true,"errors":[],"successful":false},"message":"No content found with id: ContentId{id=""" + id + "}\"}");
    }

    private JsonObject ContentObject1(FakeConfluencePage page, HashSet<string> expand)
    {
        var content = ContentTemplate.DeepClone().AsObject();
        content["id"] = page.Id;
        content["type"] = TypeOf(page);
        content["status"] = page.Status;
        content["title"] = page.Title;
        var expandable = content["_expandable"]!.AsObject();
        if (expand.Contains("version"))
        {
            expandable.Remove("version");
            content["version"] = new JsonObject
            {
                ["by"] = new JsonObject { ["type"] = "known", ["username"] = "ada", ["displayName"] = "Ada Lovelace" },
                ["when"] = page.Modified.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
                ["message"] = "", ["number"] = page.Version, ["minorEdit"] = false, ["hidden"] = false,
            };
        }

        if (expand.Contains("ancestors"))
        {
            expandable.Remove("ancestors");
            content["ancestors"] = new JsonArray([.. AncestorsOf(page).Select(a => (JsonNode)new JsonObject
            {
                ["id"] = a.Id, ["type"] = "page", ["status"] = "current", ["title"] = a.Title,
                ["_links"] = new JsonObject { ["webui"] = WebUi(a) },
            })]);
        }

        if (expand.Contains("space"))
        {
            expandable.Remove("space");
            content["space"] = new JsonObject
            {
                ["id"] = long.Parse(Spaces[page.SpaceKey].Id, CultureInfo.InvariantCulture), ["key"] = page.SpaceKey,
                ["name"] = Spaces[page.SpaceKey].Name, ["type"] = "global", ["status"] = "current",
            };
        }

        if (expand.Contains("container") && page.IsAttachment && Find(page.ParentId!) is { } container)
        {
            expandable.Remove("container");
            content["container"] = ContentObject1(container, []);
        }

        if (expand.Contains("body.storage"))
        {
            expandable.Remove("body");
            content["body"] = new JsonObject
            {
                ["storage"] = new JsonObject
                {
                    ["value"] = page.Storage, ["representation"] = "storage",
                    ["_expandable"] = new JsonObject { ["content"] = $"/rest/api/content/{page.Id}" },
                },
            };
        }

        var links = content["_links"]!.AsObject();
        links["webui"] = WebUi(page);
        links["self"] = $"{BaseUrl}/rest/api/content/{page.Id}";
        links["base"] = BaseUrl.ToString();
        links["context"] = Context;
        links["tinyui"] = $"/x/{page.Id}";
        if (page.IsAttachment)
        {
            content["extensions"] = new JsonObject { ["mediaType"] = page.MediaType, ["fileSize"] = page.Bytes!.Length, ["comment"] = "" };
            links["download"] = $"/download/attachments/{page.ParentId}/{Uri.EscapeDataString(page.Title)}?version={page.Version}&modificationDate=1718201835050&api=v2";
        }

        return content;
    }

    private FakeResponse DownloadOf(string pageId, string fileName) =>
        Snapshot().FirstOrDefault(a => a.IsAttachment && a.ParentId == pageId && a.Title == Uri.UnescapeDataString(fileName)) is { } attachment
            ? new FakeResponse(200, attachment.MediaType, attachment.Bytes!, new Dictionary<string, string>())
            : NotFound();

    private string WebUi(FakeConfluencePage page) => page.IsAttachment
        ? $"/pages/viewpageattachments.action?pageId={page.ParentId}&preview=/{page.ParentId}/{page.Id}/{Uri.EscapeDataString(page.Title)}"
        : Flavor == ConfluenceFlavor.Cloud
            ? $"/spaces/{page.SpaceKey}/pages/{page.Id}/{page.Title.Replace(' ', '+')}"
            : $"/display/{page.SpaceKey}/{page.Title.Replace(' ', '+')}";

    private List<FakeConfluencePage> AncestorsOf(FakeConfluencePage page)
    {
        var ancestors = new List<FakeConfluencePage>();
        for (var parent = page.IsAttachment ? null : page.ParentId; parent is not null && Find(parent) is { } found; parent = found.ParentId)
        {
            ancestors.Insert(0, found);
        }

        return ancestors;
    }

    private List<FakeConfluencePage> Snapshot()
    {
        lock (_gate)
        {
            return [.. _content.OrderBy(c => long.Parse(c.Id, CultureInfo.InvariantCulture))];
        }
    }

    private static string TypeOf(FakeConfluencePage page) => page.IsAttachment ? "attachment" : "page";

    private int Limit(string? asked, int fallback) => Math.Min(int.TryParse(asked, out var limit) ? limit : fallback, MaxLimit);

    private static int Cursor(string? cursor) =>
        string.IsNullOrEmpty(cursor) ? 0 : int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Uri.UnescapeDataString(cursor)))[7..], CultureInfo.InvariantCulture);

    private static string CursorOf(int offset) => Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset}")));

    private static HashSet<string> Csv(string? value) => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Quoted(string list) => QuotedValue().Matches(list).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static FakeResponse NotFound() => FakeResponse.Json(404, """{"statusCode":404,"message":"null for uri"}""");

    private static async Task WriteAsync(HttpContext context, FakeResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(response.Body);
    }

    private static JsonObject Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("confluence", "responses", "v1", name)))!.AsObject();

    [GeneratedRegex(@"^/api/v2/pages/(\d+)$")]
    private static partial Regex PageById2();

    [GeneratedRegex(@"^/rest/api/content/(\d+)$")]
    private static partial Regex ContentById1();

    [GeneratedRegex(@"^/download/attachments/(\d+)/([^/]+)$")]
    private static partial Regex Download();

    [GeneratedRegex(@"type\s*=\s*(\w+)")]
    private static partial Regex TypeClause();

    [GeneratedRegex(@"space\s+in\s*\(([^)]*)\)")]
    private static partial Regex SpaceClause();

    [GeneratedRegex(@"label\s+in\s*\(([^)]*)\)")]
    private static partial Regex LabelClause();

    [GeneratedRegex(@"lastmodified\s*>=\s*""([^""]+)""")]
    private static partial Regex ModifiedClause();

    [GeneratedRegex(@"""([^""]*)""")]
    private static partial Regex QuotedValue();
}

internal sealed record FakeConfluenceRequest(string Path, string Query, string Authorization);

internal sealed record FakeResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public static FakeResponse Json(int status, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, "application/json", Encoding.UTF8.GetBytes(body), headers ?? new Dictionary<string, string>());
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using StudyBot.Knowledge.Chunking;
using StudyBot.Knowledge.Configuration;

namespace StudyBot.Knowledge.Sources.Notion;

/// <summary>
/// Pages of a Notion workspace. Listing reads only list endpoints; a page's content hash is its
/// last_edited_time, so the pipeline loads (reads the block tree of) only pages edited since the
/// last successful run. A page is a document of its own, also a child page or a database row.
/// </summary>
public sealed class NotionSource : IKnowledgeSource
{
    /// <summary>Bumped when the Markdown conversion changes, so every page is read again once.</summary>
    private const string ConverterVersion = "notion-md-1";

    /// <summary>Notion rounds last_edited_time down to the minute: a page edited that recently may change again without a new time.</summary>
    private static readonly TimeSpan Settling = TimeSpan.FromMinutes(2);

    private readonly SourceOptions _options;
    private readonly Func<HttpClient> _createHttpClient;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, NotionPage> _listed = new(StringComparer.Ordinal);

    /// <param name="createHttpClient">A client from IHttpClientFactory, asked for per run so handlers can rotate.</param>
    public NotionSource(string name, SourceOptions options, Func<HttpClient> createHttpClient, TimeProvider time)
    {
        Name = name;
        _options = options;
        _createHttpClient = createHttpClient;
        _time = time;
    }

    public string Name { get; }

    public string Type => "Notion";

    public async IAsyncEnumerable<SourceItem> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _listed.Clear();
        var listing = new NotionListing(new NotionClient(_createHttpClient()), _options);
        await foreach (var page in listing.PagesAsync(cancellationToken))
        {
            // Trashed and archived pages are not listed, so the pipeline removes them from the index.
            if (!page.Gone && _listed.TryAdd(page.Id, page))
            {
                yield return ToItem(page);
            }
        }
    }

    public async Task<SourceDocument> LoadAsync(SourceItem item, CancellationToken cancellationToken)
    {
        try
        {
            var client = new NotionClient(_createHttpClient());
            var page = _listed.TryGetValue(item.Id, out var listed) ? listed : NotionPage.From(await client.GetPageAsync(item.Id, cancellationToken));
            var blocks = await new NotionBlockTree(client).ReadAsync(page.Id, cancellationToken);
            return new SourceDocument(item, page.Title, [new DocumentPart(NotionMarkdown.Render(blocks))]);
        }
        catch (NotionApiException ex)
        {
            throw new DocumentReadException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new DocumentReadException($"Notion page {item.Id} has an unexpected shape: {ex.Message}", ex);
        }
    }

    private SourceItem ToItem(NotionPage page)
    {
        var hash = $"{ConverterVersion}|{page.LastEditedText}";
        var now = _time.GetUtcNow();
        if (now - page.LastEdited < Settling)
        {
            hash += $"|settling {now:O}"; // read again on every run until the minute has passed
        }

        return new SourceItem(page.Id, page.Url, page.LastEdited, hash);
    }
}

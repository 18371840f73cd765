using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using StudyBot.Knowledge.Chunking;
using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Sources.Pdf;

namespace StudyBot.Eval.Beir;

/// <summary>
/// A BEIR corpus as a knowledge source: each corpus document is one document. The text is PDF text
/// (pdftotext), so it gets the PDF reader's cleaning: hyphenated line ends joined, paragraphs unwrapped.
/// </summary>
internal sealed class BeirCorpusSource(string name, IReadOnlyList<BeirDocument> corpus) : IKnowledgeSource
{
    private readonly Dictionary<string, BeirDocument> _byId = corpus.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public string Name => name;

    public string Type => "Beir";

    public async IAsyncEnumerable<SourceItem> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var document in corpus)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Title + "\n" + document.Text)));
            yield return new SourceItem(document.Id, document.Id, DateTimeOffset.UnixEpoch, hash);
        }

        await Task.CompletedTask;
    }

    public Task<SourceDocument> LoadAsync(SourceItem item, CancellationToken cancellationToken)
    {
        var document = _byId[item.Id];
        var title = document.Title.Length > 0 ? document.Title : Path.GetFileNameWithoutExtension(document.Id);
        return Task.FromResult(new SourceDocument(item, title, [new DocumentPart(PdfReader.CleanText(document.Text))]));
    }
}

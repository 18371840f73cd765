using StudyBot.Knowledge.Text;

namespace StudyBot.Knowledge.Chunking;

/// <summary>
/// Cuts a document into chunks that follow its headings and paragraphs, never exceed
/// <see cref="ChunkingOptions.MaxTokens"/>, and overlap inside a section so a sentence cut at a
/// boundary is still found whole.
/// </summary>
public sealed class MarkdownChunker(ChunkingOptions options, TokenCounter tokens)
{
    private readonly ChunkingOptions _options = options;
    private readonly TokenCounter _tokens = tokens;

    public IReadOnlyList<TextChunk> Chunk(IEnumerable<DocumentPart> parts)
    {
        var chunks = new List<TextChunk>();
        var headings = new List<(int Level, string Title)>();
        foreach (var part in parts)
        {
            var section = new SectionWriter(this, chunks, part.Page);
            foreach (var block in MarkdownBlocks.Parse(part.Markdown))
            {
                if (block.IsHeading)
                {
                    section.Flush();
                    headings.RemoveAll(h => h.Level >= block.HeadingLevel);
                    headings.Add((block.HeadingLevel, block.Text));
                    section = new SectionWriter(this, chunks, part.Page);
                    continue;
                }

                section.HeadingPath = headings.Select(h => h.Title).ToArray();
                section.Add(block.Text);
            }

            section.Flush();
        }

        return chunks;
    }

    private sealed class SectionWriter(MarkdownChunker chunker, List<TextChunk> chunks, int? page)
    {
        private readonly List<(string Text, int Tokens)> _pieces = [];
        private int _tokens;

        public IReadOnlyList<string> HeadingPath { get; set; } = [];

        public void Add(string paragraph)
        {
            var count = chunker._tokens.Count(paragraph);
            if (count > chunker._options.MaxTokens)
            {
                foreach (var sentence in SplitOversized(paragraph))
                {
                    Append(sentence, chunker._tokens.Count(sentence));
                }

                return;
            }

            Append(paragraph, count);
        }

        public void Flush()
        {
            if (_pieces.Count == 0)
            {
                return;
            }

            var text = string.Join("\n\n", _pieces.Select(p => p.Text));
            chunks.Add(new TextChunk(chunks.Count, text, HeadingPath, page, _tokens));
            _pieces.Clear();
            _tokens = 0;
        }

        private void Append(string text, int count)
        {
            if (_tokens + count > chunker._options.MaxTokens && _pieces.Count > 0)
            {
                var overlap = TakeOverlap();
                Flush();
                if (overlap.Sum(p => p.Tokens) + count > chunker._options.MaxTokens)
                {
                    overlap.Clear();
                }

                foreach (var piece in overlap)
                {
                    _pieces.Add(piece);
                    _tokens += piece.Tokens;
                }
            }

            _pieces.Add((text, count));
            _tokens += count;
        }

        private static bool IsTable(string paragraph)
        {
            var lines = paragraph.Split('\n');
            return lines.Length > 2 && lines.All(l => l.TrimStart().StartsWith('|'));
        }

        /// <summary>A long table in pieces of whole rows, each under the table's header row, so every row is read with its column names.</summary>
        private IEnumerable<string> SplitTable(string table, int max)
        {
            var lines = table.Split('\n');
            var header = string.Join('\n', lines.Take(2));
            var piece = new List<string>();
            var budget = max - chunker._tokens.Count(header);
            var used = 0;
            foreach (var row in lines.Skip(2))
            {
                var count = chunker._tokens.Count(row);
                if (piece.Count > 0 && used + count > budget)
                {
                    yield return header + "\n" + string.Join('\n', piece);
                    piece.Clear();
                    used = 0;
                }

                piece.Add(row);
                used += count;
            }

            if (piece.Count > 0)
            {
                yield return header + "\n" + string.Join('\n', piece);
            }
        }

        /// <summary>The trailing sentences of the current chunk that fit in the overlap budget.</summary>
        private List<(string Text, int Tokens)> TakeOverlap()
        {
            var budget = chunker._options.OverlapTokens;
            var taken = new List<(string Text, int Tokens)>();
            // Table rows are not carried over: the next piece of a table starts with its header row instead.
            if (budget == 0 || _pieces[^1].Text.TrimStart().StartsWith('|'))
            {
                return taken;
            }

            foreach (var sentence in SentenceSplitter.Split(_pieces[^1].Text).Reverse())
            {
                var count = chunker._tokens.Count(sentence);
                if (count > budget)
                {
                    break;
                }

                budget -= count;
                taken.Insert(0, (sentence, count));
            }

            return taken;
        }

        private IEnumerable<string> SplitOversized(string paragraph)
        {
            var max = chunker._options.MaxTokens - chunker._options.OverlapTokens;
            if (IsTable(paragraph))
            {
                foreach (var part in SplitTable(paragraph, max))
                {
                    yield return part;
                }

                yield break;
            }

            foreach (var sentence in SentenceSplitter.Split(paragraph))
            {
                var rest = sentence;
                while (chunker._tokens.Count(rest) > max)
                {
                    var head = chunker._tokens.Truncate(rest, max);
                    var cut = head.LastIndexOf(' ');
                    head = cut > head.Length / 2 ? head[..cut] : head;
                    yield return head.Trim();
                    rest = rest[head.Length..].Trim();
                }

                if (rest.Length > 0)
                {
                    yield return rest;
                }
            }
        }
    }
}

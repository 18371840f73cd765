using Microsoft.Extensions.VectorData;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Index;

namespace StudyBot.Knowledge.Retrieval;

/// <summary>Turns a vector store's search results into the citable chunks the engine works with.</summary>
internal static class RetrievedChunks
{
    public static RetrievedChunk From(VectorSearchResult<ChunkRecord> result)
    {
        var r = result.Record;
        var headings = r.HeadingPath.Length == 0 ? [] : r.HeadingPath.Split(ChunkRecord.HeadingSeparator);
        return new RetrievedChunk(r.Key, r.Source, r.DocumentId, r.Title, r.Link, r.Page, headings, r.Text, result.Score ?? 0);
    }
}

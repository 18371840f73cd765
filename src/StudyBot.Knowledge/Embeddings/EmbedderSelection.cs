using Microsoft.Extensions.AI;

namespace StudyBot.Knowledge.Embeddings;

/// <summary>The configured embedder with the id and vector size the index records, so a change of embedder re-indexes.</summary>
public sealed record EmbedderSelection(IEmbeddingGenerator<string, Embedding<float>> Generator, string Id, int Dimensions);

using System.ComponentModel.DataAnnotations;

namespace StudyBot.Core.Models;

/// <summary>StudyBot:Llm — the chat and embedding model. Provider None keeps everything local.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "StudyBot:Llm";

    [AllowedValues("None", "OpenAI", "AzureOpenAI", "OpenAICompatible", ErrorMessage = "StudyBot:Llm:Provider must be None, OpenAI, AzureOpenAI or OpenAICompatible.")]
    public string Provider { get; set; } = "None";

    /// <summary>API root; required for AzureOpenAI and OpenAICompatible.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string? ChatModel { get; set; }

    /// <summary>Embedding model; empty = the local hashing embedder even when a chat model is set.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Size of the embedding model's vectors (e.g. 1536 for text-embedding-3-small).</summary>
    [Range(8, 8192, ErrorMessage = "StudyBot:Llm:EmbeddingDimensions must be between {1} and {2}.")]
    public int EmbeddingDimensions { get; set; } = 1536;

    [Range(1, 600, ErrorMessage = "StudyBot:Llm:AnswerDeadlineSeconds must be between {1} and {2}.")]
    public int AnswerDeadlineSeconds { get; set; } = 25;

    public bool UsesRemoteEmbeddings => Provider != "None" && !string.IsNullOrWhiteSpace(EmbeddingModel);
}

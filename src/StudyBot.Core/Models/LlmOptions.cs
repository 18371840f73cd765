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

    /// <summary>Embedding model; empty = the local embedder (StudyBot:Index:Embedder) even when a chat model is set.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Size of the embedding model's vectors (e.g. 1536 for text-embedding-3-small); empty = read from the model at start-up.</summary>
    [Range(8, 8192, ErrorMessage = "StudyBot:Llm:EmbeddingDimensions must be between {1} and {2}.")]
    public int? EmbeddingDimensions { get; set; }

    [Range(1, 600, ErrorMessage = "StudyBot:Llm:AnswerDeadlineSeconds must be between {1} and {2}.")]
    public int AnswerDeadlineSeconds { get; set; } = 25;

    /// <summary>Azure OpenAI's api-version query parameter.</summary>
    public string AzureApiVersion { get; set; } = "2024-10-21";

    /// <summary>Rounds of tool calls the chat model may make before it must answer.</summary>
    [Range(0, 16, ErrorMessage = "StudyBot:Llm:MaxToolRounds must be between {1} and {2}.")]
    public int MaxToolRounds { get; set; } = 4;

    /// <summary>The chat model's context window in tokens; the whole prompt is trimmed to fit it.</summary>
    [Range(1024, 2_000_000, ErrorMessage = "StudyBot:Llm:ContextTokens must be between {1} and {2}.")]
    public int ContextTokens { get; set; } = 16384;

    /// <summary>Tokens of earlier thread turns sent with a follow-up question.</summary>
    [Range(0, 100_000, ErrorMessage = "StudyBot:Llm:HistoryTokens must be between {1} and {2}.")]
    public int HistoryTokens { get; set; } = 1500;

    /// <summary>Tokens kept free for the model's answer.</summary>
    [Range(64, 100_000, ErrorMessage = "StudyBot:Llm:AnswerTokens must be between {1} and {2}.")]
    public int AnswerTokens { get; set; } = 800;

    /// <summary>Prompt variants (file names without .md, e.g. answer.v1); each conversation gets one by a hash of its id.</summary>
    public List<string> PromptVariants { get; set; } = ["answer.v1"];

    /// <summary>Replace e-mail addresses, phone numbers and similar personal data before anything is sent to a model.</summary>
    public bool RedactPersonalData { get; set; }

    public bool UsesRemoteEmbeddings => Provider != "None" && !string.IsNullOrWhiteSpace(EmbeddingModel);

    public bool UsesChatModel => Provider != "None" && !string.IsNullOrWhiteSpace(ChatModel);
}

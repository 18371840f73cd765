using Microsoft.Extensions.AI;

namespace StudyBot.Assistant.Models;

/// <summary>
/// The chat model configured under StudyBot:Llm, for every feature that wants one (answers, quiz
/// generation). Check <see cref="IsConfigured"/> first: with Provider None there is no model.
/// </summary>
public interface IChatModel
{
    bool IsConfigured { get; }

    /// <summary>The model name (the deployment for Azure OpenAI); null when not configured.</summary>
    string? ModelId { get; }

    /// <summary>
    /// The model as a Microsoft.Extensions.AI chat client, e.g. for structured output with
    /// <c>GetResponseAsync&lt;T&gt;</c>. The SDK does not retry; callers bound their own time.
    /// </summary>
    /// <exception cref="InvalidOperationException">No chat model is configured.</exception>
    IChatClient ChatClient { get; }
}

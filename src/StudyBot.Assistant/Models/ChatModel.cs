using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using StudyBot.Core.Models;
using StudyBot.Knowledge.Models;

namespace StudyBot.Assistant.Models;

/// <summary>The configured chat model through Semantic Kernel's OpenAI connector (OpenAI, Azure OpenAI, OpenAI-compatible).</summary>
internal sealed class ChatModel
{
    public const string HttpClientName = "studybot-llm";
    private readonly IChatCompletionService? _completion;
    private readonly Lazy<IChatClient>? _chatClient;

    public ChatModel(IOptions<LlmOptions> options, IHttpClientFactory httpClients)
    {
        var llm = options.Value;
        if (!llm.UsesChatModel)
        {
            return;
        }

        ModelId = llm.ChatModel!;
        // No SDK retries: the answerer retries a 429 once itself, inside its deadline.
        var client = OpenAIClientFactory.Create(llm, ModelId, httpClients.CreateClient(HttpClientName), retries: 0);
        _completion = new OpenAIChatCompletionService(ModelId, client);
        _chatClient = new Lazy<IChatClient>(() => client.GetChatClient(ModelId).AsIChatClient());
    }

    public bool IsConfigured => _completion is not null;

    public string? ModelId { get; }

    public IChatClient ChatClient => _chatClient?.Value ?? throw NotConfigured();

    /// <summary>Semantic Kernel's chat service, with which the answerer runs its tool rounds.</summary>
    internal IChatCompletionService Completion => _completion ?? throw NotConfigured();

    private static InvalidOperationException NotConfigured() =>
        new("No chat model is configured: set StudyBot:Llm:Provider and StudyBot:Llm:ChatModel.");
}

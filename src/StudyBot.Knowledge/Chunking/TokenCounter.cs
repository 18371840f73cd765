using Microsoft.ML.Tokenizers;

namespace StudyBot.Knowledge.Chunking;

/// <summary>Counts tokens with the cl100k_base encoding, which ships inside its NuGet package (nothing is downloaded).</summary>
public sealed class TokenCounter
{
    private static readonly Lazy<TokenCounter> Shared = new(() => new TokenCounter());
    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding("cl100k_base");

    public static TokenCounter Default => Shared.Value;

    public int Count(string text) => _tokenizer.CountTokens(text);

    /// <summary>The longest prefix of <paramref name="text"/> that fits in <paramref name="maxTokens"/>.</summary>
    public string Truncate(string text, int maxTokens)
    {
        var index = _tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out _);
        return text[..index];
    }
}

using StudyBot.Knowledge.Text;

namespace StudyBot.Knowledge.Tests.Text;

public sealed class TextAnalyzerTests
{
    [Fact]
    public void Terms_DropStopWordsAndLowerCase()
    {
        Assert.Equal(["qlora"], TextAnalyzer.Terms("What is QLoRA?"));
    }

    [Fact]
    public void Terms_PluralAndInflectedFormsShareAStem()
    {
        Assert.Equal(TextAnalyzer.Terms("model adapters tuned"), TextAnalyzer.Terms("models adapter tuning"));
    }

    [Fact]
    public void Terms_HyphenatedWordsAreKeptWholeAndInParts()
    {
        var terms = TextAnalyzer.Terms("fine-tuning with gpt-4 and v1.5");

        Assert.Contains("fine-tun", terms);
        Assert.Contains("fine", terms);
        Assert.Contains("tun", terms);
        Assert.Contains("gpt-4", terms);
        Assert.Contains("v1.5", terms);
    }

    [Fact]
    public void Terms_SentencePunctuationDoesNotJoinWords()
    {
        Assert.Equal(["end", "next", "start"], TextAnalyzer.Terms("The end.Next start-"));
    }
}

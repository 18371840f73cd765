using StudyBot.Assistant.Answering.Citations;

namespace StudyBot.Assistant.Tests.Citations;

public sealed class CitationVerifierTests
{
    private static readonly Dictionary<string, string> Sources = new()
    {
        ["1"] = "QLoRA freezes the base model in 4-bit NormalFloat quantization and trains LoRA adapters.",
        ["2"] = "HNSW is a graph-based index for approximate nearest neighbour search.",
        ["W1"] = "The QLoRA paper fine-tunes a 65B parameter model on a single 48GB GPU.",
    };

    private static VerifiedText Verify(string answer) => CitationVerifier.Verify(answer, id => Sources.GetValueOrDefault(id));

    [Fact]
    public void Verify_SupportedSentences_AreKeptAsWritten()
    {
        var result = Verify("QLoRA trains LoRA adapters on a 4-bit base model [1]. It fits a 65B model on one 48GB GPU [W1].");

        Assert.Equal("QLoRA trains LoRA adapters on a 4-bit base model [1]. It fits a 65B model on one 48GB GPU [W1].", result.Text);
        Assert.Empty(result.Dropped);
    }

    [Fact]
    public void Verify_SentenceItsSourceDoesNotSupport_IsDropped()
    {
        var result = Verify("QLoRA trains LoRA adapters [1]. QLoRA was designed by NASA for satellites [2].");

        Assert.Equal("QLoRA trains LoRA adapters [1].", result.Text);
        Assert.Equal(["QLoRA was designed by NASA for satellites ."], result.Dropped);
    }

    [Fact]
    public void Verify_CitationNeverRetrieved_IsRemovedAndASentenceCitingOnlyItIsDropped()
    {
        var result = Verify("QLoRA trains LoRA adapters [1][5]. QLoRA trains LoRA adapters quickly [9].");

        Assert.Equal("QLoRA trains LoRA adapters [1].", result.Text);
        Assert.Single(result.Dropped);
    }

    [Fact]
    public void Verify_CitationAfterTheFullStopAndGroupedIds_StayWithTheirSentence()
    {
        var result = Verify("HNSW is a graph-based index. [2] QLoRA trains LoRA adapters [1, W1].");

        Assert.Equal("HNSW is a graph-based index [2]. QLoRA trains LoRA adapters [1][W1].", result.Text);
    }

    [Fact]
    public void Verify_SentenceWithoutCitations_IsKept()
    {
        var result = Verify("The knowledge base does not cover pricing.");

        Assert.Equal("The knowledge base does not cover pricing.", result.Text);
    }
}

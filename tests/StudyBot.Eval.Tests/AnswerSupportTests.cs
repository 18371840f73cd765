using StudyBot.Core.Retrieval;
using StudyBot.Eval.Retrieval;

namespace StudyBot.Eval.Tests;

public sealed class AnswerSupportTests
{
    private static RetrievedChunk Chunk(string text) => new(Guid.NewGuid().ToString(), "eval", "d.pdf", "d", "d.pdf", null, [], text, 1);

    [Fact]
    public void Recall_CountsTheAnswersContentWordsFoundInTheTopFiveChunks()
    {
        // Content words: masked, lm, mlm, next, sentence, prediction, nsp. "and" is a function word.
        var chunks = new[] { Chunk("We use a masked LM (MLM)."), Chunk("Next sentence prediction"), Chunk("x"), Chunk("y"), Chunk("z"), Chunk("NSP") };

        var recall = AnswerSupport.Recall("Masked LM (MLM) and Next Sentence Prediction (NSP).", chunks);

        Assert.Equal(6 / 7.0, recall!.Value, 9);
    }

    [Fact]
    public void Recall_MatchesWordsUnstemmedAndKeepsDecimals()
    {
        Assert.Equal(["1.4t", "tokens", "trained"], AnswerSupport.ContentWords("trained on 1.4T tokens").Order());
        Assert.Equal(0.5, AnswerSupport.Recall("tokens trained", [Chunk("one token was trained")]));
    }

    [Fact]
    public void Recall_AnswerWithoutContentWords_IsNull()
    {
        Assert.Null(AnswerSupport.Recall("It is.", [Chunk("anything")]));
    }
}

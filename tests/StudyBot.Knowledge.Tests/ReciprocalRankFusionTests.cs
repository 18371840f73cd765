using StudyBot.Knowledge.Retrieval;

namespace StudyBot.Knowledge.Tests;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void Fuse_DocumentHighInBothLists_BeatsDocumentFirstInOne()
    {
        var fused = ReciprocalRankFusion.Fuse([["a", "b", "c"], ["b", "d", "a"]]);

        Assert.Equal(["b", "a", "d", "c"], fused.Select(f => f.Key));
        Assert.Equal(1.0 / 62 + 1.0 / 61, fused[0].Score, 10);
    }

    [Fact]
    public void Fuse_Weights_ShiftTheOrder()
    {
        var lexicalFirst = ReciprocalRankFusion.Fuse([["x"], ["y"]], [2.0, 1.0]);
        var denseFirst = ReciprocalRankFusion.Fuse([["x"], ["y"]], [1.0, 2.0]);

        Assert.Equal("x", lexicalFirst[0].Key);
        Assert.Equal("y", denseFirst[0].Key);
    }

    [Fact]
    public void Fuse_EmptyRankings_GiveNothing()
    {
        Assert.Empty(ReciprocalRankFusion.Fuse([[], []]));
    }
}

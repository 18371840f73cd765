using StudyBot.Knowledge.Text;

namespace StudyBot.Knowledge.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_AbbreviationsAndDecimals_DoNotEndSentences()
    {
        var sentences = SentenceSplitter.Split("Use adapters, e.g. LoRA. Version 2.5 is out. Dettmers et al. reported it. Done!").ToList();

        Assert.Equal(["Use adapters, e.g. LoRA.", "Version 2.5 is out.", "Dettmers et al. reported it.", "Done!"], sentences);
    }
}

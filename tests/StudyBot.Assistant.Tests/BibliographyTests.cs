using StudyBot.Assistant.Answering;

namespace StudyBot.Assistant.Tests;

public sealed class BibliographyTests
{
    [Theory]
    // IEEE style, as PDF text.
    [InlineData("[56] M. Gardner, Y. Artzi, V. Basmov et al., “Evaluating models’ local decision boundaries via contrast sets,” in Findings of EMNLP, 2020. [57] A. Zeng, X. Liu, Z. Du, Z. Wang et al., “Glm-130b: An open bilingual pre-trained model,” arXiv preprint arXiv:2210.02414, 2022. [58] (2022) Chatgpt has a handful of ethical constraints. [59] M. Post, “A call for clarity in reporting BLEU scores,” in Proceedings of WMT, 2018, pp. 186–191.")]
    // ACL style.
    [InlineData("Aohan Zeng, Xiao Liu, and Jie Tang. 2022. Glm130b: An open bilingual pre-trained model. Biao Zhang and Rico Sennrich. 2019. Root mean square layer normalization. Advances in Neural Information Processing Systems, 32. Barret Zoph. 2022. Designing effective sparse expert models. arXiv preprint arXiv:2202.08906.")]
    public void IsReferenceList_BibliographyEntries_AreRecognised(string text)
    {
        Assert.True(Bibliography.IsReferenceList(text));
    }

    [Theory]
    // Prose that cites puts its years in brackets.
    [InlineData("There exist some exceptions, notably OPT (Zhang et al., 2022), GPT-NeoX (Black et al., 2022), BLOOM (Scao et al., 2022) and GLM (Zeng et al., 2022), but none that are competitive with PaLM-62B or Chinchilla.")]
    // A handbook page with dates.
    [InlineData("We moved the cluster in 2021. The journal of changes lists every upgrade since 2019, and the 2023 review is in the wiki.")]
    public void IsReferenceList_Prose_IsNot(string text)
    {
        Assert.False(Bibliography.IsReferenceList(text));
    }
}

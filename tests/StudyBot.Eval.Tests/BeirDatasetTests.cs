using StudyBot.Eval.Beir;
using StudyBot.Tests;

namespace StudyBot.Eval.Tests;

public sealed class BeirDatasetTests
{
    private static Task<BeirDataset> LoadAragogAsync() => BeirDataset.LoadAsync(TestPaths.Fixture("eval", "aragog", "beir"), CancellationToken.None);

    [Fact]
    public async Task Load_Aragog_ReadsCorpusQueriesQrelsAndAnswers()
    {
        var dataset = await LoadAragogAsync();

        Assert.Equal(15, dataset.Corpus.Count);
        Assert.Equal(107, dataset.Queries.Count);
        Assert.Equal(98, dataset.Queries.Count(q => q.IsAnswerable));
        var first = dataset.Queries[0];
        Assert.Equal(("q001", 1, "bert.pdf"), (first.Id, first.Number, Assert.Single(first.RelevantDocuments)));
        Assert.Equal("Masked LM (MLM) and Next Sentence Prediction (NSP).", first.ReferenceAnswer);
        Assert.All(dataset.Queries.Where(q => !q.IsAnswerable), q => Assert.Contains("GLM-130B", q.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slice_KeepsItsDocumentsTheirQueriesAndTheUnanswerableOnes()
    {
        var slice = (await LoadAragogAsync()).Slice(["bert.pdf", "llama.pdf"]);

        Assert.Equal(["bert.pdf", "llama.pdf"], slice.Corpus.Select(d => d.Id).Order());
        Assert.Equal(19, slice.Queries.Count(q => q.IsAnswerable));
        Assert.Equal(9, slice.Queries.Count(q => !q.IsAnswerable));
    }

    [Fact]
    public async Task Slice_UnknownDocument_Throws()
    {
        var dataset = await LoadAragogAsync();

        var error = Assert.Throws<ArgumentException>(() => dataset.Slice(["nope.pdf"]));
        Assert.Contains("nope.pdf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selection_OddAndEven_SplitTheQueriesByNumber()
    {
        var dataset = await LoadAragogAsync();

        var odd = dataset.Queries.Where(q => QuerySelection.Odd.Includes(q)).ToList();
        var even = dataset.Queries.Where(q => QuerySelection.Even.Includes(q)).ToList();

        Assert.Equal(("q001", "q002"), (odd[0].Id, even[0].Id));
        Assert.Equal((54, 53), (odd.Count, even.Count));
        Assert.Equal((49, 49), (odd.Count(q => q.IsAnswerable), even.Count(q => q.IsAnswerable)));
    }

    [Fact]
    public async Task Load_FolderWithoutCorpus_SaysWhatIsMissing()
    {
        using var folder = new TempFolder();

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => BeirDataset.LoadAsync(folder.Path, CancellationToken.None));
        Assert.Contains("corpus.jsonl", error.Message, StringComparison.Ordinal);
    }
}

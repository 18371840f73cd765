using StudyBot.Assistant.Answering;
using StudyBot.Core.Conversations;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Tests;

public sealed class ExtractiveAnswererTests
{
    private static RetrievedChunk Chunk(string id, string title, string text, int? page = null, params string[] headings) =>
        new(id, "knowledge", $"{id}.md", title, $"{id}.md", page, headings, text, 1);

    private static readonly RetrievedChunk QLoRA = Chunk("qlora", "Fine-tuning",
        "QLoRA is a fine-tuning method that freezes a 4-bit quantized base model and trains LoRA adapters. It was published in 2023. Training still needs a GPU.",
        null, "Fine-tuning", "QLoRA");

    private static readonly RetrievedChunk Hnsw = Chunk("hnsw", "Vector stores",
        "HNSW is a graph-based index for approximate nearest neighbour search. It trades memory for recall.", null, "Indexes");

    private static readonly RetrievedChunk Llama = Chunk("llama", "LLaMA paper",
        "LLaMA-65B was trained on 1.4T tokens. The tokenizer uses byte-pair encoding.", 3);

    private readonly ExtractiveAnswerer _answerer = new(new FixedSearch(QLoRA, Hnsw, Llama));

    [Fact]
    public async Task Answer_DefinitionQuestion_QuotesTheDefinitionAndCitesItsChunk()
    {
        var answer = await _answerer.AnswerAsync(new Question("What is QLoRA?"), CancellationToken.None);

        Assert.True(answer.Found);
        Assert.StartsWith("QLoRA is a fine-tuning method", answer.Text, StringComparison.Ordinal);
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
        var citation = answer.Citations[0];
        Assert.Equal((1, "Fine-tuning", "qlora.md", "Fine-tuning › QLoRA"), (citation.Number, citation.Title, citation.Link, citation.HeadingPath));
        Assert.Contains("freezes a 4-bit quantized base model", citation.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_PdfChunk_CitationCarriesThePage()
    {
        var answer = await _answerer.AnswerAsync(new Question("How many tokens was LLaMA-65B trained on?"), CancellationToken.None);

        Assert.Contains("1.4T tokens", answer.Text, StringComparison.Ordinal);
        Assert.Equal(3, answer.Citations.Single(c => c.Title == "LLaMA paper").Page);
    }

    [Fact]
    public async Task Answer_EveryCitationNumberInTheTextHasACitation()
    {
        var answer = await _answerer.AnswerAsync(new Question("QLoRA adapters and HNSW graph index"), CancellationToken.None);

        var numbers = System.Text.RegularExpressions.Regex.Matches(answer.Text, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct();
        Assert.Equal(answer.Citations.Select(c => c.Number).Order(), numbers.Order());
    }

    [Fact]
    public async Task Answer_NothingRelevantIndexed_SaysSoPlainly()
    {
        var answer = await _answerer.AnswerAsync(new Question("Who won the 1998 football world cup?"), CancellationToken.None);

        Assert.False(answer.Found);
        Assert.Empty(answer.Citations);
        Assert.Contains("couldn't find", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_OneCommonWordMatches_IsNotEnoughToQuote()
    {
        // "memory" appears in the HNSW chunk but the question is about something else.
        var answer = await _answerer.AnswerAsync(new Question("How much memory does a Raspberry Pi cluster need for Kubernetes?"), CancellationToken.None);

        Assert.False(answer.Found);
    }

    [Fact]
    public async Task Answer_ShortFollowUp_UsesThePreviousQuestion()
    {
        var history = new[] { new ConversationTurn(false, "What is QLoRA?"), new ConversationTurn(true, "QLoRA is a fine-tuning method…") };

        var answer = await _answerer.AnswerAsync(new Question("when was it published?", null, history), CancellationToken.None);

        Assert.Contains("published in 2023", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_OnlyAReferenceListMentionsIt_SaysItIsNotInTheKnowledgeBase()
    {
        var references = Chunk("refs", "Some paper",
            "[57] A. Zeng, X. Liu, Z. Du et al., “Glm-130b: An open bilingual pre-trained model,” arXiv preprint arXiv:2210.02414, 2022. [58] B. Zhang and R. Sennrich, “Root mean square layer normalization,” in Advances in NeurIPS, 2019. [59] C. Li, “Sparse experts,” 2021.");
        var answerer = new ExtractiveAnswerer(new FixedSearch(QLoRA, references));

        var answer = await answerer.AnswerAsync(new Question("What is GLM-130B's bilingual pre-trained model?"), CancellationToken.None);

        Assert.False(answer.Found);
    }

    [Fact]
    public async Task Answer_OnlyStopWords_AsksForMore()
    {
        var answer = await _answerer.AnswerAsync(new Question("what is it?"), CancellationToken.None);

        Assert.False(answer.Found);
        Assert.Contains("more words", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_FactInATableRow_QuotesTheRowUnderItsHeaders()
    {
        var ports = Chunk("ports", "Service catalog", "| Service | Port | Owner |\n| --- | --- | --- |\n| search | 9200 | platform team |\n| billing | 8443 | payments team |");
        var answerer = new ExtractiveAnswerer(new FixedSearch(ports, Hnsw));

        var answer = await answerer.AnswerAsync(new Question("Which port does the billing service use?"), CancellationToken.None);

        Assert.Equal("Service: billing; Port: 8443; Owner: payments team [1]", answer.Text);
    }

    [Fact]
    public async Task Answer_FactInACodeBlock_QuotesTheLineAsCode()
    {
        var runbook = Chunk("rollback", "Rollback runbook", "Roll back a bad release from the bastion host:\n\n```bash\nkubectl rollout undo deployment/checkout\n```");
        var answerer = new ExtractiveAnswerer(new FixedSearch(runbook, Hnsw));

        var answer = await answerer.AnswerAsync(new Question("Which kubectl command does the rollout undo of checkout?"), CancellationToken.None);

        Assert.Contains("`kubectl rollout undo deployment/checkout`", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_RestatedProblem_AlsoQuotesTheNextSentenceTheEmbedderFindsClose()
    {
        var scaling = Chunk("scaling", "Serving", "A GPU running a decode loop looks busy at almost any load. Better signals are waiting requests and KV-cache usage. Kernel launches overlap with memory copies.");
        var scorer = new FixedScorer(0.6, ("Better signals are waiting requests and KV-cache usage.", 0.82), ("A GPU running a decode loop looks busy at almost any load.", 0.70));
        var answerer = new ExtractiveAnswerer(new FixedSearch(scaling, Hnsw), scorer);

        var answer = await answerer.AnswerAsync(new Question("Our GPU looks busy at low load; what should we scale on?"), CancellationToken.None);

        Assert.True(answer.Found);
        Assert.Contains("Better signals are waiting requests", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kernel launches", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_SharedWordsButNothingCloseInMeaning_IsDeclined()
    {
        var scorer = new FixedScorer(0.6, ("HNSW is a graph-based index for approximate nearest neighbour search.", 0.41), ("It trades memory for recall.", 0.38));
        var answerer = new ExtractiveAnswerer(new FixedSearch(Hnsw), scorer);

        var answer = await answerer.AnswerAsync(new Question("How much memory does the index of my photo album need?"), CancellationToken.None);

        Assert.False(answer.Found);
    }

    /// <summary>An embedder stand-in: the similarity of listed passages, 0.3 for the rest, and the calibrated bar.</summary>
    private sealed class FixedScorer(double relevantAbove, params (string Passage, double Similarity)[] similarities) : IPassageScorer
    {
        public Task<PassageScores> ScoreAsync(string question, IReadOnlyList<string> passages, CancellationToken cancellationToken) =>
            Task.FromResult(new PassageScores(
                passages.Select(p => similarities.Where(s => s.Passage == p).Select(s => s.Similarity).DefaultIfEmpty(0.3).First()).ToList(), relevantAbove));
    }
}

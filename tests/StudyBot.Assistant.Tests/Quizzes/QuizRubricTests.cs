using StudyBot.Assistant.Quizzes.Questions;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Assistant.Tests.Quizzes;

/// <summary>The rubric on the questions the issue saw on the sample base, and on sound ones.</summary>
public sealed class QuizRubricTests
{
    private static readonly QuizKnowledge Notes = QuizKnowledge.From(
        [.. KnowledgeChunks.Of("vector-stores.md"), .. KnowledgeChunks.Of("fine-tuning-lora-qlora-peft.md"), .. KnowledgeChunks.Of("kubeflow-pipelines.md")]);

    public static TheoryData<string, string, string[], string> Broken => new()
    {
        { "its stem spells the answer out", "Fill in the blank: “Vector stores use approximate nearest neighbour (_____) indexes.”", ["HNSW", "IVF", "ANN", "FAISS"], "ANN" },
        { "not of the answer's kind", "Fill in the blank: “Qdrant's documentation suggests a rough total for float32 collections held in _____.”", ["RAM", "IVF", "HNSW", "FAISS"], "RAM" },
        { "refers to text it does not quote", "Fill in the blank: “It is the retrieval backbone of most _____ systems.”", ["HNSW", "FAISS", "IVF", "RAG"], "RAG" },
        { "options are not distinct", "Fill in the blank: “Databases such as Qdrant offer a network _____, persistence and filtering.”", ["APIs", "API", "SDK", "KFP"], "API" },
        { "another name or a kind of the answer", "Which term does this describe: “An unreliable way to add facts”?", ["PEFT", "Fine-tuning", "LoRA", "Adapters"], "Fine-tuning" },
        { "options are not distinct", "Which term does this describe: “An unreliable way to add facts”?", ["PEFT", "Fine-tuning", "LoRA", "QLoRA"], "Fine-tuning" },
        { "caption or label", "Fill in the blank: “Table 9: Massive Multitask Language Understanding (_____).”", ["MMLU", "GSM8k", "HNSW", "IVF"], "MMLU" },
        { "is in the stem", "Which term does this describe: “A graph-based ANN index that connects each vector to a small number of close neighbours”?", ["HNSW", "ANN", "IVF", "PQ"], "HNSW" },
        { "refers to text it does not quote", "Fill in the blank: “For the most part, we reuse data sources that have been leveraged to train other _____.”", ["LLMs", "IVF", "HNSW", "FAISS"], "LLMs" },
        { "reference or citation", "Fill in the blank: “_____ was introduced by Malkov and Yashunin (arXiv 2016, later published in IEEE TPAMI).”", ["HNSW", "IVF", "DiskANN", "PQ"], "HNSW" },
        { "is code", "Fill in the blank: “In pgvector the index must be built with `vector_cosine_ops` for _____ distance.”", ["Cosine", "HNSW", "IVF", "PQ"], "Cosine" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Problem_QuestionTheIssueSaw_IsRejectedWithItsRule(string rule, string stem, string[] options, string answer)
    {
        var problem = QuizRubric.Problem(Question(stem, options, answer), Notes);

        Assert.NotNull(problem);
        Assert.Contains(rule, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LoRA", "QLoRA")]
    [InlineData("QLoRA", "LoRA")]
    [InlineData("ANN", "DiskANN")]
    public void DistractorProblem_NameContainingTheAnswersName_IsAKindOfIt(string answer, string distractor)
    {
        var problem = QuizRubric.DistractorProblem("Fill in the blank: “Adapters are stored as artifacts next to the base model weights.”", answer, distractor, Notes);

        Assert.Contains("another name or a kind of the answer", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DistractorProblem_KindOfTheAnswerByAChainOfDeclarations_IsRejectedWhateverTheOrderOfTheChunks()
    {
        var note = KnowledgeChunks.Of("fine-tuning-lora-qlora-peft.md");
        var stem = "Which term does this describe: “A fine-tuning method that freezes the pretrained model in 4-bit NormalFloat (NF4) quantization and trains LoRA adapters in 16-bit precision on top of it”?";

        foreach (var chunks in new[] { note, note.Reverse().ToList() })
        {
            var problem = QuizRubric.DistractorProblem(stem, "QLoRA", "Parameter-efficient fine-tuning", QuizKnowledge.From(chunks));

            Assert.Contains("another name or a kind of the answer", problem, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string[], string> Sound => new()
    {
        { "Which term does this describe: “A PEFT method that freezes a pretrained weight matrix and learns its update as the product of two small low-rank matrices”?", ["LoRA", "Adapters", "IA³", "Prefix tuning"], "LoRA" },
        { "Fill in the blank: “_____ connects each vector to a small number of close neighbours and organises the graph into layers.”", ["HNSW", "IVF", "DiskANN", "PQ"], "HNSW" },
        { "Which term does this describe: “A library of ANN algorithms, not a database: you embed it in your own process and handle persistence and metadata yourself”?", ["FAISS", "Qdrant", "Milvus", "Weaviate"], "FAISS" },
    };

    [Theory]
    [MemberData(nameof(Sound))]
    public void Problem_QuestionATeacherWouldSign_IsNull(string stem, string[] options, string answer) =>
        Assert.Null(QuizRubric.Problem(Question(stem, options, answer), Notes));

    private static QuizQuestion Question(string stem, string[] options, string answer) =>
        new("q", "c", "h", "topic", stem, options, Array.IndexOf(options, answer), "", "", new Citation(1, "t", "knowledge", "x.md", null, "", ""));
}

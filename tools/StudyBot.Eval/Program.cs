using StudyBot.Eval;
using StudyBot.Eval.Answers;
using StudyBot.Eval.Beir;
using StudyBot.Eval.Product;
using StudyBot.Eval.Quizzes;
using StudyBot.Eval.Retrieval;

// Retrieval and answer evaluation on a BEIR-format data set, and quiz evaluation against a running host. Run in Release from the repository root:
//   dotnet run -c Release --project tools/StudyBot.Eval -- retrieval --dataset ../shared/fixtures/eval/aragog/beir --queries even
var command = EvalCommandLine.Parse(args, out var error);
if (command is null)
{
    await Console.Error.WriteLineAsync($"{error}\n\n{EvalCommandLine.Usage}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (command.Command == "quizzes")
{
    return await QuizzesCommand.RunAsync(command.Host!, command.Dataset, command.Count, command.BuildConfiguration(), Console.Out, cancel.Token);
}

BeirDataset dataset;
try
{
    dataset = await BeirDataset.LoadAsync(command.Dataset, cancel.Token);
}
catch (FileNotFoundException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

if (dataset.NotInCorpus(command.Documents) is { Count: > 0 } unknown)
{
    await Console.Error.WriteLineAsync(
        $"--documents: not in the corpus: {string.Join(", ", unknown)}. Its documents: {string.Join(", ", dataset.Corpus.Select(d => d.Id))}.");
    return 2;
}

if (command.Documents.Count > 0)
{
    dataset = dataset.Slice(command.Documents);
}

var settings = command.BuildConfiguration();
if (command.Command == "product")
{
    var product = await ProductEvaluator.RunAsync(dataset, command.Queries, settings, command.BeforeVectors, Console.Error, cancel.Token);
    ProductReportWriter.Write(product, Console.Out, command.Misses);
    return 0;
}

if (command.Command == "answers")
{
    return await AnswersCommand.RunAsync(dataset, command.Queries, settings, Console.Out, cancel.Token);
}

var report = await RetrievalEvaluator.RunAsync(dataset, command.Queries, settings, cancel.Token);
RetrievalReportWriter.Write(report, Console.Out, command.Misses);
return 0;

namespace StudyBot.Eval.Beir;

/// <summary>One line of a BEIR corpus.jsonl: a document with its title and full text.</summary>
internal sealed record BeirDocument(string Id, string Title, string Text);

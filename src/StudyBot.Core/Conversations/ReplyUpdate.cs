namespace StudyBot.Core.Conversations;

/// <summary>
/// One step of a reply while it is produced, for surfaces that show an answer as it is written (Slack's
/// chat streaming, Teams' streamed messages, server-sent events). A stream is any number of
/// <see cref="ReplyWorking"/> and <see cref="ReplyDelta"/> updates, then exactly one
/// <see cref="ReplyCompleted"/>. The completed reply is what stands: where its text is not the deltas
/// joined (a sentence the citation check removed, a fallback answer), it replaces them.
/// </summary>
public abstract record ReplyUpdate;

/// <summary>What is being done while the person waits: "Searching the knowledge base…", "Reading 3 pages…".</summary>
public sealed record ReplyWorking(string Status) : ReplyUpdate;

/// <summary>More of the answer's text, to append to the deltas before it; its citations are numbered as in the completed reply.</summary>
public sealed record ReplyDelta(string Text) : ReplyUpdate;

/// <summary>The finished reply, rendered like any other; always the last update.</summary>
public sealed record ReplyCompleted(Reply Reply) : ReplyUpdate;

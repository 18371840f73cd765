using StudyBot.Assistant.Answering.Citations;
using StudyBot.Core.Conversations;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Answering.Generative;

/// <summary>
/// The model's answer shown while it is written. Whenever a sentence is complete, the text so far goes
/// through the same citation check and numbering as the final answer, and what that adds to the text
/// already sent is reported as a <see cref="ReplyDelta"/>: an unsupported sentence is never shown, and
/// the deltas joined are the final text. When the text so far no longer reads as a continuation of what
/// was sent (the model wrote before calling a tool, a rare re-reading of a sentence), nothing more is
/// sent and the final reply replaces the preview.
/// </summary>
internal sealed class VerifiedPreview(SourceLedger ledger, Action<ReplyUpdate> report)
{
    private string _round = "";
    private string _checked = "";
    private string _sent = "";
    private bool _stopped;

    /// <summary>Takes the next piece of the current round's text.</summary>
    public void Append(string piece)
    {
        if (_stopped || piece.Length == 0)
        {
            return;
        }

        _round += piece;
        Show(CompleteSentences(_round));
    }

    /// <summary>The round ended without tool calls: its text is the answer, so the rest of it is shown.</summary>
    public void Finish()
    {
        if (!_stopped)
        {
            Show(_round);
        }
    }

    /// <summary>The round ended in tool calls: its text was not the answer, so a preview that showed some of it stops.</summary>
    public void EndRoundWithToolCalls()
    {
        _stopped |= _sent.Length > 0;
        _round = _checked = "";
    }

    private void Show(string text)
    {
        if (text.Length == 0 || text == _checked)
        {
            return;
        }

        _checked = text;
        var (shown, _) = AnswerComposer.Compose(CitationVerifier.Verify(text, ledger.TextOf).Text, ledger);
        if (!shown.StartsWith(_sent, StringComparison.Ordinal))
        {
            _stopped = true;
            return;
        }

        if (shown.Length > _sent.Length)
        {
            report(new ReplyDelta(shown[_sent.Length..]));
            _sent = shown;
        }
    }

    /// <summary>
    /// The text up to the last sentence that is surely finished: whole lines, and on the last line the
    /// sentences before the one still being written. A sentence of citation markers alone ("… GPU. [1]")
    /// belongs to the one before it, which therefore waits for the next.
    /// </summary>
    private static string CompleteSentences(string text)
    {
        var newline = text.LastIndexOf('\n');
        var lines = newline < 0 ? "" : text[..(newline + 1)];
        var sentences = SentenceSplitter.Split(text[(newline + 1)..]).ToList();
        var unfinished = sentences.Count - 1;
        while (unfinished > 0 && sentences[unfinished].StartsWith('['))
        {
            unfinished--;
        }

        return unfinished <= 0 ? lines : lines + string.Join(' ', sentences.Take(unfinished));
    }
}

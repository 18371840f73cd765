using System.Text;
using StudyBot.Core.Conversations;

namespace StudyBot.Host.CommandLine;

/// <summary>Plain-text rendering of a reply for the terminal.</summary>
internal static class ReplyText
{
    public static string Format(Reply reply)
    {
        switch (reply)
        {
            case AnswerReply answer:
                var text = new StringBuilder();
                if (answer.Notice is not null)
                {
                    text.Append("Note: ").AppendLine(answer.Notice).AppendLine();
                }

                text.AppendLine(answer.Text);
                if (answer.Citations.Count > 0)
                {
                    text.AppendLine().AppendLine("Sources:");
                }

                foreach (var c in answer.Citations)
                {
                    text.Append($"  [{c.Number}] {c.Title} — {c.Source}/{c.Link}");
                    text.AppendLine(c.Page is { } page ? $", page {page}" : "");
                }

                return text.ToString().TrimEnd();
            case NoticeReply notice:
                return notice.Text;
            case StatusReply status:
                return string.Join('\n', status.Status.Sources.Select(s => $"{s.Name}: {s.Documents} documents, {s.Chunks} chunks, {s.State}"));
            default:
                return reply.ToString() ?? "";
        }
    }
}

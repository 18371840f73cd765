using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Host.Api;

/// <summary>
/// The web response of each reply: its plain text (<see cref="PlainTextRenderer"/>) without the parts
/// that travel as fields of their own — an answer's citations and notice, a quiz's notice, the question that follows quiz feedback.
/// </summary>
internal sealed class ChatResponseRenderer(CitationLinks links) : IReplyRenderer<ChatResponse>
{
    private static PlainTextRenderer Text => PlainTextRenderer.Instance;

    public ChatResponse Answer(AnswerReply answer) => new(
        "answer", Text.Answer(answer with { Citations = [], Notice = null }), answer.Found, answer.AnswerId,
        answer.Citations.Select(c => CitationDto.From(c, links)).ToList(), answer.ToolsCalled, answer.PromptVersion, answer.Notice);

    public ChatResponse Notice(NoticeReply notice) => Plain("notice", notice);

    public ChatResponse Status(StatusReply status) => Plain("status", status);

    public ChatResponse QuizQuestion(QuizQuestionReply question) =>
        Plain("quiz-question", question with { Notice = null }) with { Notice = question.Notice, Quiz = QuizQuestionDto.From(question) };

    public ChatResponse QuizFeedback(QuizFeedbackReply feedback)
    {
        var next = feedback.Next as QuizQuestionReply;
        return new ChatResponse(
            "quiz-feedback", Text.QuizFeedback(next is null ? feedback : feedback with { Next = null }), feedback.Correct, null,
            [CitationDto.From(feedback.Citation, links)], Quiz: next is null ? null : QuizQuestionDto.From(next));
    }

    public ChatResponse QuizResults(QuizResultsReply results) => Plain("quiz-results", results);

    public ChatResponse Leaderboard(LeaderboardReply leaderboard) => Plain("leaderboard", leaderboard);

    private static ChatResponse Plain(string type, Reply reply) => new(type, reply.Render(Text), null, null, []);
}

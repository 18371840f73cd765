using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Assistant.Commands;
using StudyBot.Assistant.Quizzes;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Host.Tests.Quizzes;

/// <summary>The real host on the test corpus with a fake clock and a recorder of what quizzes post into the "classroom" channel.</summary>
internal sealed class QuizTestHost : IAsyncDisposable
{
    public const string Channel = "classroom";
    public const string Room = "room-1";

    private readonly StudyBotHost _factory;
    private readonly WebApplicationFactory<Program> _host;

    private QuizTestHost(string data, string corpus, FakeTimeProvider time)
    {
        Time = time;
        _factory = new StudyBotHost(data, corpus, new Dictionary<string, string?> { ["StudyBot:Quiz:PacerSeconds"] = "60" });
        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IReplyPoster>(Posts);
        }));
    }

    public FakeTimeProvider Time { get; }

    public RecordingPoster Posts { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public ConversationEngine Engine => _host.Services.GetRequiredService<ConversationEngine>();

    public QuizRunner Runner => _host.Services.GetRequiredService<QuizRunner>();

    public IQuizStore Store => _host.Services.GetRequiredService<IQuizStore>();

    public static async Task<QuizTestHost> StartAsync(string data, string corpus, FakeTimeProvider time)
    {
        var host = new QuizTestHost(data, corpus, time);
        host.Client = host._host.CreateClient();
        host.Client.DefaultRequestHeaders.Add("X-Admin-Key", StudyBotHost.AdminKey);
        await StudyBotHost.WaitForIngestionAsync(host.Client);
        return host;
    }

    public Task<Reply> SayAsync(string user, string text, bool personal = false, string conversation = Room) =>
        Engine.HandleAsync(new IncomingMessage(new ConversationAddress(Channel, conversation), user, text, Personal: personal), CancellationToken.None);

    public Task<Reply> PressAsync(string user, string actionId, string value, string conversation = Room) =>
        Engine.HandleActionAsync(new IncomingAction(new ConversationAddress(Channel, conversation), user, actionId, value), CancellationToken.None);

    /// <summary>Presses option <paramref name="option"/> of question <paramref name="index"/>.</summary>
    public Task<Reply> AnswerAsync(string user, string sessionId, int index, int option, string conversation = Room) =>
        PressAsync(user, QuizAction.Answer, QuizAction.Value(sessionId, index, option), conversation);

    public async Task<QuizQuestion> QuestionAsync(string sessionId, int index)
    {
        var session = await Store.GetSessionAsync(sessionId, CancellationToken.None);
        return (await Store.GetQuestionsAsync([session!.QuestionIds[index]], CancellationToken.None)).Single();
    }

    public async Task<int> CorrectAsync(string sessionId, int index) => (await QuestionAsync(sessionId, index)).CorrectOption;

    public async Task<int> WrongAsync(string sessionId, int index) => ((await QuestionAsync(sessionId, index)).CorrectOption + 1) % 4;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }
}

/// <summary>What quizzes post unprompted (next questions, results), in order.</summary>
internal sealed class RecordingPoster : IReplyPoster
{
    private readonly ConcurrentQueue<(ConversationAddress Conversation, Reply Reply)> _posts = new();
    private readonly SemaphoreSlim _posted = new(0);

    public string Channel => QuizTestHost.Channel;

    public IReadOnlyList<(ConversationAddress Conversation, Reply Reply)> All => [.. _posts];

    public Task PostAsync(ConversationAddress conversation, Reply reply, CancellationToken cancellationToken)
    {
        _posts.Enqueue((conversation, reply));
        _posted.Release();
        return Task.CompletedTask;
    }

    /// <summary>Waits until at least <paramref name="count"/> posts were made (by the test's own call or the background pacer).</summary>
    public async Task<IReadOnlyList<(ConversationAddress Conversation, Reply Reply)>> WaitForAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_posts.Count < count)
        {
            await _posted.WaitAsync(timeout.Token);
        }

        return All;
    }
}

using System.Text.Json.Nodes;

namespace StudyBot.Slack.Tests.Fakes;

/// <summary>The fake workspace's messages by channel and thread, as conversations.replies returns them.</summary>
internal sealed class FakeThreadStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, string Thread), List<JsonObject>> _threads = [];
    private readonly Dictionary<(string Channel, string Ts), JsonObject> _messages = [];

    public void Add(string channel, string threadTs, JsonObject message)
    {
        lock (_gate)
        {
            if (!_threads.TryGetValue((channel, threadTs), out var thread))
            {
                _threads[(channel, threadTs)] = thread = [];
            }

            thread.Add(message);
            _messages[(channel, (string)message["ts"]!)] = message;
        }
    }

    /// <summary>Applies chat.update: false when no such message exists.</summary>
    public bool Update(string channel, string ts, JsonNode? text, JsonNode? blocks)
    {
        lock (_gate)
        {
            if (!_messages.TryGetValue((channel, ts), out var message))
            {
                return false;
            }

            message["text"] = text?.DeepClone();
            message["blocks"] = blocks?.DeepClone();
            return true;
        }
    }

    /// <summary>Applies <paramref name="change"/> to a message; false when there is none or the change refuses.</summary>
    public bool Change(string channel, string ts, Func<JsonObject, bool> change)
    {
        lock (_gate)
        {
            return _messages.TryGetValue((channel, ts), out var message) && change(message);
        }
    }

    public JsonObject? Find(string channel, string ts)
    {
        lock (_gate)
        {
            return _messages.TryGetValue((channel, ts), out var message) ? (JsonObject)message.DeepClone() : null;
        }
    }

    /// <summary>Applies chat.delete: false when no such message exists.</summary>
    public bool Delete(string channel, string ts)
    {
        lock (_gate)
        {
            if (!_messages.Remove((channel, ts), out var message))
            {
                return false;
            }

            foreach (var thread in _threads.Values)
            {
                thread.Remove(message);
            }

            return true;
        }
    }

    public JsonArray Replies(string channel, string threadTs)
    {
        lock (_gate)
        {
            var messages = _threads.TryGetValue((channel, threadTs), out var thread) ? thread : [];
            return new JsonArray([.. messages.OrderBy(m => (string?)m["ts"], StringComparer.Ordinal).Select(m => m.DeepClone())]);
        }
    }
}

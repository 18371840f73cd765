using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace StudyBot.Knowledge.Embeddings.Local;

/// <summary>
/// One loaded packaged model: its WordPiece tokenizer and two ONNX Runtime sessions (questions and
/// background work, see <see cref="ModelWorkload"/>), each opened on first use. Opening one takes
/// about half a second and 100 MB, so each model is loaded once per process and shared by every host
/// in it (tests start many); the sessions are thread-safe and live as long as the process.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Loaded once per process and kept until it exits.")]
internal sealed class LocalModelRuntime
{
    private static readonly ConcurrentDictionary<string, Lazy<LocalModelRuntime>> Loaded = new(StringComparer.Ordinal);

    /// <summary>Vectors remembered per process (about 25 MB): repeated texts, and every host of a test run on the same files.</summary>
    private const int RememberedTexts = 16_384;

    private readonly ConcurrentDictionary<string, float[]> _recent = new(StringComparer.Ordinal);

    private readonly BertTokenizer _tokenizer;
    private string[] _outputNames = [];
    private readonly Lazy<InferenceSession> _foreground;
    private readonly Lazy<InferenceSession> _background;

    private LocalModelRuntime(PackagedModel model)
    {
        Model = model;
        using (var vocabulary = model.Open("vocab.txt"))
        {
            _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        }

        _foreground = new Lazy<InferenceSession>(() => OpenSession(Environment.ProcessorCount, spinning: true));
        _background = Environment.ProcessorCount > 1 ? new Lazy<InferenceSession>(() => OpenSession(Environment.ProcessorCount - 1, spinning: false)) : _foreground;
    }

    public PackagedModel Model { get; }

    public static LocalModelRuntime For(PackagedModel model) =>
        Loaded.GetOrAdd(model.Id, _ => new Lazy<LocalModelRuntime>(() => new LocalModelRuntime(model))).Value;

    public float[]? Recall(string text) => _recent.TryGetValue(text, out var vector) ? vector : null;

    public void Remember(string text, float[] vector)
    {
        if (_recent.Count >= RememberedTexts)
        {
            _recent.Clear();
        }

        _recent[text] = vector;
    }

    /// <summary>WordPiece ids of <paramref name="text"/> without [CLS]/[SEP], cut at <paramref name="max"/>.</summary>
    public IReadOnlyList<int> Tokenize(string text, int max)
    {
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        return ids.Count <= max ? ids : ids.Take(max).ToArray();
    }

    /// <summary>[CLS] text [SEP], truncated to the model's window.</summary>
    public int[] Encode(string text) =>
        [_tokenizer.ClassificationTokenId, .. Tokenize(text, Model.MaxTokens - 2), _tokenizer.SeparatorTokenId];

    /// <summary>Runs one padded batch and returns the last hidden states, [batch, length, dimensions].</summary>
    public float[] Forward(IReadOnlyList<int[]> batch, ModelWorkload workload, out int length, CancellationToken cancellationToken)
    {
        length = batch.Max(ids => ids.Length);
        var count = batch.Count;
        var ids = new long[count * length];
        var mask = new long[count * length];
        var types = new long[count * length];
        for (var b = 0; b < count; b++)
        {
            for (var t = 0; t < batch[b].Length; t++)
            {
                ids[b * length + t] = batch[b][t];
                mask[b * length + t] = 1;
            }
        }

        long[] shape = [count, length];
        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var attention = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var tokenTypes = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var run = new RunOptions();
        using var cancel = cancellationToken.Register(() => run.Terminate = true);
        try
        {
            var session = workload == ModelWorkload.Background ? _background.Value : _foreground.Value;
            using var outputs = session.Run(run, ["input_ids", "attention_mask", "token_type_ids"], [inputIds, attention, tokenTypes], _outputNames);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    /// <summary>
    /// The work is matrix products (about 7 GFLOP for a 300-token chunk), so its speed is the cores'.
    /// Foreground (questions): every core, with worker threads spinning between the model's ~100
    /// small operations, since waking sleeping threads for each costs a question more than its
    /// compute. Background (chunk vectors): one core fewer, so answering keeps one. A second session
    /// costs about 70 MB (measured).
    /// </summary>
    private InferenceSession OpenSession(int threads, bool spinning)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");
        byte[] onnx;
        using (var stream = Model.Open("model.onnx"))
        using (var buffer = new MemoryStream((int)stream.Length))
        {
            stream.CopyTo(buffer);
            onnx = buffer.ToArray();
        }

        var session = new InferenceSession(onnx, options);
        _outputNames = [session.OutputMetadata.Keys.First()];
        return session;
    }
}

/// <summary>Who waits for an inference: a person asking (all cores) or the background embedding (one core fewer).</summary>
public enum ModelWorkload
{
    Foreground,
    Background,
}

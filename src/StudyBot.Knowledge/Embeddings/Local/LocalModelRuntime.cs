using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace StudyBot.Knowledge.Embeddings.Local;

/// <summary>
/// One loaded packaged model: its ONNX Runtime session and WordPiece tokenizer. Loading takes about
/// half a second and 100 MB, so each model is loaded once per process and shared by every host in it
/// (tests start many); the session is thread-safe and lives as long as the process.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Loaded once per process and kept until it exits.")]
internal sealed class LocalModelRuntime
{
    private static readonly ConcurrentDictionary<string, Lazy<LocalModelRuntime>> Loaded = new(StringComparer.Ordinal);

    /// <summary>Vectors remembered per process (about 25 MB): repeated texts, and every host of a test run on the same files.</summary>
    private const int RememberedTexts = 16_384;

    private readonly ConcurrentDictionary<string, float[]> _recent = new(StringComparer.Ordinal);

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string[] _outputNames;

    private LocalModelRuntime(PackagedModel model)
    {
        Model = model;
        using (var vocabulary = model.Open("vocab.txt"))
        {
            _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        }

        byte[] onnx;
        using (var stream = model.Open("model.onnx"))
        using (var buffer = new MemoryStream((int)stream.Length))
        {
            stream.CopyTo(buffer);
            onnx = buffer.ToArray();
        }

        using var options = new SessionOptions
        {
            // One inference at a time uses every core; a batch of one long chunk is the fastest shape
            // (larger batches spill the attention matrices out of cache).
            IntraOpNumThreads = Environment.ProcessorCount,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Idle worker threads sleep instead of spinning, so a host serving requests keeps its CPU.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _session = new InferenceSession(onnx, options);
        _outputNames = [_session.OutputMetadata.Keys.First()];
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
    public float[] Forward(IReadOnlyList<int[]> batch, out int length, CancellationToken cancellationToken)
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
            using var outputs = _session.Run(run, ["input_ids", "attention_mask", "token_type_ids"], [inputIds, attention, tokenTypes], _outputNames);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }
}

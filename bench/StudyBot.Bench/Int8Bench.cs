using System.Diagnostics;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using Onnx;
using StudyBot.Knowledge.Embeddings.Local;

namespace StudyBot.Bench;

/// <summary>
/// An experiment, not a product path: the default model with its weights quantized to int8 (ONNX Runtime's
/// dynamic quantization: each MatMul with a weight matrix becomes DynamicQuantizeMatMul, weights per column
/// symmetric int8) against the same model in float32, run as the host runs it. Prints throughput, query latency
/// and how far the int8 vectors are from the float32 ones, so the choice the README reports can be re-checked.
/// </summary>
internal static class Int8Bench
{
    public static void Run()
    {
        var model = PackagedModel.ArcticXs;
        BertTokenizer tokenizer;
        using (var vocabulary = model.Open("vocab.txt"))
        {
            tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        }

        int[] Encode(string text) => [tokenizer.ClassificationTokenId, .. tokenizer.EncodeToIds(text, addSpecialTokens: false).Take(model.MaxTokens - 2), tokenizer.SeparatorTokenId];
        var chunks = EmbedderBench.Chunks().Select(Encode).ToList();
        var questions = EmbedderBench.Questions().Select(q => Encode(model.QueryPrefix + q)).ToList();

        byte[] float32;
        using (var stream = model.Open("model.onnx"))
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            float32 = buffer.ToArray();
        }

        using var reference = Open(float32);
        foreach (var (name, bytes) in new[] { ("float32", float32), ("int8", Quantize(float32)) })
        {
            using var session = Open(bytes);
            Embed(session, chunks[0]);
            var watch = Stopwatch.StartNew();
            foreach (var chunk in chunks)
            {
                Embed(session, chunk);
            }

            var throughput = chunks.Count / watch.Elapsed.TotalSeconds;
            var latencies = new List<double>();
            foreach (var question in questions)
            {
                var started = Stopwatch.GetTimestamp();
                Embed(session, question);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            latencies.Sort();
            var cosines = chunks.Take(10).Concat(questions.Take(20)).Select(ids => Dot(Embed(reference, ids), Embed(session, ids))).ToList();
            Console.WriteLine($"{name}: {throughput:0.0} chunks/s, query p50 {latencies[latencies.Count / 2]:0.0} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:0.0} ms; cosine to float32 mean {cosines.Average():0.0000}, min {cosines.Min():0.0000}");
        }
    }

    private static InferenceSession Open(byte[] onnx)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = Environment.ProcessorCount,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new InferenceSession(onnx, options);
    }

    /// <summary>The [CLS] vector, normalised (arctic-embed pools the first token).</summary>
    private static float[] Embed(InferenceSession session, int[] ids)
    {
        long[] shape = [1, ids.Length];
        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids.Select(i => (long)i).ToArray(), shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat(1L, ids.Length).ToArray(), shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var run = new RunOptions();
        using var outputs = session.Run(run, ["input_ids", "attention_mask", "token_type_ids"], [inputIds, mask, types], [session.OutputMetadata.Keys.First()]);
        var vector = outputs[0].GetTensorDataAsSpan<float>()[..PackagedModel.ArcticXs.Dimensions].ToArray();
        var norm = MathF.Sqrt(Dot(vector, vector));
        return vector.Select(v => v / norm).ToArray();
    }

    private static float Dot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static byte[] Quantize(byte[] float32)
    {
        var model = ModelProto.Parser.ParseFrom(float32);
        var weights = model.Graph.Initializer.ToDictionary(t => t.Name);
        foreach (var node in model.Graph.Node.Where(n => n.OpType == "MatMul"))
        {
            if (!weights.TryGetValue(node.Input[1], out var weight) || weight.Dims.Count != 2 || weight.DataType != (int)TensorProto.Types.DataType.Float)
            {
                continue;
            }

            int rows = (int)weight.Dims[0], columns = (int)weight.Dims[1];
            var values = weight.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(weight.RawData.Span).ToArray() : weight.FloatData.ToArray();
            var scales = new float[columns];
            var quantized = new sbyte[rows * columns];
            for (var c = 0; c < columns; c++)
            {
                var max = 0f;
                for (var r = 0; r < rows; r++)
                {
                    max = Math.Max(max, Math.Abs(values[r * columns + c]));
                }

                scales[c] = max == 0 ? 1 : max / 127;
                for (var r = 0; r < rows; r++)
                {
                    quantized[r * columns + c] = (sbyte)Math.Clamp(MathF.Round(values[r * columns + c] / scales[c]), -127, 127);
                }
            }

            model.Graph.Initializer.Remove(weight);
            model.Graph.Initializer.Add(Tensor(weight.Name + "_int8", TensorProto.Types.DataType.Int8, MemoryMarshal.AsBytes(quantized.AsSpan()), rows, columns));
            model.Graph.Initializer.Add(Tensor(weight.Name + "_scale", TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(scales.AsSpan()), columns));
            model.Graph.Initializer.Add(Tensor(weight.Name + "_zero", TensorProto.Types.DataType.Int8, new byte[columns], columns));
            var input = node.Input[0];
            node.Input.Clear();
            node.Input.Add([input, weight.Name + "_int8", weight.Name + "_scale", weight.Name + "_zero"]);
            node.OpType = "DynamicQuantizeMatMul";
            node.Domain = "com.microsoft";
        }

        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });
        return model.ToByteArray();
    }

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, ReadOnlySpan<byte> data, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.Add(dims);
        return tensor;
    }
}

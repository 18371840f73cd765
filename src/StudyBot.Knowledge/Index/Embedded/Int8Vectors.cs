using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace StudyBot.Knowledge.Index.Embedded;

/// <summary>
/// Scalar int8 quantization for the first pass of the dense scan: a quarter of the memory
/// traffic of float32, which is what bounds a brute-force scan of 100k vectors.
/// </summary>
internal static class Int8Vectors
{
    /// <summary>Writes round(v·127/max|v|) into <paramref name="codes"/> and returns the scale that undoes it.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        var max = TensorPrimitives.MaxMagnitude(vector);
        if (max == 0)
        {
            codes.Clear();
            return 0;
        }

        var factor = 127f / MathF.Abs(max);
        for (var i = 0; i < vector.Length; i++)
        {
            codes[i] = (sbyte)MathF.Round(vector[i] * factor);
        }

        return 1f / factor;
    }

    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && a.Length >= 32)
        {
            var accumulator = Vector256<int>.Zero;
            ref var left = ref MemoryMarshal.GetReference(a);
            ref var right = ref MemoryMarshal.GetReference(b);
            for (; i <= a.Length - 32; i += 32)
            {
                var (aLow, aHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref left, (nuint)i));
                var (bLow, bHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref right, (nuint)i));
                accumulator += Avx2.MultiplyAddAdjacent(aLow, bLow) + Avx2.MultiplyAddAdjacent(aHigh, bHigh);
            }

            sum = Vector256.Sum(accumulator);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Score(int dot, float scaleA, float scaleB) => dot * scaleA * scaleB;
}

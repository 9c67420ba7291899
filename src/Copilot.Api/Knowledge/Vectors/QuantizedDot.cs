using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// The integer dot product of an 8-bit row with a 16-bit query, the inner loop of the vector scan.
/// <see cref="System.Numerics.Tensors.TensorPrimitives"/> has no widening int8 dot (its
/// <c>Dot&lt;sbyte&gt;</c> sums in 8 bits), so this uses the multiply-add-adjacent instruction
/// (<c>vpmaddwd</c>: 16-bit × 16-bit, pairs summed into 32 bits) on AVX-512 or AVX2, and a plain
/// loop elsewhere. Every path returns the same exact integer.
/// </summary>
internal static class QuantizedDot
{
    /// <summary>
    /// The largest query magnitude for which no 32-bit lane can overflow: a lane adds at most
    /// <c>length / 8</c> products of |row| ≤ 127 and |query| ≤ this.
    /// </summary>
    public static short QueryScale(int length) =>
        (short)Math.Min(short.MaxValue, (long)int.MaxValue * 8 / (127L * Math.Max(length, 8)));

    public static long Dot(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        if (Avx512BW.IsSupported && row.Length >= 32)
        {
            return Avx512(row, query);
        }
        if (Avx2.IsSupported && row.Length >= 16)
        {
            return Avx2Dot(row, query);
        }
        return Scalar(row, query, 0);
    }

    internal static long Avx512(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var q = ref MemoryMarshal.GetReference(query);
        var n = row.Length;
        var acc0 = Vector512<int>.Zero;
        var acc1 = Vector512<int>.Zero;
        var i = 0;
        for (; i <= n - 64; i += 64)
        {
            var a0 = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref r, (nuint)i));
            var a1 = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref r, (nuint)(i + 32)));
            acc0 += Avx512BW.MultiplyAddAdjacent(a0, Vector512.LoadUnsafe(ref q, (nuint)i));
            acc1 += Avx512BW.MultiplyAddAdjacent(a1, Vector512.LoadUnsafe(ref q, (nuint)(i + 32)));
        }
        for (; i <= n - 32; i += 32)
        {
            var a0 = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref r, (nuint)i));
            acc0 += Avx512BW.MultiplyAddAdjacent(a0, Vector512.LoadUnsafe(ref q, (nuint)i));
        }
        var (low, high) = Vector512.Widen(acc0);
        var (low1, high1) = Vector512.Widen(acc1);
        return Vector512.Sum(low + high + low1 + high1) + Scalar(row, query, i);
    }

    internal static long Avx2Dot(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var q = ref MemoryMarshal.GetReference(query);
        var n = row.Length;
        var acc = Vector256<int>.Zero;
        var i = 0;
        for (; i <= n - 16; i += 16)
        {
            var a = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r, (nuint)i));
            acc += Avx2.MultiplyAddAdjacent(a, Vector256.LoadUnsafe(ref q, (nuint)i));
        }
        var (low, high) = Vector256.Widen(acc);
        return Vector256.Sum(low + high) + Scalar(row, query, i);
    }

    internal static long Scalar(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query, int from)
    {
        long sum = 0;
        for (var i = from; i < row.Length; i++)
        {
            sum += row[i] * query[i];
        }
        return sum;
    }
}

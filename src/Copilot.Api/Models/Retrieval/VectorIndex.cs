using System.Numerics.Tensors;

namespace Copilot.Api.Models.Retrieval;

/// <summary>
/// Passage vectors of one tenant in one contiguous array, normalised on the way in so cosine
/// similarity is a dot product, and kept as 16-bit floats: half the memory and half the bytes a
/// scan reads (embedding cosines differ from float32 by ~1e-3, below what separates neighbours in practice).
/// Search is exact: every row is scored (blocks converted to float32 and dotted with SIMD via
/// <see cref="TensorPrimitives"/>), split across cores for large indexes, and the best k kept.
/// Rows are only appended; a rebuilt index replaces the old one.
/// </summary>
public sealed class VectorIndex
{
    private const int Block = 16;
    private const long ParallelFrom = 4_000_000;
    private Half[] _data;
    private long[] _ids;
    private byte[] _kinds;
    private string?[] _locales;

    public VectorIndex(int dimensions, int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
        capacity = Math.Max(capacity, 1);
        _data = new Half[(long)capacity * dimensions];
        _ids = new long[capacity];
        _kinds = new byte[capacity];
        _locales = new string?[capacity];
    }

    public int Dimensions { get; }
    public int Count { get; private set; }

    /// <summary>Bytes held by the vectors and their row data.</summary>
    public long MemoryBytes => (long)_data.Length * 2 + _ids.Length * (sizeof(long) + 1 + IntPtr.Size);

    public void Add(long id, byte kind, string? locale, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Expected {Dimensions} dimensions, got {vector.Length}.", nameof(vector));
        }
        if (Count == _ids.Length)
        {
            Grow();
        }
        var row = _data.AsSpan(Count * Dimensions, Dimensions);
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            var unit = new float[Dimensions];
            TensorPrimitives.Divide(vector, norm, unit);
            TensorPrimitives.ConvertToHalf(unit, row);
        }
        else
        {
            row.Clear();
        }
        _ids[Count] = id;
        _kinds[Count] = kind;
        _locales[Count] = locale;
        Count++;
    }

    /// <summary>The k rows most similar to <paramref name="query"/> (cosine), best first, among rows <paramref name="keep"/> accepts.</summary>
    public IReadOnlyList<(long Id, float Score)> Search(ReadOnlySpan<float> query, int k, Func<byte, string?, bool>? keep = null)
    {
        if (query.Length != Dimensions || k <= 0 || Count == 0)
        {
            return [];
        }
        var norm = TensorPrimitives.Norm(query);
        if (norm == 0)
        {
            return [];
        }
        var q = query.ToArray();
        var parts = (long)Count * Dimensions >= ParallelFrom ? Math.Max(1, Environment.ProcessorCount) : 1;
        var tops = new TopK[parts];
        var size = (Count + parts - 1) / parts;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, p =>
            tops[p] = Scan(q, p * size, Math.Min(Count, (p + 1) * size), k, keep));
        var merged = new TopK(k);
        foreach (var top in tops)
        {
            top.MergeInto(merged);
        }
        return merged.Sorted(1 / norm);
    }

    private TopK Scan(float[] query, int from, int to, int k, Func<byte, string?, bool>? keep)
    {
        var top = new TopK(k);
        var buffer = new float[Block * Dimensions];
        for (var start = from; start < to; start += Block)
        {
            var rows = Math.Min(Block, to - start);
            TensorPrimitives.ConvertToSingle(_data.AsSpan(start * Dimensions, rows * Dimensions), buffer.AsSpan(0, rows * Dimensions));
            for (var r = 0; r < rows; r++)
            {
                var i = start + r;
                if (keep is not null && !keep(_kinds[i], _locales[i]))
                {
                    continue;
                }
                top.Offer(_ids[i], TensorPrimitives.Dot(query, buffer.AsSpan(r * Dimensions, Dimensions)));
            }
        }
        return top;
    }

    private void Grow()
    {
        var capacity = _ids.Length * 2;
        Array.Resize(ref _data, capacity * Dimensions);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _kinds, capacity);
        Array.Resize(ref _locales, capacity);
    }

    /// <summary>The best k seen so far, in a small array kept sorted (k is a handful).</summary>
    private sealed class TopK(int k)
    {
        private readonly long[] _ids = new long[k];
        private readonly float[] _scores = new float[k];
        private int _count;

        public void Offer(long id, float score)
        {
            if (_count == k && score <= _scores[k - 1])
            {
                return;
            }
            var at = _count == k ? k - 1 : _count++;
            while (at > 0 && _scores[at - 1] < score)
            {
                _scores[at] = _scores[at - 1];
                _ids[at] = _ids[at - 1];
                at--;
            }
            _scores[at] = score;
            _ids[at] = id;
        }

        public void MergeInto(TopK other)
        {
            for (var i = 0; i < _count; i++)
            {
                other.Offer(_ids[i], _scores[i]);
            }
        }

        public IReadOnlyList<(long Id, float Score)> Sorted(float scale)
        {
            var result = new (long, float)[_count];
            for (var i = 0; i < _count; i++)
            {
                result[i] = (_ids[i], _scores[i] * scale);
            }
            return result;
        }
    }
}

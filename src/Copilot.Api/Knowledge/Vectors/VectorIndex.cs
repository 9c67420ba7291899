using System.Numerics.Tensors;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// Passage vectors of one tenant, normalised on the way in so cosine similarity is a dot product,
/// and stored in two 8-bit layers: a coarse row <c>a</c> with a per-row step <c>s</c>, and a fine
/// row <c>r</c> holding what the coarse one left, in steps of <c>s / 254</c>. A stored component is
/// <c>s·a + s/254·r</c>, within <c>s/508</c> of the input — for typical components closer than a 16-bit float, in the
/// same two bytes.
/// <para>
/// Search is exact top-k over the stored vectors, in two passes. The scan reads only the coarse
/// rows (one byte a component) against a 16-bit copy of the query, and gives every row a score
/// with a proven error bound. A row whose best possible score is below the k-th best worst-case
/// score cannot be in the top k and is dropped; the rest are scored again at full stored
/// precision. Nothing the bound cannot rule out is ever dropped, so the answer is the exact
/// top-k, while the scan moves half the bytes.
/// </para>
/// Rows are only appended; a rebuilt index replaces the old one.
/// </summary>
public sealed class VectorIndex
{
    private const long ParallelFrom = 4_000_000;
    private const int FineSteps = 254;

    /// <summary>Slack added to every bound for float rounding in the stored steps and norms.</summary>
    private const double Rounding = 1e-6;

    private sbyte[] _coarse;
    private sbyte[] _fine;
    private float[] _step;
    private float[] _fineNorm;
    private float[] _coarseL1Half;
    private long[] _ids;
    private byte[] _kinds;
    private string?[] _locales;

    public VectorIndex(int dimensions, int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
        capacity = Math.Max(capacity, 1);
        _coarse = new sbyte[(long)capacity * dimensions];
        _fine = new sbyte[(long)capacity * dimensions];
        _step = new float[capacity];
        _fineNorm = new float[capacity];
        _coarseL1Half = new float[capacity];
        _ids = new long[capacity];
        _kinds = new byte[capacity];
        _locales = new string?[capacity];
    }

    public int Dimensions { get; }
    public int Count { get; private set; }

    /// <summary>Bytes held by the vectors and their row data.</summary>
    public long MemoryBytes => _coarse.LongLength + _fine.LongLength
        + _ids.Length * (long)(3 * sizeof(float) + sizeof(long) + 1 + IntPtr.Size);

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
        var unit = new float[Dimensions];
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, unit);
        }
        var coarse = _coarse.AsSpan(Count * Dimensions, Dimensions);
        var fine = _fine.AsSpan(Count * Dimensions, Dimensions);
        var step = Math.Abs(TensorPrimitives.MaxMagnitude(unit)) / 127f;
        double l1 = 0, fineSquares = 0;
        if (step > 0)
        {
            var fineStep = (double)step / FineSteps;
            for (var i = 0; i < Dimensions; i++)
            {
                var a = Math.Clamp(Math.Round(unit[i] / step), -127, 127);
                var r = Math.Clamp(Math.Round((unit[i] - a * step) / fineStep), -127, 127);
                coarse[i] = (sbyte)a;
                fine[i] = (sbyte)r;
                l1 += Math.Abs(a);
                fineSquares += r * r;
            }
        }
        else
        {
            coarse.Clear();
            fine.Clear();
        }
        _step[Count] = step;
        _fineNorm[Count] = (float)((double)step / FineSteps * Math.Sqrt(fineSquares));
        _coarseL1Half[Count] = (float)(step * l1 / 2);
        _ids[Count] = id;
        _kinds[Count] = kind;
        _locales[Count] = locale;
        Count++;
    }

    /// <summary>The k rows most similar to <paramref name="query"/> (cosine), best first, among rows <paramref name="keep"/> accepts.</summary>
    public IReadOnlyList<(long Id, float Score)> Search(ReadOnlySpan<float> query, int k, Func<byte, string?, bool>? keep = null) =>
        Search(query, k, keep, out _);

    /// <param name="rescored">How many rows the bound could not rule out and were scored at full precision.</param>
    public IReadOnlyList<(long Id, float Score)> Search(ReadOnlySpan<float> query, int k, Func<byte, string?, bool>? keep, out int rescored)
    {
        rescored = 0;
        if (query.Length != Dimensions || k <= 0 || Count == 0)
        {
            return [];
        }
        var norm = TensorPrimitives.Norm(query);
        if (norm == 0)
        {
            return [];
        }
        var unit = new float[Dimensions];
        TensorPrimitives.Divide(query, norm, unit);
        var scan = ScanQuery.From(unit);

        var parts = (long)Count * Dimensions >= ParallelFrom ? Math.Max(1, Environment.ProcessorCount) : 1;
        var scans = new Pass[parts];
        var size = (Count + parts - 1) / parts;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, p =>
            scans[p] = Scan(scan, p * size, Math.Min(Count, (p + 1) * size), k, keep));

        // The k-th best worst case over all rows: a row whose best case is lower cannot be in the top k.
        var floors = new TopK(k);
        foreach (var pass in scans)
        {
            pass.Lower.MergeInto(floors);
        }
        var floor = floors.Full ? floors.Min : double.NegativeInfinity;
        var top = new TopK(k);
        var buffer = new float[Dimensions];
        foreach (var pass in scans)
        {
            foreach (var (row, upper) in pass.Candidates)
            {
                if (upper >= floor)
                {
                    rescored++;
                    top.Offer(row, Exact(row, unit, buffer));
                }
            }
        }
        return top.Results(_ids);
    }

    private Pass Scan(ScanQuery query, int from, int to, int k, Func<byte, string?, bool>? keep)
    {
        var pass = new Pass(k);
        var floor = double.NegativeInfinity;
        for (var row = from; row < to; row++)
        {
            if (keep is not null && !keep(_kinds[row], _locales[row]))
            {
                continue;
            }
            var dot = QuantizedDot.Dot(_coarse.AsSpan(row * Dimensions, Dimensions), query.Values);
            var approx = _step[row] * query.Step * dot;
            var error = _fineNorm[row] + _coarseL1Half[row] * query.Step + Rounding;
            if (approx + error < floor)
            {
                continue;
            }
            pass.Lower.Offer(row, approx - error);
            pass.Candidates.Add((row, approx + error));
            if (pass.Lower.Full)
            {
                floor = pass.Lower.Min;
                if (pass.Candidates.Count > 64 * k + 1024)
                {
                    pass.Candidates.RemoveAll(c => c.Upper < floor);
                }
            }
        }
        return pass;
    }

    /// <summary>The row's stored vector dotted with the unit query, at full stored precision.</summary>
    private double Exact(int row, float[] query, float[] buffer)
    {
        var offset = row * Dimensions;
        TensorPrimitives.ConvertChecked<sbyte, float>(_coarse.AsSpan(offset, Dimensions), buffer);
        double coarse = TensorPrimitives.Dot(buffer, query);
        TensorPrimitives.ConvertChecked<sbyte, float>(_fine.AsSpan(offset, Dimensions), buffer);
        double fine = TensorPrimitives.Dot(buffer, query);
        return _step[row] * (coarse + fine / FineSteps);
    }

    private void Grow()
    {
        var capacity = _ids.Length * 2;
        Array.Resize(ref _coarse, capacity * Dimensions);
        Array.Resize(ref _fine, capacity * Dimensions);
        Array.Resize(ref _step, capacity);
        Array.Resize(ref _fineNorm, capacity);
        Array.Resize(ref _coarseL1Half, capacity);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _kinds, capacity);
        Array.Resize(ref _locales, capacity);
    }

    /// <summary>
    /// The unit query as 16-bit integers, <c>q ≈ Step·Values</c>, each within <c>Step/2</c>; the
    /// coarse score of a row is then off by at most <c>s·‖a‖₁·Step/2</c> from <c>s·a·q</c>, and the
    /// fine layer adds at most <c>‖s/254·r‖₂</c> (the query is a unit vector).
    /// </summary>
    private sealed record ScanQuery(short[] Values, double Step)
    {
        public static ScanQuery From(float[] unit)
        {
            var scale = QuantizedDot.QueryScale(unit.Length);
            var step = Math.Abs((double)TensorPrimitives.MaxMagnitude(unit)) / scale;
            var values = new short[unit.Length];
            for (var i = 0; i < unit.Length; i++)
            {
                values[i] = (short)Math.Clamp(Math.Round(unit[i] / step), -scale, scale);
            }
            return new ScanQuery(values, step);
        }
    }

    /// <summary>One part's scan: the best k worst-case scores, and every row that might still beat them.</summary>
    private sealed class Pass(int k)
    {
        public TopK Lower { get; } = new(k);
        public List<(int Row, double Upper)> Candidates { get; } = [];
    }

    /// <summary>The best k seen so far, in a small array kept sorted (k is a handful).</summary>
    private sealed class TopK(int k)
    {
        private readonly int[] _rows = new int[k];
        private readonly double[] _scores = new double[k];
        private int _count;

        public bool Full => _count == k;
        public double Min => _scores[k - 1];

        public void Offer(int row, double score)
        {
            if (_count == k && score <= _scores[k - 1])
            {
                return;
            }
            var at = _count == k ? k - 1 : _count++;
            while (at > 0 && _scores[at - 1] < score)
            {
                _scores[at] = _scores[at - 1];
                _rows[at] = _rows[at - 1];
                at--;
            }
            _scores[at] = score;
            _rows[at] = row;
        }

        public void MergeInto(TopK other)
        {
            for (var i = 0; i < _count; i++)
            {
                other.Offer(_rows[i], _scores[i]);
            }
        }

        public IReadOnlyList<(long Id, float Score)> Results(long[] ids)
        {
            var result = new (long, float)[_count];
            for (var i = 0; i < _count; i++)
            {
                result[i] = (ids[_rows[i]], (float)_scores[i]);
            }
            return result;
        }
    }
}

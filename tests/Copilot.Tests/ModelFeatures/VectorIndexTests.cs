using System.Runtime.Intrinsics.X86;
using Copilot.Api.Knowledge.Vectors;

namespace Copilot.Tests.ModelFeatures;

public sealed class VectorIndexTests
{
    /// <summary>Stored components are within 1/508 of a row's largest: scores agree with float64 to well under this.</summary>
    private const double Precision = 1e-4;

    private static float[] RandomVector(Random random, int dimensions) =>
        Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>
    /// Exact top-k: every returned score is the row's true cosine, and no row left out beats the
    /// k-th returned one (both to the stored precision).
    /// </summary>
    private static void AssertExactTopK(IReadOnlyList<float[]> rows, float[] query, int k, IReadOnlyList<(long Id, float Score)> actual, Func<int, bool>? keep = null)
    {
        var truth = rows.Select((v, i) => (Id: (long)i, Score: Cosine(v, query))).Where(r => keep?.Invoke((int)r.Id) ?? true)
            .OrderByDescending(r => r.Score).ToList();
        Assert.Equal(Math.Min(k, truth.Count), actual.Count);
        var byId = truth.ToDictionary(t => t.Id, t => t.Score);
        foreach (var (id, score) in actual)
        {
            Assert.True(byId.ContainsKey(id), $"row {id} should have been filtered out");
            Assert.Equal(byId[id], score, Precision);
        }
        Assert.Equal(actual.OrderByDescending(a => a.Score).Select(a => a.Id), actual.Select(a => a.Id));
        var kth = actual[^1].Score;
        var missed = truth.Where(t => !actual.Any(a => a.Id == t.Id)).FirstOrDefault();
        Assert.True(missed == default || missed.Score <= kth + Precision, $"row {missed.Id} ({missed.Score}) beats the k-th result ({kth})");
        // Where the true gaps are wider than the stored precision, the ids are exactly the true top k.
        if (truth.Count > k && truth[k - 1].Score - truth[k].Score > 2 * Precision)
        {
            Assert.Equal(truth.Take(k).Select(t => t.Id).Order(), actual.Select(a => a.Id).Order());
        }
    }

    [Theory]
    [InlineData(8, 300)]
    [InlineData(37, 500)]
    [InlineData(1536, 400)]
    public void TopKIsTheExactCosineRankingForAnyDimension(int dimensions, int count)
    {
        var random = new Random(dimensions);
        var index = new VectorIndex(dimensions, 4);
        var rows = new List<float[]>();
        for (var i = 0; i < count; i++)
        {
            rows.Add(RandomVector(random, dimensions));
            index.Add(i, (byte)(i % 3), i % 2 == 0 ? "en" : "de", rows[^1]);
        }
        for (var q = 0; q < 5; q++)
        {
            var query = RandomVector(random, dimensions);
            AssertExactTopK(rows, query, 5, index.Search(query, 5));
            AssertExactTopK(rows, query, 40, index.Search(query, 40));
            AssertExactTopK(rows, query, 5, index.Search(query, 5, (kind, locale) => kind == 1 && locale == "de"), i => i % 3 == 1 && i % 2 == 1);
        }
    }

    [Fact]
    public void NearDuplicatesTheCoarseScanCannotTellApartAreRankedAtFullPrecision()
    {
        // 2,000 rows within 0.2% of one direction: the coarse bounds overlap for nearly all of them,
        // so the order must come from the second pass.
        var random = new Random(11);
        var center = RandomVector(random, 256);
        var index = new VectorIndex(256, 16);
        var rows = new List<float[]>();
        for (var i = 0; i < 2000; i++)
        {
            rows.Add(center.Select(c => c + (float)((random.NextDouble() * 2 - 1) * 0.002)).ToArray());
            index.Add(i, 0, null, rows[^1]);
        }
        var query = center.Select(c => c + (float)((random.NextDouble() * 2 - 1) * 0.01)).ToArray();

        var top = index.Search(query, 10, null, out var rescored);

        AssertExactTopK(rows, query, 10, top);
        Assert.True(rescored > 10, "near-duplicates should need the full-precision pass");
    }

    [Fact]
    public void TheBoundRulesOutMostRowsOfALargeIndex()
    {
        var random = new Random(5);
        var index = new VectorIndex(384, 20_000);
        var rows = new List<float[]>();
        for (var i = 0; i < 20_000; i++)
        {
            rows.Add(RandomVector(random, 384));
            index.Add(i, 0, null, rows[^1]);
        }
        var query = RandomVector(random, 384);

        var top = index.Search(query, 5, null, out var rescored);

        AssertExactTopK(rows, query, 5, top);
        Assert.InRange(rescored, 5, 2_000);
    }

    [Fact]
    public void ZeroVectorsAndQueriesAreHandled()
    {
        var index = new VectorIndex(16);
        index.Add(1, 0, null, new float[16]);
        var one = new float[16];
        one[3] = 2;
        index.Add(2, 0, null, one);

        Assert.Empty(index.Search(new float[16], 5));
        var top = index.Search(one, 5);
        Assert.Equal([2L, 1L], top.Select(t => t.Id));
        Assert.Equal(1.0, top[0].Score, Precision);
        Assert.Equal(0.0, top[1].Score, Precision);
        Assert.Empty(index.Search(new float[15], 5));
    }

    [Fact]
    public void TheIndexGrowsPastItsFirstCapacity()
    {
        var random = new Random(3);
        var index = new VectorIndex(24, 1);
        var rows = Enumerable.Range(0, 100).Select(_ => RandomVector(random, 24)).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            index.Add(i, 0, null, rows[i]);
        }
        Assert.Equal(100, index.Count);
        AssertExactTopK(rows, rows[42], 3, index.Search(rows[42], 3));
        Assert.Equal(42, index.Search(rows[42], 1)[0].Id);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(33)]
    [InlineData(100)]
    [InlineData(1536)]
    [InlineData(3072)]
    public void EveryDotProductPathGivesTheSameExactInteger(int length)
    {
        var random = new Random(length);
        var row = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var scale = QuantizedDot.QueryScale(length);
        var query = Enumerable.Range(0, length).Select(_ => (short)random.Next(-scale, scale + 1)).ToArray();
        long expected = 0;
        for (var i = 0; i < length; i++)
        {
            expected += row[i] * query[i];
        }
        // The extreme case: every product at its largest, all of one sign.
        var extremeRow = Enumerable.Repeat((sbyte)-127, length).ToArray();
        var extremeQuery = Enumerable.Repeat((short)-scale, length).ToArray();
        var extreme = 127L * scale * length;

        Assert.Equal(expected, QuantizedDot.Scalar(row, query, 0));
        Assert.Equal(expected, QuantizedDot.Dot(row, query));
        Assert.Equal(extreme, QuantizedDot.Dot(extremeRow, extremeQuery));
        if (Avx2.IsSupported && length >= 16)
        {
            Assert.Equal(expected, QuantizedDot.Avx2Dot(row, query));
            Assert.Equal(extreme, QuantizedDot.Avx2Dot(extremeRow, extremeQuery));
        }
        if (Avx512BW.IsSupported && length >= 32)
        {
            Assert.Equal(expected, QuantizedDot.Avx512(row, query));
            Assert.Equal(extreme, QuantizedDot.Avx512(extremeRow, extremeQuery));
        }
    }
}

using System.Diagnostics;
using System.Numerics.Tensors;
using Copilot.Api.Knowledge.Vectors;

namespace Copilot.Benchmarks.Models;

/// <summary>
/// Exact top-5 cosine search over N 1,536-dimension vectors, timed side by side with a float16
/// full scan (the same two bytes a component), and the memory the index takes. Two data sets:
/// uniform random vectors, and clustered ones shaped like real embeddings (a direction all texts
/// share, a topic each, and noise), where many rows score close to the best and the bound has
/// less room to rule rows out.
/// </summary>
internal static class VectorBenchmark
{
    public static (VectorIndex Index, List<double> Samples) Run(int passages, int dimensions, int queries)
    {
        var uniform = Measure("uniform", passages, dimensions, queries, Uniform(dimensions));
        GC.Collect();
        _ = Measure("clustered", passages, dimensions, queries, Clustered(dimensions));
        return uniform;
    }

    private static (VectorIndex Index, List<double> Samples) Measure(string name, int passages, int dimensions, int queries, Func<Random, bool, float[]> next)
    {
        var random = new Random(42);
        var rows = Enumerable.Range(0, passages).Select(_ => next(random, false)).ToList();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new VectorIndex(dimensions, passages);
        for (var i = 0; i < passages; i++)
        {
            index.Add(i, (byte)(i % 4), null, rows[i]);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var baseline = new Float16Scan(dimensions, passages);
        rows.ForEach(r => baseline.Add(r));
        rows.Clear();
        Console.WriteLine($"vectors ({name}): {passages:N0} x {dimensions} in two 8-bit layers, index {index.MemoryBytes / 1024.0 / 1024.0:0.0} MiB (managed heap grew {(after - before) / 1024.0 / 1024.0:0.0} MiB)");

        var samples = new List<double>(queries);
        var baselineSamples = new List<double>(queries);
        var rescored = new List<int>(queries);
        var agreed = 0;
        for (var q = 0; q < queries + 5; q++)
        {
            var query = next(random, true);
            var started = Stopwatch.GetTimestamp();
            var top = index.Search(query, 5, null, out var exact);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var unit = new float[dimensions];
            TensorPrimitives.Divide(query, TensorPrimitives.Norm(query), unit);
            started = Stopwatch.GetTimestamp();
            var baselineBest = baseline.Best(unit, 5);
            var baselineElapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (top.Count != 5)
            {
                throw new InvalidOperationException("Search returned fewer than 5.");
            }
            if (q >= 5)
            {
                samples.Add(elapsed);
                baselineSamples.Add(baselineElapsed);
                rescored.Add(exact);
                agreed += baselineBest == top[0].Id ? 1 : 0;
            }
        }
        rescored.Sort();
        Console.WriteLine($"vectors ({name}): rows re-scored at full precision per query: median {rescored[rescored.Count / 2]:N0}, max {rescored[^1]:N0}; float16 scan found the same best row for {agreed} of {queries}");
        Console.WriteLine(Percentiles.Line($"vector top-5 ({name}), float16 full scan (baseline)", baselineSamples));
        Console.WriteLine(Percentiles.Line($"vector top-5 ({name}), two-layer bounded scan", samples));
        return (index, samples);
    }

    private static Func<Random, bool, float[]> Uniform(int dimensions) => (random, _) =>
        Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

    /// <summary>Rows: shared direction + one of 500 topics + noise; queries lean on a topic too.</summary>
    private static Func<Random, bool, float[]> Clustered(int dimensions)
    {
        var setup = new Random(9);
        float[] Gaussian(Random random) => Enumerable.Range(0, dimensions)
            .Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();
        var shared = Gaussian(setup);
        var topics = Enumerable.Range(0, 500).Select(_ => Gaussian(setup)).ToArray();
        return (random, isQuery) =>
        {
            var topic = topics[random.Next(topics.Length)];
            var noise = Gaussian(random);
            var weight = isQuery ? 0.9f : 0.7f;
            return Enumerable.Range(0, dimensions).Select(d => 0.8f * shared[d] + weight * topic[d] + 0.6f * noise[d]).ToArray();
        };
    }
}

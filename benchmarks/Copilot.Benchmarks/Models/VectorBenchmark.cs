using System.Diagnostics;
using Copilot.Api.Models.Retrieval;

namespace Copilot.Benchmarks.Models;

/// <summary>Exact top-5 cosine search over N random 1,536-dimension vectors, and the memory they take.</summary>
internal static class VectorBenchmark
{
    public static (VectorIndex Index, List<double> Samples) Run(int passages, int dimensions, int queries)
    {
        var random = new Random(42);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new VectorIndex(dimensions, passages);
        var vector = new float[dimensions];
        for (var i = 0; i < passages; i++)
        {
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] = (float)(random.NextDouble() * 2 - 1);
            }
            index.Add(i, (byte)(i % 4), null, vector);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"vectors: {passages:N0} x {dimensions} (stored as float16), index {index.MemoryBytes / 1024.0 / 1024.0:0.0} MiB (managed heap grew {(after - before) / 1024.0 / 1024.0:0.0} MiB)");

        var query = new float[dimensions];
        var samples = new List<double>(queries);
        for (var q = 0; q < queries + 5; q++)
        {
            for (var d = 0; d < dimensions; d++)
            {
                query[d] = (float)(random.NextDouble() * 2 - 1);
            }
            var started = Stopwatch.GetTimestamp();
            var top = index.Search(query, 5);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (top.Count != 5)
            {
                throw new InvalidOperationException("Search returned fewer than 5.");
            }
            if (q >= 5)
            {
                samples.Add(elapsed);
            }
        }
        return (index, samples);
    }
}

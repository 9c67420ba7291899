using System.Numerics.Tensors;

namespace Copilot.Benchmarks.Models;

/// <summary>
/// The baseline the index is measured against: the same rows as unit float16 vectors (also two
/// bytes a component), every row converted and dotted with the query, split across the cores.
/// Only here, to time the two designs side by side in one run.
/// </summary>
internal sealed class Float16Scan(int dimensions, int capacity)
{
    private readonly Half[] _data = new Half[(long)capacity * dimensions];
    private int _count;

    public void Add(ReadOnlySpan<float> vector)
    {
        var unit = new float[dimensions];
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), unit);
        TensorPrimitives.ConvertToHalf(unit, _data.AsSpan(_count++ * dimensions, dimensions));
    }

    public long Best(float[] query, int k)
    {
        var parts = Environment.ProcessorCount;
        var size = (_count + parts - 1) / parts;
        var best = new (long Row, float Score)[parts];
        Parallel.For(0, parts, p =>
        {
            var buffer = new float[16 * dimensions];
            var top = new PriorityQueue<long, float>();
            for (var start = p * size; start < Math.Min(_count, (p + 1) * size); start += 16)
            {
                var rows = Math.Min(16, Math.Min(_count, (p + 1) * size) - start);
                TensorPrimitives.ConvertToSingle(_data.AsSpan(start * dimensions, rows * dimensions), buffer.AsSpan(0, rows * dimensions));
                for (var r = 0; r < rows; r++)
                {
                    top.Enqueue(start + r, TensorPrimitives.Dot(query, buffer.AsSpan(r * dimensions, dimensions)));
                    if (top.Count > k)
                    {
                        top.Dequeue();
                    }
                }
            }
            while (top.Count > 1)
            {
                top.Dequeue();
            }
            top.TryPeek(out var row, out var score);
            best[p] = (row, score);
        });
        return best.MaxBy(b => b.Score).Row;
    }
}

namespace Copilot.Benchmarks.Models;

internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> samples, double p)
    {
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string Line(string name, IReadOnlyList<double> ms) =>
        $"{name}: n={ms.Count} p50={Of(ms, 50):0.000} ms p95={Of(ms, 95):0.000} ms p99={Of(ms, 99):0.000} ms max={ms.Max():0.000} ms";
}

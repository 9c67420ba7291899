namespace Copilot.Api.Analytics;

/// <summary>
/// A share with its sample: <see cref="Count"/> of <see cref="Of"/>, and the 95% Wilson score interval
/// [<see cref="Low"/>, <see cref="High"/>], which stays inside 0..1 and is honest for small samples and rates near 0 or 1.
/// </summary>
public sealed record Rate(double Value, long Count, long Of, double Low, double High)
{
    /// <summary>The 97.5th percentile of the standard normal distribution: a two-sided 95% interval.</summary>
    public const double Z = 1.959963984540054;

    /// <returns>null when the sample is empty: no rate, not 0%.</returns>
    public static Rate? Share(long count, long of)
    {
        if (of <= 0)
        {
            return null;
        }
        var (low, high) = Wilson(count, of);
        return new Rate((double)count / of, count, of, low, high);
    }

    public static (double Low, double High) Wilson(long count, long of)
    {
        var n = (double)of;
        var p = count / n;
        var z2 = Z * Z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return (Math.Round(Math.Max(0, centre - half), 4), Math.Round(Math.Min(1, centre + half), 4));
    }
}

/// <summary>
/// The difference of two shares, <c>A − B</c>, with its 95% interval by Newcombe's method (hybrid score: built
/// from each share's Wilson interval). An interval that holds 0 means the samples cannot tell the two apart.
/// </summary>
public sealed record RateDifference(double Value, double Low, double High)
{
    public static RateDifference? Of(Rate? a, Rate? b)
    {
        if (a is null || b is null)
        {
            return null;
        }
        var (p1, p2) = ((double)a.Count / a.Of, (double)b.Count / b.Of);
        var d = p1 - p2;
        var low = d - Math.Sqrt(Square(p1 - a.Low) + Square(b.High - p2));
        var high = d + Math.Sqrt(Square(a.High - p1) + Square(p2 - b.Low));
        return new RateDifference(Math.Round(d, 4), Math.Round(Math.Max(-1, low), 4), Math.Round(Math.Min(1, high), 4));
    }

    private static double Square(double x) => x * x;
}

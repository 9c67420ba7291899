namespace Copilot.Api.Feedback;

/// <summary>
/// How much an agent changed a suggestion before sending it: a word-level Levenshtein
/// distance (words inserted, deleted or replaced) and that distance over the longer text's
/// word count. Words, not characters, because that is how agents edit and how leads read it.
/// </summary>
public static class EditSize
{
    public readonly record struct Result(int Distance, double Ratio);

    public static Result Measure(string suggested, string sent)
    {
        var a = Words(suggested);
        var b = Words(sent);
        var longer = Math.Max(a.Length, b.Length);
        if (longer == 0)
        {
            return new Result(0, 0);
        }
        var distance = Distance(a, b);
        return new Result(distance, Math.Round((double)distance / longer, 4));
    }

    private static string[] Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Distance(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

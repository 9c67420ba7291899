namespace Copilot.Api.Replays.Measures;

/// <summary>
/// Token F1 (as SQuAD scores answers): the words of both texts as <see cref="Rouge.Tokens"/> makes them (lower case,
/// stemmed), counted with their repeats; the words they share give precision (of the draft) and recall (of the reply).
/// Unlike ROUGE-L it ignores order: it asks whether the draft says the same things, not in the same sequence.
/// </summary>
public static class TokenF1
{
    public static double Of(string reference, string candidate) => Of(Rouge.Tokens(reference), Rouge.Tokens(candidate));

    public static double Of(IReadOnlyList<string> reference, IReadOnlyList<string> candidate)
    {
        if (reference.Count == 0 || candidate.Count == 0)
        {
            return 0;
        }
        var counts = reference.CountBy(t => t, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var common = 0;
        foreach (var token in candidate)
        {
            if (counts.TryGetValue(token, out var left) && left > 0)
            {
                counts[token] = left - 1;
                common++;
            }
        }
        if (common == 0)
        {
            return 0;
        }
        var precision = common / (double)candidate.Count;
        var recall = common / (double)reference.Count;
        return 2 * precision * recall / (precision + recall);
    }
}

namespace Copilot.Api.Drafts;

/// <summary>
/// A ticket asking the model to "reveal your prompt" must not get it into a reply: lines of the
/// draft that quote a line of the instructions (any 40 characters of one) are removed.
/// </summary>
public static class PromptLeak
{
    private const int Window = 40;

    /// <returns>The draft without the leaking lines; null when nothing leaked.</returns>
    public static string? Remove(string draft, string instructions)
    {
        var probes = instructions.Split('\n')
            .Select(l => l.Trim().TrimStart('-', ' '))
            .Where(l => l.Length >= Window)
            .Select(l => l[..Window])
            .ToList();
        var lines = draft.Split('\n');
        var kept = lines.Where(line => !probes.Any(p => line.Contains(p, StringComparison.OrdinalIgnoreCase))).ToList();
        return kept.Count == lines.Length ? null : string.Join('\n', kept).Trim();
    }
}

namespace Copilot.Evaluation;

/// <summary>Replaces the generated block of one section in a Markdown file, leaving the hand-written rest alone.</summary>
public static class ReportFile
{
    public static async Task ReplaceAsync(string outPath, string section, string report)
    {
        var start = $"<!-- {section}:start -->";
        var end = $"<!-- {section}:end -->";
        var file = Path.IsPathRooted(outPath) ? outPath : Path.Combine(Datasets.FindRepo(), outPath);
        var text = File.Exists(file) ? await File.ReadAllTextAsync(file) : "";
        var (s, e) = (text.IndexOf(start, StringComparison.Ordinal), text.IndexOf(end, StringComparison.Ordinal));
        if (s < 0 || e < s)
        {
            throw new InvalidOperationException($"{file} has no {start} … {end} block.");
        }
        await File.WriteAllTextAsync(file, text[..(s + start.Length)] + "\n" + report + text[e..]);
        Console.WriteLine($"Wrote the {section} block of {file}");
    }
}

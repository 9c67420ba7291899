using System.Runtime.InteropServices;

namespace Copilot.Benchmarks;

/// <summary>Machine facts and the shared results file every benchmark writes its own section of.</summary>
public static class BenchmarkReport
{
    public static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Copilot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Copilot.sln not found above " + AppContext.BaseDirectory);
    }

    public static string MachineInfo()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} logical cores, " +
               $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>1-, 5- and 15-minute load averages: on a shared machine, how busy it was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Replaces the block between <c>&lt;!-- {key}:start --&gt;</c> and <c>&lt;!-- {key}:end --&gt;</c>, appending it when absent.</summary>
    public static async Task WriteSectionAsync(string outPath, string key, string content)
    {
        var file = Path.IsPathRooted(outPath) ? outPath : Path.Combine(FindRepo(), outPath);
        var start = $"<!-- {key}:start -->";
        var end = $"<!-- {key}:end -->";
        var text = File.Exists(file) ? await File.ReadAllTextAsync(file) : "# Benchmarks\n";
        var (s, e) = (text.IndexOf(start, StringComparison.Ordinal), text.IndexOf(end, StringComparison.Ordinal));
        var block = $"{start}\n{content.TrimEnd()}\n{end}";
        text = s >= 0 && e > s
            ? text[..s] + block + text[(e + end.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        await File.WriteAllTextAsync(file, text);
        Console.WriteLine($"Wrote {file}");
    }
}

namespace Copilot.Benchmarks.Models;

/// <summary>
/// Figures of the model feature (docs/benchmarks.md, "Models"):
/// <c>stream</c> — draft stream overhead over the fake model's own time to first token;
/// <c>prompt</c> — redaction plus draft prompt building for a 20,000-character thread;
/// <c>vectors</c> — hybrid search over 100,000 passages with 1,536-dimension vectors.
/// </summary>
public static class ModelBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var iterations = Option(args, "--iterations", 200);
        var passages = Option(args, "--passages", 100_000);
        Console.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        if (what is "prompt" or "all")
        {
            PromptBenchmark.Run(Math.Max(iterations, 1000));
        }
        if (what is "vectors" or "all")
        {
            await HybridBenchmark.RunAsync(passages, 1536, iterations);
        }
        if (what is "stream" or "all")
        {
            await StreamBenchmark.RunAsync(iterations);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}

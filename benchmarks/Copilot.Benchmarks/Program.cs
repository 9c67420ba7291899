using System.Globalization;

namespace Copilot.Benchmarks;

/// <summary>
/// Benchmarks, one per feature, picked by the first argument:
/// <c>dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- &lt;name&gt; [--out docs/benchmarks.md]</c>.
/// Not top-level statements: the API's own <c>Program</c> (Program.Build) must stay reachable by that name.
/// </summary>
internal static class Entry
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Benchmarks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["assist"] = Assist.AssistBenchmark.RunAsync,
        ["assist-redis"] = Assist.SharedCacheBenchmark.RunAsync,
        ["ask"] = Ask.AskBenchmark.RunAsync,
        ["knowledge"] = Knowledge.KnowledgeSearchBenchmark.RunAsync,
        ["embeddings"] = Knowledge.EmbeddingBenchmark.RunAsync,
        ["models"] = async args =>
        {
            await Models.ModelBenchmark.RunAsync(args);
            return 0;
        },
        ["ingest"] = Feedback.FeedbackIngestBenchmark.RunAsync,
        ["replay"] = Replays.ReplayBenchmark.RunAsync,
        ["analytics"] = async args =>
        {
            await Analytics.AnalyticsBenchmark.RunAsync(args);
            return 0;
        },
        ["analytics-postgres"] = Analytics.PostgresAnalyticsBenchmark.RunAsync,
        ["ingest-postgres"] = Feedback.PostgresIngestBenchmark.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var run))
        {
            Console.Error.WriteLine($"Usage: dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- <{string.Join('|', Benchmarks.Keys)}> [options]");
            return 2;
        }
        return await run(args[1..]);
    }
}

using System.Globalization;
using Copilot.Benchmarks;
using Copilot.Benchmarks.Knowledge;

// Benchmarks, one per argument:
//   dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- knowledge [--out docs/benchmarks.md]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["knowledge"] = KnowledgeSearchBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"Usage: dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- <{string.Join('|', benchmarks.Keys)}> [--out docs/benchmarks.md]");
    return 2;
}
return await run(args[1..]);

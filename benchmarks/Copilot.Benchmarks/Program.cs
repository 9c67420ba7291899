namespace Copilot.Benchmarks;

/// <summary>
/// Benchmarks, one per feature, picked by the first argument:
/// <c>dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- &lt;name&gt; [options]</c>.
/// Not top-level statements: the API's own <c>Program</c> (Program.Build) must stay reachable by that name.
/// </summary>
internal static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "models":
                await Models.ModelBenchmark.RunAsync(args[1..]);
                return 0;
            default:
                Console.Error.WriteLine("usage: Copilot.Benchmarks models [stream|prompt|vectors|all] [--iterations N] [--passages N]");
                return 2;
        }
    }
}

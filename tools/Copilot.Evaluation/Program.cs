using System.Globalization;
using Copilot.Evaluation;

// Quality evaluation on public datasets. Usage:
//   dotnet run -c Release --project tools/Copilot.Evaluation [-- --out docs/evaluation.md] [--only retrieval,…]
//       [--postgres "Host=…;Database=…;Username=…"]   (adds PostgreSQL full-text rows to the retrieval tables)
// Each section writes the block between its own markers in that file (<!-- name:start --> … <!-- name:end -->).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var outPath = Arg("--out");
PostgresSchema.ConnectionString = Arg("--postgres");
var only = Arg("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();

var sections = new (string Name, Func<string, Task<string>> Run)[]
{
    ("results", RetrievalSection.RunAsync),
    ("retrieval-hybrid", HybridSection.RunAsync),
    ("intent", IntentSection.RunAsync),
    ("leak", LeakSection.RunAsync),
    ("sendability", SendabilitySection.RunAsync),
    ("grounding", GroundingSection.RunAsync),
    ("summaries", SummariesSection.RunAsync),
    ("language", LanguageSection.RunAsync),
    ("cross-language", CrossLanguageSection.RunAsync),
    ("replay", ReplaySection.RunAsync),
    ("procedures", ProceduresSection.RunAsync),
};

var shared = Datasets.FindShared();
foreach (var (name, run) in sections.Where(s => only is null || only.Contains(s.Name)))
{
    Console.WriteLine($"## {name}");
    var report = await run(shared);
    Console.Write(report);
    if (outPath is not null)
    {
        await ReportFile.ReplaceAsync(outPath, name, report);
    }
}

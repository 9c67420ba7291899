using System.Globalization;
using Copilot.Evaluation;

// Quality evaluation on public datasets. Usage:
//   dotnet run -c Release --project tools/Copilot.Evaluation [-- --out docs/evaluation.md] [--only retrieval,…]
//       [--postgres "Host=…;Database=…;Username=…"]   (adds PostgreSQL full-text rows to the retrieval tables)
// Each section writes the block between its own markers in that file (<!-- name:start --> … <!-- name:end -->).
// Any paraphrased-FAQ set, as the knowledge import and the knowledge check take it (a report of its own, to --out or the console):
//   dotnet run -c Release --project tools/Copilot.Evaluation -- --faq-articles articles.jsonl --faq-questions questions.jsonl [--out report.md]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var outPath = Arg("--out");
PostgresSchema.ConnectionString = Arg("--postgres");
if ((Arg("--faq-articles"), Arg("--faq-questions")) is var (articles, questions) && (articles ?? questions) is not null)
{
    if (articles is null || questions is null)
    {
        Console.Error.WriteLine("A FAQ set takes both files: --faq-articles articles.jsonl --faq-questions questions.jsonl.");
        return 2;
    }
    string faq;
    try
    {
        faq = await FaqSetSection.RunAsync(articles, questions);
    }
    catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
    Console.Write(faq);
    if (outPath is not null)
    {
        await File.WriteAllTextAsync(outPath, faq);
    }
    return 0;
}
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
return 0;

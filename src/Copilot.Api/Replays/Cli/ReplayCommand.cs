using System.CommandLine;

namespace Copilot.Api.Replays.Cli;

/// <summary>
/// <c>copilot replay</c>: the API's own command line for replays (<c>dotnet Copilot.Api.dll replay …</c>, or
/// <c>dotnet run --project src/Copilot.Api -- replay …</c>). It starts the application as configured (store, tenants,
/// knowledge, models — settings from appsettings, the environment, or <c>--Section:Key=value</c> after the options)
/// without serving anyone, and runs one replay in the foreground with a progress bar.
/// </summary>
public static class ReplayCommand
{
    public const string Name = "replay";

    public static int Run(string[] args)
    {
        var options = new ReplayCliOptions();
        var root = new RootCommand("Replays solved tickets through the copilot and reports how it would have done, per intent. Reads only: nothing is recorded, nothing is written to the helpdesk.")
        {
            options.Tenant, options.Source, options.File, options.From, options.To, options.Intent, options.Group, options.Count, options.Sample,
            options.Seed, options.Label, options.Resume, options.Sync, options.ReportJson, options.ReportHtml, options.CompareWith, options.CompareHtml,
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parse, cancellationToken) => ReplayCli.RunAsync(options.Read(parse), parse.UnmatchedTokens.ToArray(), cancellationToken));
        return root.Parse(args).Invoke();
    }
}

/// <summary>The options of <c>copilot replay</c>, declared once.</summary>
public sealed class ReplayCliOptions
{
    public Option<string?> Tenant { get; } = new("--tenant") { Description = "The tenant whose tickets to replay (needed when more than one is configured)." };
    public Option<string> Source { get; } = new Option<string>("--source") { Description = "helpdesk (the tenant's solved tickets) or jsonl (--file).", DefaultValueFactory = _ => ReplaySources.Helpdesk }
        .AcceptOnlyFromAmong(ReplaySources.Helpdesk, ReplaySources.Jsonl);
    public Option<FileInfo?> File { get; } = new("--file") { Description = "The JSON Lines file of solved tickets (--source jsonl)." };
    public Option<DateTimeOffset?> From { get; } = new("--from") { Description = "Tickets solved at or after this date." };
    public Option<DateTimeOffset?> To { get; } = new("--to") { Description = "Tickets solved before this date." };
    public Option<string?> Intent { get; } = new("--intent") { Description = "Only tickets of this intent." };
    public Option<string?> Group { get; } = new("--group") { Description = "Only tickets of this group (the helpdesk's group id; a JSONL file's group)." };
    public Option<int?> Count { get; } = new("--count") { Description = "At most this many tickets: the newest, or a random sample with --sample." };
    public Option<bool> Sample { get; } = new("--sample") { Description = "Draw --count tickets at random (with --seed)." };
    public Option<int?> Seed { get; } = new("--seed") { Description = "The random sample's seed: the same seed draws the same tickets." };
    public Option<string?> Label { get; } = new("--label") { Description = "A name for the run (what changed)." };
    public Option<string?> Resume { get; } = new("--resume") { Description = "Go on with an earlier run (its id) from its first ticket without a result." };
    public Option<bool> Sync { get; } = new("--sync") { Description = "Sync the tenant's knowledge from the helpdesk before replaying." };
    public Option<FileInfo?> ReportJson { get; } = new("--report-json") { Description = "Write the run's report as JSON to this file." };
    public Option<FileInfo?> ReportHtml { get; } = new("--report-html") { Description = "Write the run's report as one HTML page to this file." };
    public Option<string?> CompareWith { get; } = new("--compare-with") { Description = "An earlier run (its id) to compare this one with." };
    public Option<FileInfo?> CompareHtml { get; } = new("--compare-html") { Description = "Write the comparison with --compare-with as one HTML page to this file." };

    public ReplayCliArguments Read(ParseResult parse) => new(
        parse.GetValue(Tenant), parse.GetValue(File), parse.GetValue(Resume), parse.GetValue(Sync),
        new ReplayRequest
        {
            Source = parse.GetValue(Source) ?? ReplaySources.Helpdesk, From = parse.GetValue(From), To = parse.GetValue(To), Intent = parse.GetValue(Intent),
            Group = parse.GetValue(Group), Count = parse.GetValue(Count), Sample = parse.GetValue(Sample), Seed = parse.GetValue(Seed), Label = parse.GetValue(Label),
        },
        parse.GetValue(ReportJson), parse.GetValue(ReportHtml), parse.GetValue(CompareWith), parse.GetValue(CompareHtml));
}

public sealed record ReplayCliArguments(
    string? Tenant, FileInfo? File, string? Resume, bool Sync, ReplayRequest Request, FileInfo? ReportJson, FileInfo? ReportHtml,
    string? CompareWith, FileInfo? CompareHtml);

using System.Text.Json;
using Copilot.Api.Configuration;
using Copilot.Api.Knowledge;
using Copilot.Api.Replays.Report;
using Copilot.Api.Replays.Sources;
using Copilot.Api.Tenants;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Copilot.Api.Replays.Cli;

/// <summary>What <c>copilot replay</c> does once its options are read.</summary>
public static class ReplayCli
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int Usage = 64;
    public const int Cancelled = 130;

    public static async Task<int> RunAsync(ReplayCliArguments args, string[] settings, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        // The application as configured, serving no one: Kestrel on a free loopback port only.
        var app = Program.Build(settings, b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            // The console is the progress bar's: only warnings and errors are logged beside it.
            b.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        });
        if (StartupCheck.Problems(app.Services) is { Count: > 0 } problems)
        {
            problems.ToList().ForEach(p => Console.Error.WriteLine($"Configuration error: {p}"));
            return StartupCheck.ConfigurationErrorExitCode;
        }
        await app.StartAsync(cancellationToken);
        try
        {
            var services = app.Services;
            var store = services.GetRequiredService<ReplayStore>();
            var runner = services.GetRequiredService<ReplayRunner>();
            var (id, problem) = await OpenAsync(args, services, store, runner, cancellationToken);
            if (id is null)
            {
                Console.Error.WriteLine(problem);
                return Usage;
            }
            console.MarkupLine($"Replay [bold]{id.EscapeMarkup()}[/] — reads only: no suggestion is recorded and nothing is written to the helpdesk.");
            string status;
            try
            {
                status = await ReplayProgressView.RunAsync(console, id, store, runner, services.GetRequiredService<IOptions<ReplayOptions>>().Value, cancellationToken);
            }
            catch (ReplayBusyException e)
            {
                Console.Error.WriteLine(e.Message);
                return Usage;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await store.FinishAsync(id, ReplayStatus.Failed, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
                Console.Error.WriteLine($"The replay stopped on an unexpected error ({e.GetType().Name}: {e.Message}). Go on later with: copilot replay --resume {id}");
                return Failed;
            }
            var run = (await store.GetAsync(id, CancellationToken.None))!;
            var reports = services.GetRequiredService<ReplayReports>();
            var report = (await reports.ReportAsync(run.Tenant, id, CancellationToken.None))!;
            ReplaySummaryTable.Write(console, report);
            await WriteReportsAsync(console, args, report, reports, run.Tenant);
            if (status == ReplayStatus.Cancelled)
            {
                console.MarkupLine($"Cancelled. Go on later with: [bold]copilot replay --resume {id.EscapeMarkup()}[/]");
            }
            else if (status == ReplayStatus.Failed)
            {
                Console.Error.WriteLine($"The replay failed: {run.Error}. Go on later with: copilot replay --resume {id}");
            }
            return status switch { ReplayStatus.Done => Done, ReplayStatus.Cancelled => Cancelled, _ => Failed };
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    /// <returns>The run to work on (created, or the one to resume), or null and why not.</returns>
    private static async Task<(string? Id, string? Problem)> OpenAsync(
        ReplayCliArguments args, IServiceProvider services, ReplayStore store, ReplayRunner runner, CancellationToken cancellationToken)
    {
        if (args.Resume is { } resume)
        {
            return await store.GetAsync(resume, cancellationToken) is null ? (null, $"There is no replay run '{resume}'.") : (resume, null);
        }
        var tenants = services.GetRequiredService<TenantRegistry>();
        var all = tenants.All.ToList();
        var tenant = args.Tenant is { } name ? tenants.Find(name) : all.Count == 1 ? all[0] : null;
        if (tenant is null)
        {
            return (null, args.Tenant is null
                ? $"Name the tenant with --tenant ({string.Join(", ", all.Select(t => t.Id))})."
                : $"No tenant '{args.Tenant}' is configured.");
        }
        var errors = args.Request.Validate(services.GetRequiredService<IOptions<ReplayOptions>>().Value);
        if (errors.Count > 0)
        {
            return (null, string.Join(Environment.NewLine, errors.SelectMany(e => e.Value.Select(v => $"--{e.Key}: {v}"))));
        }
        List<ReplayCandidate>? lines = null;
        if (args.Request.Source == ReplaySources.Jsonl)
        {
            if (args.File is not { Exists: true } file)
            {
                return (null, "--source jsonl needs --file with the tickets, one JSON object a line.");
            }
            using var reader = file.OpenText();
            var (read, problems) = await JsonlTickets.ReadAsync(reader, cancellationToken);
            if (problems.Count > 0)
            {
                return (null, $"{file.Name} has tickets that do not read; nothing was started:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
            }
            lines = read;
        }
        if (args.Sync)
        {
            await services.GetRequiredService<KnowledgeSync>().RunAsync(tenant, full: true, cancellationToken);
        }
        return (await runner.CreateAsync(tenant, args.Request, lines, cancellationToken), null);
    }

    private static async Task WriteReportsAsync(IAnsiConsole console, ReplayCliArguments args, ReplayReport report, ReplayReports reports, string tenant)
    {
        if (args.ReportJson is { } json)
        {
            await WriteAsync(json, JsonSerializer.Serialize(report, ReplayReportJson.Options));
            console.MarkupLine($"Report (JSON): {json.FullName.EscapeMarkup()}");
        }
        if (args.ReportHtml is { } html)
        {
            await WriteAsync(html, ReplayHtml.Render(report));
            console.MarkupLine($"Report (HTML): {html.FullName.EscapeMarkup()}");
        }
        if (args.CompareWith is { } before && args.CompareHtml is { } compareHtml)
        {
            if (await reports.CompareAsync(tenant, before, report.Run.Id, CancellationToken.None) is { } comparison)
            {
                await WriteAsync(compareHtml, ComparisonHtml.Render(comparison));
                console.MarkupLine($"Comparison (HTML): {compareHtml.FullName.EscapeMarkup()}");
            }
            else
            {
                Console.Error.WriteLine($"No run '{before}' of tenant {tenant} to compare with.");
            }
        }
    }

    private static async Task WriteAsync(FileInfo file, string text)
    {
        file.Directory?.Create();
        await File.WriteAllTextAsync(file.FullName, text);
    }
}

using Microsoft.Extensions.Options;

namespace Copilot.Api.Configuration;

/// <summary>
/// Runs the host only when its configuration holds: otherwise writes one line per problem, each naming
/// its key, and exits without a stack trace and before anything was started or written.
/// </summary>
public static class StartupCheck
{
    public const int ConfigurationErrorExitCode = 78; // EX_CONFIG (sysexits.h)

    public static int RunOrExplain(this WebApplication app, TextWriter error)
    {
        var problems = Problems(app.Services);
        if (problems.Count == 0)
        {
            app.Run();
            return 0;
        }
        foreach (var problem in problems)
        {
            error.WriteLine($"Configuration error: {problem}");
        }
        return ConfigurationErrorExitCode;
    }

    /// <summary>Every configuration problem at once (what <c>ValidateOnStart</c> would throw at start), one line each.</summary>
    public static IReadOnlyList<string> Problems(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (Exception e) when (Lines(e, services.GetServices<CheckedSection>().ToList()) is { Count: > 0 } lines)
        {
            return lines;
        }
    }

    private static List<string> Lines(Exception e, IReadOnlyList<CheckedSection> sections) => e switch
    {
        OptionsValidationException o => o.Failures.Select(f => Keyed(f, o.OptionsType, sections)).Distinct().ToList(),
        AggregateException a => a.InnerExceptions.Select(inner => Lines(inner, sections)).All(l => l.Count > 0)
            ? a.InnerExceptions.SelectMany(inner => Lines(inner, sections)).Distinct().ToList()
            : [],
        _ => [],
    };

    /// <summary>A failure that does not name its key (<c>Copilot:…</c>, <c>OTEL_…</c>) gets its section in front.</summary>
    private static string Keyed(string failure, Type type, IReadOnlyList<CheckedSection> sections) =>
        sections.FirstOrDefault(s => s.Type == type) is { } section && !failure.Contains(section.Path, StringComparison.OrdinalIgnoreCase)
            && failure.Split(' ', 2)[0].IndexOfAny([':', '_']) < 0
            ? $"{section.Path}: {failure}"
            : failure;
}

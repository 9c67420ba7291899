using Copilot.Api.Configuration;
using Copilot.Api.Replays.Measures;
using Copilot.Api.Replays.Sources;

namespace Copilot.Api.Replays;

public static class ReplayExtensions
{
    /// <summary>
    /// Replays of solved tickets: the store of runs, the sources, the evaluation, the runner and the worker that runs the
    /// admin API's runs in the background (<c>docs/replay.md</c>).
    /// </summary>
    public static WebApplicationBuilder AddReplays(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<ReplayOptions>(ReplayOptions.Section);
        builder.Services.AddSingleton<ReplayStore>();
        builder.Services.AddSingleton<ReplayPacing>();
        builder.Services.AddSingleton<HelpdeskTickets>();
        builder.Services.AddSingleton<ArticleUse>();
        builder.Services.AddSingleton<ReplayEvaluator>();
        builder.Services.AddSingleton<ReplayRunner>();
        builder.Services.AddSingleton<ReplayReports>();
        builder.Services.AddSingleton<ReplayWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReplayWorker>());
        return builder;
    }
}

using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Copilot.Tests.ModelFeatures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Copilot.Tests.Security;

/// <summary>CR, LF, ESC and other control characters in a request never reach a log entry raw.</summary>
public sealed class LogInjectionTests
{
    private const string Forged = "%0D%0A2026-01-01 info: Copilot.Api[1] admin login ok%1B[2J%E2%80%AE%07";

    [Fact]
    public async Task ControlCharactersFromAnUnauthenticatedPathAreEscapedInEveryLogEntry()
    {
        var logs = new CapturedLogs();
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartAsync(zendesk, new Dictionary<string, string?>
        {
            // The framework's request log names the path too; let it through.
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        }, b => b.WithLogging(logs));

        using (await host.Client.PostAsync($"/api/webhooks/zendesk/x{Forged}", new StringContent("{}")))
        using (await host.Client.GetAsync($"/nowhere/{Forged}"))
        {
        }

        var entries = logs.Entries.Where(e => e.Text.Contains("admin login ok", StringComparison.Ordinal)
            || e.Values.Any(v => v.Contains("admin login ok", StringComparison.Ordinal))).ToList();
        Assert.Contains(entries, e => e.Category.StartsWith("Copilot.Api.Webhooks", StringComparison.Ordinal)); // our own log of the tenant id
        Assert.Contains(entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal)); // the framework's request log
        foreach (var entry in entries)
        {
            foreach (var text in entry.Values.Prepend(entry.Text))
            {
                Assert.DoesNotContain(text, c => char.IsControl(c) || c is '\u202E');
            }
            Assert.Contains(@"\r\n2026-01-01 info: Copilot.Api[1] admin login ok\u001B[2J\u202E\u0007", entry.Text);
        }
    }
}

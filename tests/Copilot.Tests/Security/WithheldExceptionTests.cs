using Copilot.Api.Hosting;
using Copilot.Tests.ModelFeatures;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Copilot.Tests.Security;

/// <summary>
/// An exception whose text may quote a store's statement or a helpdesk's answer is logged at Information and above
/// with its types, codes and stack trace, not its text; at Debug, as it is.
/// </summary>
public sealed class WithheldExceptionTests
{
    [Fact]
    public async Task AStoreFailureWrappedInAnotherIsLoggedWithoutItsTextAboveDebug()
    {
        var logs = new CapturedLogs();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Logging:LogLevel:Default"] = "Trace";
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.AddLogEscaping();
        await using var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Copilot.Api.Store");
        var failure = Thrown(() => throw new InvalidOperationException("Writing feedback 'my card 4111 was charged twice' failed.",
            new SqliteException("constraint failed: 'my card 4111 was charged twice'", 19)));
        var plain = Thrown(() => throw new InvalidOperationException("No such setting."));

        logger.LogError(failure, "Writing a batch failed");
        logger.LogDebug(failure, "Writing a batch failed");
        logger.LogWarning(plain, "Something else");

        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        var debug = Assert.Single(logs.Entries, e => e.Level == LogLevel.Debug && e.Category == "Copilot.Api.Store");
        var other = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.DoesNotContain("4111", error.Text);
        Assert.Contains("System.InvalidOperationException: InvalidOperationException (message withheld) ---> Microsoft.Data.Sqlite.SqliteException: SQLite error 19 (19) (message withheld)", error.Text);
        Assert.Contains(nameof(Thrown), error.Text); // the stack trace is kept
        Assert.Contains("my card 4111 was charged twice", debug.Text);
        Assert.Contains("No such setting.", other.Text);
    }

    private static Exception Thrown(Action fail)
    {
        try
        {
            fail();
        }
        catch (Exception e)
        {
            return e;
        }
        throw new InvalidOperationException("Nothing was thrown.");
    }
}

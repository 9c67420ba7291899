using System.Diagnostics;
using System.Globalization;
using Copilot.Api.Replays;
using Copilot.Fakes.Zendesk;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.Replays;

/// <summary>
/// <c>copilot replay</c> as a real process: killed (SIGKILL) in the middle of a run, then resumed by another process, it
/// counts every ticket exactly once and keeps what the first process had done.
/// </summary>
public sealed class ReplayResumeTests
{
    private const int Tickets = 30;

    [Fact]
    public async Task ARunKilledMidwayResumesWithNoTicketCountedTwice()
    {
        var data = ReplayData.Zendesk();
        var at = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
        data.Tickets.Clear();
        for (var i = 0; i < Tickets; i++)
        {
            var ticket = new FakeTicket { Id = 3000 + i, Subject = "Charged twice", Status = "solved", RequesterId = 500, AssigneeId = ReplayData.Agent, Tags = ["billing"], CreatedAt = at, UpdatedAt = at.AddMinutes(i) };
            ticket.Comments.Add(new FakeComment { Id = 30000 + 2 * i, AuthorId = 500, CreatedAt = at, HtmlBody = "<p>I was charged twice for one order. Can I get a refund?</p>" });
            ticket.Comments.Add(new FakeComment { Id = 30001 + 2 * i, AuthorId = ReplayData.Agent, CreatedAt = at.AddMinutes(1), HtmlBody = $"<p>{ReplayData.RefundArticle}</p>" });
            data.Tickets.Add(ticket);
        }
        data.Users.Add(new FakeUser { Id = 500, Name = "Ana Souza" });
        await using var zendesk = await FakeZendesk.StartAsync(data);
        // A slow helpdesk, so the run is still going when it is killed.
        zendesk.Latency = TimeSpan.FromMilliseconds(150);
        var folder = Directory.CreateTempSubdirectory("copilot-replay-kill-").FullName;
        try
        {
            var database = Path.Combine(folder, "copilot.db");
            using (var first = Start(zendesk, database, "--tenant", "acme", "--count", Tickets.ToString(CultureInfo.InvariantCulture)))
            {
                // Six tickets' comments read: about five replayed and stored, the sixth in flight.
                await WaitUntilAsync(() => zendesk.Requests.Count(r => r.Path.EndsWith("/comments", StringComparison.Ordinal)) >= 6, first);
                first.Kill(entireProcessTree: true); // SIGKILL: no chance to say goodbye.
                await first.WaitForExitAsync();
            }
            var beforeResume = await DoneAtAsync(database);
            Assert.InRange(beforeResume.Count, 1, Tickets - 1);
            var run = await TextAsync(database, "SELECT id FROM replay_runs");
            Assert.Equal(ReplayStatus.Running, await TextAsync(database, "SELECT status FROM replay_runs"));

            using (var second = Start(zendesk, database, "--resume", run!))
            {
                var output = second.StandardOutput.ReadToEndAsync();
                var errors = second.StandardError.ReadToEndAsync();
                Assert.True(second.WaitForExit(TimeSpan.FromSeconds(120)), "The resumed replay did not end.");
                Assert.True(second.ExitCode == 0, $"exit {second.ExitCode}: {await output} {await errors}");
            }

            var after = await DoneAtAsync(database);
            Assert.Equal(Tickets, after.Count);
            Assert.Equal(Tickets, after.Keys.Distinct().Count());
            // What the killed process had stored is untouched: no ticket was replayed and counted again.
            Assert.All(beforeResume, done => Assert.Equal(done.Value, after[done.Key]));
            Assert.Equal(ReplayStatus.Done, await TextAsync(database, "SELECT status FROM replay_runs"));
            // The tickets were chosen once (one export), and each read at most once more than it was counted (the one in flight when killed).
            Assert.Single(zendesk.Requests, r => r.Path == "/api/v2/incremental/tickets/cursor.json");
            Assert.InRange(zendesk.Requests.Count(r => r.Path.EndsWith("/comments", StringComparison.Ordinal)), Tickets, Tickets + 2);
            Assert.All(zendesk.Requests, r => Assert.Equal("GET", r.Method));
            Assert.Equal("0", await TextAsync(database, "SELECT CAST(COUNT(*) AS TEXT) FROM suggestions"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary><c>dotnet Copilot.Api.dll replay …</c>, configured by environment variables as an operator would.</summary>
    private static Process Start(FakeZendesk zendesk, string database, params string[] args)
    {
        var dll = ApiAssembly();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(ReplayCommandName);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var env = start.Environment;
        env["Copilot__Store__Path"] = database;
        env["Copilot__Demo__Enabled"] = "false";
        env["Copilot__Tenants__acme__Helpdesk"] = "zendesk";
        env["Copilot__Tenants__acme__BaseUrl"] = zendesk.BaseUrl.ToString();
        env["Copilot__Tenants__acme__Email"] = zendesk.Data.Email;
        env["Copilot__Tenants__acme__ApiToken"] = zendesk.Data.ApiToken;
        env["Copilot__Tenants__acme__SharedSecret"] = "acme-shared-secret-0123456789-abcdefghij-0123456789";
        env["Copilot__Tenants__acme__SyncIntervalMinutes"] = "0";
        env["Copilot__Replay__LeaseSeconds"] = "1";
        env["Copilot__Replay__Concurrency"] = "1";
        env["Copilot__Knowledge__OfflineEmbeddings"] = "false";
        return Process.Start(start)!;
    }

    private const string ReplayCommandName = Copilot.Api.Replays.Cli.ReplayCommand.Name;

    /// <summary>The API's own build of the same configuration as these tests (it is built with them, as a project they reference).</summary>
    private static string ApiAssembly()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (bin.Name, bin.Parent!.Name);
        for (var dir = bin; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Copilot.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Copilot.Api", "bin", configuration, framework, "Copilot.Api.dll");
            }
        }
        throw new FileNotFoundException("Copilot.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (process.HasExited)
            {
                Assert.Fail($"The replay ended before it was killed: {await process.StandardError.ReadToEndAsync()}");
            }
            Assert.True(DateTime.UtcNow < deadline, "The replay did not get going.");
            await Task.Delay(20);
        }
    }

    private static async Task<Dictionary<string, string>> DoneAtAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ticket_id, done_at || result_json FROM replay_tickets WHERE result_json IS NOT NULL";
        var rows = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0), reader.GetString(1));
        }
        return rows;
    }

    private static async Task<string?> TextAsync(string database, string sql)
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={database}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync() as string;
        }
        catch (SqliteException)
        {
            return null; // the schema is not there yet
        }
    }
}

using Copilot.Api.Store;
using Copilot.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Tests.Actions;

/// <summary>
/// 096_action_shown: an action shown before displays were recorded per agent keeps its one suggestion, now as the display
/// to the agent that suggestion names (no agent: ''), so that agent's next display report finds it instead of recording another.
/// </summary>
public sealed class ActionShownBackfillTests
{
    private const string Version = "096_action_shown";

    [Fact]
    public async Task AnActionShownBeforeTheMigrationIsTheDisplayToTheAgentItsSuggestionNames()
    {
        var dir = Directory.CreateTempSubdirectory("copilot-action-shown-").FullName;
        try
        {
            var db = new Db(Path.Combine(dir, "copilot.db"));
            await using (var c = await db.OpenAsync(CancellationToken.None))
            {
                await StoreBefore.ApplyAsync(c, Version);
                foreach (var (action, suggestion, agent) in new[] { ("ac_1", "sg_1", "2001"), ("ac_2", "sg_2", null), ("ac_3", null, null) })
                {
                    if (suggestion is not null)
                    {
                        await c.ExecuteAsync(
                            """
                            INSERT INTO suggestions (id, tenant, ticket_id, kind, agent_id, text, sources, provider, prompt_version, latency_ms, created_at)
                            VALUES (@suggestion, 'acme', 7, 'action', @agent, 'Set priority: normal → urgent', '[]', 'offline', 'actions-1', 0, '2026-11-02T10:00:00Z')
                            """, new { suggestion, agent });
                    }
                    await c.ExecuteAsync(
                        """
                        INSERT INTO actions (tenant, id, ticket_id, kind, source, proposal, suggestion_id, state, created_at)
                        VALUES ('acme', @action, 7, 'set-priority', 'procedure', '{}', @suggestion, 'proposed', '2026-11-02T10:00:00Z')
                        """, new { action, suggestion });
                }
            }

            await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);

            await using var after = await db.OpenAsync(CancellationToken.None);
            var rows = (await after.QueryAsync<(string, string, string, string)>(
                "SELECT tenant, action_id, agent_id, suggestion_id FROM action_shown ORDER BY action_id")).ToList();
            Assert.Equal([("acme", "ac_1", "2001", "sg_1"), ("acme", "ac_2", "", "sg_2")], rows);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}

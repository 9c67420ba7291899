using System.Net;
using System.Text;

namespace Copilot.Tests.Analytics;

public sealed class CsvExportTests
{
    private const string Tricky = "Hi \"Anna\", refund, sent\r\nLine two\nLine three";

    [Fact]
    public async Task FeedbackExportEscapesCommasQuotesAndNewlines()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var seed = new Seed(host.Db);
        await seed.SuggestionAsync("s1", 101, "draft", "a,1", "refund", "2026-11-04T09:00:00Z");
        await seed.FeedbackAsync("e1", "s1", "rejected", "2026-11-04T09:01:00Z", reason: "policy", comment: "=HYPERLINK(\"x\")", agent: "a,1");
        await seed.FeedbackAsync("e2", "s1", "edited", "2026-11-04T09:02:00Z", editRatio: 0.25, finalText: Tricky, agent: "a,1");

        using var response = await host.Client.SendAsync(host.AsAdmin("/api/analytics/export.csv?from=2026-11-01&to=2026-12-01&type=feedback&includeText=true&tenant=acme"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(["created_at", "event_id", "suggestion_id", "ticket_id", "kind", "agent_id", "intent", "outcome", "reason",
            "edit_distance", "edit_ratio", "counted", "comment", "final_text"], rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["2026-11-04T09:01:00Z", "e1", "s1", "101", "draft", "a,1", "refund", "rejected", "policy", "", "", "0", "'=HYPERLINK(\"x\")", ""], rows[1]);
        Assert.Equal(["2026-11-04T09:02:00Z", "e2", "s1", "101", "draft", "a,1", "refund", "edited", "", "25", "0.25", "1", "", Tricky], rows[2]);
    }

    [Fact]
    public async Task WithoutIncludeTextNoAgentTextIsExported()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var seed = new Seed(host.Db);
        await seed.SuggestionAsync("s1", 101, "draft", "a1", "refund", "2026-11-04T09:00:00Z", text: "SECRET suggestion text");
        await seed.FeedbackAsync("e1", "s1", "edited", "2026-11-04T09:02:00Z", editRatio: 0.5, finalText: "SECRET final text", comment: "SECRET comment");

        foreach (var type in new[] { "feedback", "suggestions" })
        {
            using var response = await host.Client.SendAsync(host.AsAdmin($"/api/analytics/export.csv?from=2026-11-01&to=2026-12-01&type={type}&tenant=acme"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
            Assert.Equal(2, Parse(text).Count);
        }
    }

    [Fact]
    public async Task ExportsStreamAsAnAttachment()
    {
        await using var host = await AnalyticsHost.StartAsync();
        await using (var c = await host.Db.OpenAsync(CancellationToken.None))
        await using (var tx = await c.BeginTransactionAsync())
        {
            for (var i = 0; i < 5000; i++)
            {
                await Dapper.SqlMapper.ExecuteAsync(c,
                    """
                    INSERT INTO suggestions (id, tenant, ticket_id, kind, agent_id, intent, text, sources, provider, prompt_version, latency_ms, created_at, cost_usd, cost_currency, tokens_in, rewrite_action, triage_intent)
                    VALUES (@id, 'acme', @i, @kind, 'a1', 'refund', 'x', '[{"sourceId":"1"},{"sourceId":"2"}]', 'openai', 'v3', 800, @at, 0.001, 'EUR', 1200, @action, @label)
                    """, new
                    {
                        id = $"s{i:00000}", i, at = $"2026-11-{1 + i % 28:00}T10:00:00Z",
                        kind = i == 1 ? "rewrite" : i == 2 ? "triage" : "draft",
                        action = i == 1 ? "friendlier" : null,
                        label = i == 2 ? "billing" : null,
                    }, tx);
            }
            await tx.CommitAsync();
        }

        using var response = await host.Client.SendAsync(
            host.AsAdmin("/api/analytics/export.csv?from=2026-11-01&to=2026-12-01&type=suggestions&tenant=acme"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("copilot-suggestions-acme-2026-11-01-to-2026-12-01.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        // Written while read: no length known up front, so the body is chunked.
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.TransferEncodingChunked);
        var rows = Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(5001, rows.Count);
        Assert.Equal(["2026-11-01T10:00:00Z", "s00000", "0", "draft", "a1", "refund", "openai", "", "v3", "800", "", "1200", "", "0.001", "2", "", "EUR", "", ""], rows[1]);
        // The ticket's intent stays the intent; a rewrite's action and a triage's own label have their own columns.
        Assert.Equal(["refund", "friendlier", ""], new[] { rows.Single(r => r[1] == "s00001")[5], rows.Single(r => r[1] == "s00001")[17], rows.Single(r => r[1] == "s00001")[18] });
        Assert.Equal(["refund", "", "billing"], new[] { rows.Single(r => r[1] == "s00002")[5], rows.Single(r => r[1] == "s00002")[17], rows.Single(r => r[1] == "s00002")[18] });
    }

    /// <summary>RFC 4180 reader, strict about quoting, so a wrongly escaped field shows up as a wrong row.</summary>
    private static List<string[]> Parse(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < csv.Length)
        {
            if (csv[i] == '"')
            {
                i++;
                while (true)
                {
                    if (csv[i] == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (csv[i] == '"') { i++; break; }
                    else { field.Append(csv[i++]); }
                }
            }
            else if (csv[i] == ',') { row.Add(field.ToString()); field.Clear(); i++; }
            else if (csv[i] == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); i += 2; }
            else
            {
                Assert.False(csv[i] is '\r' or '\n', $"bare line break outside quotes at {i}");
                field.Append(csv[i++]);
            }
        }
        Assert.True(row.Count == 0 && field.Length == 0, "the last line must end with CRLF");
        return rows;
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Copilot.Fakes.Zendesk;

namespace Copilot.Evaluation;

/// <summary>
/// Whether an offline draft answers a paraphrased question from the right article: Bitext's requests (every tenth, as in
/// the FAQ retrieval table) as open tickets on a fake Zendesk whose help center holds the 27 FAQ articles (one per intent,
/// titled with the intent's first request, its reference reply as the body), each drafted by the real host over HTTP once
/// the built-in model has read the articles. Beside it: whether the assist's first article is the right one.
/// </summary>
public static class GroundingSection
{
    private const long ArticleBase = 8_000_000;
    private const long TicketBase = 80_000;
    private const long CustomerBase = 90_000;

    public static async Task<string> RunAsync(string shared)
    {
        var faq = Bitext.LoadFaq(shared);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Generated {DateTime.UtcNow:yyyy-MM-dd}. {faq.Docs.Count} FAQ articles, {faq.Queries.Count} requests as open tickets, offline provider.");
        report.AppendLine();
        report.AppendLine("| drafts answer from | requests | assist: first article is the right one | drafted | draft answers from the right article | draft answers from another article | holding reply (asks for details, or says we are looking into it) | other draft | withheld by a handoff rule | answers marked found by meaning: right / all |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, fromMeaning) in new[] { ("sources that cover the question's words (`OfflineDraftsFromMeaning` off)", false), ("**Ours**: those, and sources the model found close enough to show (default)", true) })
        {
            var rows = await DraftAllAsync(faq, fromMeaning);
            var drafted = rows.Where(r => r.Status == "drafted").ToList();
            var answers = drafted.Where(r => r.Kind == "answer").ToList();
            string Share(int n, int of) => of == 0 ? "—" : $"{n / (double)of:0.00} ({n})";
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {rows.Count} | {Share(rows.Count(r => r.FirstArticle == r.Gold), rows.Count)} | {drafted.Count} | {Share(answers.Count(r => r.Cited.Contains(r.Gold)), drafted.Count)} | "
                + $"{Share(answers.Count(r => !r.Cited.Contains(r.Gold)), drafted.Count)} | {Share(drafted.Count(r => r.Kind == "holding"), drafted.Count)} | "
                + $"{Share(drafted.Count(r => r.Kind is not ("answer" or "holding")), drafted.Count)} | {rows.Count - drafted.Count} | "
                + $"{answers.Count(r => r.FoundByMeaning && r.Cited.Contains(r.Gold))} / {answers.Count(r => r.FoundByMeaning)} |");
        }
        return report.ToString();
    }

    private sealed record Row(string Gold, string Status, string Kind, IReadOnlyList<string> Cited, string? FirstArticle, bool FoundByMeaning);

    private static async Task<List<Row>> DraftAllAsync(Dataset faq, bool fromMeaning)
    {
        var (data, intentOf) = ToZendesk(faq);
        var settings = new Dictionary<string, string?>
        {
            // One agent drafting hundreds of tickets in a minute: above the per-agent limit a team would set.
            ["Copilot:RateLimits:PerAgent"] = "100000",
            ["Copilot:RateLimits:PerTenant"] = "100000",
            [$"Copilot:Tenants:{EvalHost.TenantId}:OfflineDraftsFromMeaning"] = fromMeaning ? "true" : "false",
        };
        var rows = new List<Row>();
        await using var host = await EvalHost.StartAsync(data, settings);
        for (var i = 0; i < faq.Queries.Count; i++)
        {
            var ticket = TicketBase + i;
            var assist = await host.AssistAsync(ticket);
            var articles = assist.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("sourceId").GetString()!).ToList();
            var draft = await host.DraftAsync(ticket, "Sam Rivera");
            var kind = draft.TryGetProperty("draftKind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "";
            var cited = draft.GetProperty("citations").EnumerateArray()
                .Select(c => intentOf.GetValueOrDefault(c.GetProperty("sourceId").GetString()!, "")).ToList();
            var byMeaning = draft.TryGetProperty("foundByMeaning", out var m) && m.ValueKind == JsonValueKind.True;
            rows.Add(new Row(faq.Queries[i].GoldId, draft.GetProperty("status").GetString()!, kind, cited, articles.Count == 0 ? null : intentOf.GetValueOrDefault(articles[0], ""), byMeaning));
        }
        return rows;
    }

    /// <summary>The FAQ articles in one help-center section, and each request as an open ticket from a customer of its own.</summary>
    private static (FakeZendeskData Data, Dictionary<string, string> IntentOf) ToZendesk(Dataset faq)
    {
        var at = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        var data = new FakeZendeskData
        {
            Company = new FakeCompany { Name = "Bitext Retail", Subdomain = "bitext", HelpCenterUrl = "https://bitext.zendesk.com/hc" },
            Users = [new FakeUser { Id = 1, Name = "Support Agent", Email = "agent@bitext.example", Role = "agent", Locale = "en-US" }],
            Sections = [new FakeSection { Id = 1, Name = "FAQ" }],
        };
        var intentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < faq.Docs.Count; i++)
        {
            var doc = faq.Docs[i];
            data.Articles.Add(new FakeArticle
            {
                Id = ArticleBase + i, Title = doc.Title, SectionId = 1, CreatedAt = at, UpdatedAt = at,
                Body = string.Concat(doc.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>")),
            });
            intentOf[(ArticleBase + i).ToString(CultureInfo.InvariantCulture)] = doc.Id;
        }
        for (var i = 0; i < faq.Queries.Count; i++)
        {
            var request = faq.Queries[i].Text.Trim();
            data.Users.Add(new FakeUser { Id = CustomerBase + i, Name = $"Customer {i + 1}", Email = $"customer{i + 1}@example.org", Locale = "en-US" });
            data.Tickets.Add(new FakeTicket
            {
                Id = TicketBase + i, Subject = Subject(request), Status = "open", RequesterId = CustomerBase + i, CreatedAt = at, UpdatedAt = at,
                Comments = [new FakeComment { Id = (TicketBase + i) * 100, AuthorId = CustomerBase + i, Public = true, CreatedAt = at, HtmlBody = "<p>" + WebUtility.HtmlEncode(request) + "</p>" }],
            });
        }
        return (data, intentOf);
    }

    /// <summary>The request's first words, as a web form's subject line would hold them.</summary>
    private static string Subject(string request)
    {
        var words = request.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 8 ? request : string.Join(' ', words.Take(8)) + "…";
    }
}

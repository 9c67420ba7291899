using System.Text;
using Copilot.Fakes.Zendesk;

namespace Copilot.Evaluation;

/// <summary>
/// The demo account's tickets in another language than English (its help centre is English, with three German and two
/// French articles): the articles the real host shows for each, with <c>EnglishArticlesForOtherLanguages</c> off (only
/// a source sharing a rare word with the ticket is offered in another language) and on (the ticket's helpdesk words are
/// searched in English), in the same run. Which article is about each ticket is our label, by the ticket's tags: the demo
/// is our own sample data, so this shows what an agent sees rather than measuring a public set.
/// </summary>
public static class CrossLanguageSection
{
    /// <summary>For each ticket, the articles (any language) about what its customer asks.</summary>
    private static readonly Dictionary<long, string[]> About = new()
    {
        [103] = ["Schedules run at the wrong time"],
        [104] = ["Return hardware within 30 days", "Retourner un produit sous 30 jours"],
        [105] = ["I was charged twice or don't recognise a charge"],
        [106] = ["Lights show \"Unreachable\" in the app"],
        [107] = ["Manage or cancel your Lumora Plus subscription", "Refund policy", "Lumora Plus kündigen und Rückerstattungen"],
        [122] = ["Lumora Plus kündigen und Rückerstattungen", "Manage or cancel your Lumora Plus subscription", "Refund policy", "I was charged twice or don't recognise a charge"],
        [123] = ["Return hardware within 30 days", "Retourner un produit sous 30 jours", "Refund policy"],
        [124] = ["Damaged or missing items in your delivery"],
        [125] = ["Recover a Bridge after a failed update (red light)"],
        [136] = ["Fix flickering bulbs", "Flackernde Lampen: Ursachen und Lösungen"],
        [138] = ["I was charged twice or don't recognise a charge"],
        [140] = ["Create schedules and automations"],
        [141] = ["Return hardware within 30 days", "Retourner un produit sous 30 jours"],
        [143] = ["Fix flickering bulbs", "Flackernde Lampen: Ursachen und Lösungen"],
        [145] = ["What data we collect and how to download it"],
        [146] = ["Lost access to your two-factor device"],
        [147] = ["Bridge won't connect to Wi-Fi", "Improve range and reliability of your lights", "Bridge firmware 3.4.1 release notes", "How firmware updates work"],
        [152] = ["Shipping times, costs and tracking"],
    };

    public static async Task<string> RunAsync(string shared)
    {
        var runs = new List<Dictionary<long, (string Language, string Status, List<string> Titles)>>();
        var subjects = new Dictionary<long, string>();
        foreach (var on in new[] { false, true })
        {
            var demo = FakeZendeskData.LoadDemo();
            await using var host = await EvalHost.StartAsync(demo, new Dictionary<string, string?>
            {
                ["Copilot:Knowledge:EnglishArticlesForOtherLanguages"] = on ? "true" : "false",
            });
            var shown = new Dictionary<long, (string, string, List<string>)>();
            foreach (var ticket in demo.Tickets.OrderBy(t => t.Id))
            {
                var assist = await host.AssistAsync(ticket.Id);
                var language = assist.GetProperty("language").GetProperty("code").GetString()!;
                if (language == "en")
                {
                    continue;
                }
                subjects[ticket.Id] = ticket.Subject;
                shown[ticket.Id] = (language, assist.GetProperty("matches").GetProperty("articles").GetString()!,
                    assist.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("title").GetString()!).ToList());
            }
            runs.Add(shown);
        }
        var (off, onRun) = (runs[0], runs[1]);
        var labelled = off.Keys.Where(About.ContainsKey).ToList();
        string Count(Dictionary<long, (string Language, string Status, List<string> Titles)> run, bool first) =>
            $"{labelled.Count(id => first ? run[id].Titles.Take(1).Any(About[id].Contains) : run[id].Titles.Any(About[id].Contains))} of {labelled.Count}";

        var report = new StringBuilder();
        report.AppendLine($"Generated {DateTime.UtcNow:yyyy-MM-dd}. Demo account (Lumora Home), offline provider; up to three articles are shown.");
        report.AppendLine();
        report.AppendLine("| | the article about the ticket shown first | shown among the articles | tickets shown no article |");
        report.AppendLine("|---|---|---|---|");
        foreach (var (name, run) in new[] { ("English search off (`EnglishArticlesForOtherLanguages` false)", off), ("**on (default)**", onRun) })
        {
            report.AppendLine($"| {name} | {Count(run, first: true)} | {Count(run, first: false)} | {run.Values.Count(v => v.Titles.Count == 0)} of {run.Count} |");
        }
        report.AppendLine();
        report.AppendLine("| ticket | language | subject | articles shown, English search off | articles shown, on | about it (our label) |");
        report.AppendLine("|---|---|---|---|---|---|");
        string Cell((string Language, string Status, List<string> Titles) r) =>
            r.Titles.Count == 0 ? $"none ({r.Status})" : $"{string.Join("; ", r.Titles.Select(Escape))} ({r.Status})";
        foreach (var id in off.Keys.Order())
        {
            report.AppendLine($"| {id} | {off[id].Language} | {Escape(subjects[id])} | {Cell(off[id])} | {Cell(onRun[id])} | "
                + $"{(About.TryGetValue(id, out var about) ? string.Join("; ", about.Select(Escape)) : "–")} |");
        }
        return report.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}

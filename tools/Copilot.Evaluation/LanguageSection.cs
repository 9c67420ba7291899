using System.Text;
using Copilot.Api.Offline;
using Copilot.Connectors.Text;
using Copilot.Fakes.Zendesk;

namespace Copilot.Evaluation;

/// <summary>
/// Offline language detection: one-line English requests (Bitext) must stay English, and the
/// demo company's German, French, Spanish, Dutch and Portuguese tickets and articles must not.
/// </summary>
public static class LanguageSection
{
    private sealed record Sample(string Text, string Expected, string? Locale);

    public static Task<string> RunAsync(string shared)
    {
        var detector = new LanguageDetector();
        var rows = Bitext.Rows(shared);
        var instruction = Array.IndexOf(rows[0], "instruction");
        var requests = rows.Skip(1).Where(r => r.Length == rows[0].Length).Select(r => r[instruction].Trim()).Where(t => t.Length > 0 && !t.Contains('\n')).ToList();
        var step = requests.Count / 1000;
        var bitext = requests.Where((_, i) => i % step == 0).Take(1000).Select(t => new Sample(t, "en", null)).ToList();

        var demo = FakeZendeskData.LoadDemo();
        var users = demo.Users.ToDictionary(u => u.Id);
        var tickets = demo.Tickets.Select(t => (Ticket: t, Locale: users[t.RequesterId].Locale ?? "en")).ToList();
        string Lang(string locale) => locale[..2].ToLowerInvariant();
        string FirstMessage(FakeTicket t) => HtmlText.ToText(t.Comments.First(c => c.AuthorId == t.RequesterId).HtmlBody);
        var sets = new (string Name, List<Sample> Samples)[]
        {
            ($"Bitext: every {step}th one-line English request", bitext),
            ("demo tickets, not English: first customer message", tickets.Where(t => Lang(t.Locale) != "en").Select(t => new Sample(FirstMessage(t.Ticket), Lang(t.Locale), t.Locale)).ToList()),
            ("demo tickets, not English: subject line only", tickets.Where(t => Lang(t.Locale) != "en").Select(t => new Sample(t.Ticket.Subject, Lang(t.Locale), t.Locale)).ToList()),
            ("demo tickets, English: first customer message", tickets.Where(t => Lang(t.Locale) == "en").Select(t => new Sample(FirstMessage(t.Ticket), "en", t.Locale)).ToList()),
            ("demo articles (title and body)", demo.Articles.Select(a => new Sample(a.Title + "\n" + HtmlText.ToText(a.Body), Lang(a.Locale), null)).ToList()),
        };

        var report = new StringBuilder();
        report.AppendLine($"Languages known offline: {string.Join(", ", LanguageDetector.Languages)}. Generated {DateTime.UtcNow:yyyy-MM-dd}.");
        report.AppendLine();
        report.AppendLine("| texts | n | mean words | locale given | correct | another language | mean confidence (correct / wrong) |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (name, samples) in sets)
        {
            foreach (var withLocale in samples.Any(s => s.Locale is not null) ? new[] { false, true } : [false])
            {
                var results = samples.Select(s => (s, d: detector.Detect(s.Text, withLocale ? s.Locale : null))).ToList();
                var right = results.Where(r => r.d.Code == r.s.Expected).ToList();
                var wrong = results.Where(r => r.d.Code != r.s.Expected).ToList();
                var words = samples.Average(s => s.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
                string Mean(IEnumerable<double> xs) => xs.Any() ? xs.Average().ToString("0.00") : "–";
                report.AppendLine($"| {name} | {samples.Count} | {words:0} | {(withLocale ? "requester's" : "none")} | {right.Count / (double)samples.Count:P1} | {wrong.Count / (double)samples.Count:P1} ({wrong.Count}) | {Mean(right.Select(r => r.d.Confidence))} / {Mean(wrong.Select(r => r.d.Confidence))} |");
                foreach (var (s, d) in wrong.Take(withLocale || name.StartsWith("Bitext") ? 0 : 3))
                {
                    Console.WriteLine($"  {name}: expected {s.Expected}, got {d.Code} ({d.Confidence}): {s.Text[..Math.Min(80, s.Text.Length)]}");
                }
                if (name.StartsWith("Bitext", StringComparison.Ordinal))
                {
                    foreach (var (s, d) in wrong.Take(25))
                    {
                        Console.WriteLine($"  bitext → {d.Code} ({d.Confidence}): {s.Text}");
                    }
                }
            }
        }
        return Task.FromResult(report.ToString());
    }
}

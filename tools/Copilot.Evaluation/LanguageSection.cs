using System.Text;
using Copilot.Api.Languages;
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

    /// <summary>The earlier detector's answer, read by reflection from that build.</summary>
    private static Func<Sample, DetectedLanguage> EarlierDetector(EarlierBuild build)
    {
        var type = build.Api.GetType("Copilot.Api.Offline.LanguageDetector", throwOnError: true)!;
        var instance = Activator.CreateInstance(type)!;
        var detect = type.GetMethod("Detect", [typeof(string)])!;
        return sample =>
        {
            var result = detect.Invoke(instance, [sample.Text])!;
            var t = result.GetType();
            return new DetectedLanguage((string)t.GetProperty("Code")!.GetValue(result)!, (double)t.GetProperty("Confidence")!.GetValue(result)!);
        };
    }

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
            ("the same requests from a requester whose locale says German", bitext.Select(b => b with { Locale = "de" }).ToList()),
            ("demo tickets, not English: first customer message", tickets.Where(t => Lang(t.Locale) != "en").Select(t => new Sample(FirstMessage(t.Ticket), Lang(t.Locale), t.Locale)).ToList()),
            ("demo tickets, not English: subject line only", tickets.Where(t => Lang(t.Locale) != "en").Select(t => new Sample(t.Ticket.Subject, Lang(t.Locale), t.Locale)).ToList()),
            ("demo tickets, English: first customer message", tickets.Where(t => Lang(t.Locale) == "en").Select(t => new Sample(FirstMessage(t.Ticket), "en", t.Locale)).ToList()),
            ("demo articles (title and body)", demo.Articles.Select(a => new Sample(a.Title + "\n" + HtmlText.ToText(a.Body), Lang(a.Locale), null)).ToList()),
        };

        var detectors = new List<(string Name, Func<Sample, DetectedLanguage> Detect)>();
        if (EarlierBuild.Load(SummariesSection.Before) is { } earlier)
        {
            detectors.Add(($"before (commit {earlier.Commit}), text only", EarlierDetector(earlier)));
        }
        detectors.Add(("**ours**, text only", s => detector.Detect(s.Text)));
        detectors.Add(("**ours**, requester's locale as prior", s => detector.Detect(s.Text, s.Locale)));

        var report = new StringBuilder();
        report.AppendLine($"Languages known offline: {string.Join(", ", LanguageDetector.Languages)}. Generated {DateTime.UtcNow:yyyy-MM-dd}.");
        report.AppendLine();
        report.AppendLine("| texts | n | mean words | detector | correct | another language | mean confidence (correct / wrong) |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (name, samples) in sets)
        {
            var words = samples.Average(s => s.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
            foreach (var (detectorName, detect) in detectors.Where(d => samples.Any(s => s.Locale is not null) || !d.Name.Contains("locale", StringComparison.Ordinal)))
            {
                var results = samples.Select(s => (s, d: detect(s))).ToList();
                var right = results.Where(r => r.d.Code == r.s.Expected).ToList();
                var wrong = results.Where(r => r.d.Code != r.s.Expected).ToList();
                string Mean(IEnumerable<double> xs) => xs.Any() ? xs.Average().ToString("0.00") : "–";
                report.AppendLine($"| {name} | {samples.Count} | {words:0} | {detectorName} | {right.Count / (double)samples.Count:P1} | {wrong.Count / (double)samples.Count:P1} ({wrong.Count}) | {Mean(right.Select(r => r.d.Confidence))} / {Mean(wrong.Select(r => r.d.Confidence))} |");
            }
        }
        // Does the confidence mean something? Accuracy of the text-only answers above and below 0.5.
        var all = sets.SelectMany(x => x.Samples).Select(x => (x, d: detector.Detect(x.Text))).ToList();
        foreach (var (label, part) in new[] { ("≥ 0.5", all.Where(a => a.d.Confidence >= 0.5).ToList()), ("< 0.5", all.Where(a => a.d.Confidence < 0.5).ToList()) })
        {
            report.AppendLine();
            report.Append($"Ours, text only, confidence {label}: {part.Count} texts, {(part.Count == 0 ? 0 : part.Count(a => a.d.Code == a.x.Expected) / (double)part.Count):P1} correct.");
        }
        report.AppendLine();
        return Task.FromResult(report.ToString());
    }
}

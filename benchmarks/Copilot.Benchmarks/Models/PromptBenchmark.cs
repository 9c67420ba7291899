using System.Diagnostics;
using System.Text;
using Copilot.Api.Drafts;
using Copilot.Api.Knowledge;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Benchmarks.Models;

/// <summary>Redaction plus draft prompt building for a 20,000-character thread with personal data in it.</summary>
internal static class PromptBenchmark
{
    public static void Run(int iterations)
    {
        var input = Input();
        var chars = input.Thread.Comments.Sum(c => c.Text.Length);
        var prompt = DraftPrompt.Build(input);
        Console.WriteLine($"prompt: thread {chars:N0} chars in {input.Thread.Comments.Count} comments, {prompt.Map.Count} values redacted, prompt {prompt.Messages.Sum(m => m.Text.Length):N0} chars");
        for (var i = 0; i < 200; i++)
        {
            DraftPrompt.Build(input);
        }
        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            DraftPrompt.Build(input);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Console.WriteLine(Percentiles.Line("redact + build draft prompt (20k chars)", samples));
    }

    public static DraftPromptInput Input()
    {
        var at = DateTimeOffset.Parse("2026-11-20T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var customer = new HelpdeskUser(1, "Anna Berg", "anna@example.com", AuthorRole.Customer, "en");
        var agent = new HelpdeskUser(2, "Sam Agent", "sam@lumora.example", AuthorRole.Agent, "en");
        const string filler = "The bridge keeps dropping off the network every morning around seven and the hallway lights stay on. ";
        var comments = new List<HelpdeskComment>();
        for (var i = 0; comments.Sum(c => c.Text.Length) < 20_000; i++)
        {
            var text = new StringBuilder();
            text.Append("Hello, this is message ").Append(i).Append(". ");
            while (text.Length < 900)
            {
                text.Append(filler);
            }
            text.Append($"Write to anna{i % 3}@example.com or call +44 7700 9001{i % 10:00}. ");
            if (i % 4 == 0)
            {
                text.Append("My IBAN is DE89 3704 0044 0532 0130 00 and I live at 221B Baker Street, London NW1 6XE. ");
            }
            comments.Add(new HelpdeskComment(100 + i, i % 2 == 0 ? customer : agent, true, text.ToString(), at.AddMinutes(i)));
        }
        var thread = new HelpdeskThread(new HelpdeskTicket(7, "Bridge offline every morning", "open", null, customer, null, [], at, at), comments);
        var sources = Enumerable.Range(1, 5).Select(i => new KnowledgeHit(SourceKind.Article, $"44{i}", $"Article {i}", $"https://help.example/{i}",
            string.Concat(Enumerable.Repeat("Hold the reset button for ten seconds until the light blinks. ", 8)), 3 - i * 0.1, "en")).ToList();
        return new DraftPromptInput(thread, sources, "en", "Warm and brief.", true, true, null);
    }
}

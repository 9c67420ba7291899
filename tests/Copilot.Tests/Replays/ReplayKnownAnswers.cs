using System.Net;
using Copilot.Api.Replays;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Replays;

/// <summary>What a replay of <see cref="ReplayData"/> must find, whatever the source: each value worked out by hand.</summary>
internal static class ReplayKnownAnswers
{
    public static async Task AssertAsync(CopilotTestHost host, string id, string billingGroup, string setupGroup)
    {
        var run = await ReplayCalls.WaitAsync(host, id);
        Assert.Equal(ReplayStatus.Done, run.Status);
        Assert.Equal((4, 4), (run.Done, run.Planned));

        var refund = await ReplayCalls.ResultAsync(host, id, 1001);
        Assert.Equal(("billing", billingGroup, 3, 1), (refund.Intent, refund.Group, refund.Facts, refund.HitRank));
        Assert.False(refund.KeptWithHuman);
        Assert.NotNull(refund.Draft);
        Assert.Equal(Usefulness.Band(refund.RougeL!.Value, refund.TokenF1!.Value, refund.Cosine, refund.FactRecall, refund.NewPromises.Count), refund.Band);

        var reset = await ReplayCalls.ResultAsync(host, id, 1002);
        Assert.Equal(("setup", setupGroup, 3, 1), (reset.Intent, reset.Group, reset.Facts, reset.HitRank));

        var manager = await ReplayCalls.ResultAsync(host, id, 1003);
        Assert.True(manager.KeptWithHuman);
        Assert.True(manager.BelongedWithPerson);
        Assert.Contains("Asks for a human", manager.Rules);
        Assert.Equal((Usefulness.Withheld, 0), (manager.Band, manager.Facts));
        Assert.Null(manager.Draft);

        Assert.Equal(ThreadCut.NoAgentReply, (await ReplayCalls.ResultAsync(host, id, 1004)).Skipped);

        var report = await ReplayCalls.ReportAsync(host, id);
        Assert.Equal((3, 2, 1), (report.Overall.Replayed, report.Overall.Drafted, report.Overall.Withheld));
        Assert.Equal((1, 0, 0, 2), (report.Boundaries.KeptRightly, report.Boundaries.KeptNeedlessly, report.Boundaries.Missed, report.Boundaries.DraftedRightly));
        Assert.Equal((2, 1.0, 1.0), (report.Overall.RetrievalMeasured, report.Overall.HitAt1, report.Overall.HitAtK));
        // Pooled over the drafted tickets: what the two drafts gave of the 3 + 3 facts.
        Assert.Equal((refund.FactsFound + reset.FactsFound) / 6.0, report.Overall.FactRecall!.Value, 3);
        var triaged = new[] { refund, reset, manager }.Count(r => r.IntentRight == true);
        Assert.Equal(Math.Round(triaged / 3.0, 4), report.Overall.TriageAccuracy);
        Assert.Equal([("billing", 2), ("setup", 1)], report.Intents.Select(r => (r.Name, r.Replayed)));
        Assert.All(report.Intents, r => Assert.Equal("too-few", r.Verdict));
        Assert.Equal([(ThreadCut.NoAgentReply, 1)], report.Skipped.Select(s => (s.Reason, s.Tickets)));

        // Nothing was recorded as a suggestion.
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM suggestions"));

        // The page for people: masked (the customer's first name in the greeting, the agent's name, the amount are placeholders).
        using var request = CopilotTestHost.Admin(HttpMethod.Get, $"{ReplayCalls.Base}/{id}/report.html");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Go-live per intent", html);
        Assert.DoesNotContain("Sam Rivera", html);
        Assert.DoesNotContain("Souza", html);
        Assert.DoesNotContain("$49.00", html);
        Assert.DoesNotContain("<script", html);
    }
}

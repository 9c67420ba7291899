using Copilot.Api.Replays;
using Copilot.Api.Replays.Sources;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Replays;

public sealed class ReplayPlanTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<ReplayCandidate> Tickets(int n) =>
        Enumerable.Range(1, n).Select(i => new ReplayCandidate(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Day.AddDays(i),
            i % 2 == 0 ? "billing" : "setup", i % 3 == 0 ? "7" : "8")).ToList();

    [Fact]
    public void TheFilterKeepsThePeriodIntentAndGroupAndCountTakesTheNewest()
    {
        var chosen = ReplayPlan.Choose(Tickets(20), new ReplayRequest { From = Day.AddDays(5), To = Day.AddDays(15), Intent = "Billing", Count = 3 }, 100);
        // Solved on days 5…14 with an even number: 6, 8, 10, 12, 14 — the newest three.
        Assert.Equal(["14", "12", "10"], chosen.Select(c => c.Id));
        Assert.Equal(["18", "12", "6"], ReplayPlan.Choose(Tickets(20), new ReplayRequest { Group = "7", Intent = "billing" }, 100).Select(c => c.Id));
    }

    [Fact]
    public void ASampleWithASeedDrawsTheSameTicketsEveryTimeAndEachTicketOnce()
    {
        var request = new ReplayRequest { Count = 10, Sample = true, Seed = 42 };
        var first = ReplayPlan.Choose(Tickets(100), request, 1000).Select(c => c.Id).ToList();
        Assert.Equal(first, ReplayPlan.Choose(Tickets(100).AsEnumerable().Reverse(), request, 1000).Select(c => c.Id));
        Assert.Equal(10, first.Distinct().Count());
        Assert.NotEqual(first, ReplayPlan.Choose(Tickets(100), request with { Seed = 43 }, 1000).Select(c => c.Id));
        Assert.NotEqual(Enumerable.Range(91, 10).Reverse().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), first);
    }

    [Fact]
    public void TheThreadIsCutJustBeforeTheFirstPublicAgentReply()
    {
        var customer = new HelpdeskUser(1, "Ana", null, AuthorRole.Customer, null);
        var agent = new HelpdeskUser(2, "Sam", null, AuthorRole.Agent, null);
        var at = Day;
        HelpdeskComment C(long id, HelpdeskUser who, bool isPublic, string text) => new(id, who, isPublic, text, at = at.AddMinutes(1));
        var thread = new HelpdeskThread(new HelpdeskTicket(9, "Help", "solved", null, customer, 2, [], Day, Day.AddDays(1)),
            [C(1, customer, true, "My bulb blinks."), C(2, agent, false, "Note: check firmware."), C(3, agent, true, "Please reset it."), C(4, customer, true, "Thanks!")]);
        var cut = ThreadCut.Of(thread, out var skip);
        Assert.Null(skip);
        Assert.Equal([1L, 2L], cut!.Before.Comments.Select(c => c.Id));
        Assert.Equal("Please reset it.", cut.Reply.Text);
        Assert.Equal("open", cut.Before.Ticket.Status);
        Assert.Null(ThreadCut.Of(thread with { Comments = [thread.Comments[0]] }, out var none));
        Assert.Equal(ThreadCut.NoAgentReply, none);
        Assert.Null(ThreadCut.Of(thread with { Comments = [thread.Comments[2]] }, out var first));
        Assert.Equal(ThreadCut.NoCustomerMessage, first);
    }
}

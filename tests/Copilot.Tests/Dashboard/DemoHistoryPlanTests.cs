using Copilot.Api.Demo;
using Copilot.Fakes.Zendesk;

namespace Copilot.Tests.Dashboard;

public sealed class DemoHistoryPlanTests
{
    private static readonly long[] Agents = [2001, 2002, 2003, 2004, 2005, 2006];
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static DemoHistoryPlan Plan(int seed = 7) => new(FakeZendeskData.LoadDemo().Tickets, Agents, 8, Now, seed);

    [Fact]
    public void TheSameSeedReplaysTheSameHistory()
    {
        var a = Plan();
        var b = Plan();
        Assert.Equal(a.Visits, b.Visits);
        Assert.Equal(a.TicketEvents, b.TicketEvents);
        Assert.NotEqual(a.Visits, Plan(seed: 8).Visits);
    }

    [Fact]
    public void VisitsFallInTheLastEightWeeksAndAreWorkedByTheDemoAgents()
    {
        var plan = Plan();
        Assert.NotEmpty(plan.Visits);
        Assert.All(plan.Visits, v =>
        {
            Assert.InRange(v.At, new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-56), Now);
            Assert.Contains(v.AgentId, Agents);
        });
        Assert.True(plan.Visits.Select(v => v.AgentId).Distinct().Count() >= 5);
        Assert.True(plan.Visits.Max(v => v.At) - plan.Visits.Min(v => v.At) > TimeSpan.FromDays(42));
    }

    [Fact]
    public void OnlySolvedDemoTicketsAreSolvedAndNeverBeforeTheyWereCreatedOrAfterNow()
    {
        var solvedInData = FakeZendeskData.LoadDemo().Tickets.Where(t => t.Status is "solved" or "closed").Select(t => t.Id).ToHashSet();
        var plan = Plan();
        var solves = plan.TicketEvents.Where(e => e.Kind == Copilot.Api.Webhooks.TicketEventKind.Solved).ToList();
        Assert.NotEmpty(solves);
        Assert.All(solves, e =>
        {
            Assert.Contains(e.TicketId, solvedInData);
            Assert.True(e.At > e.TicketCreatedAt);
            Assert.True(e.At < Now);
        });
    }

    [Fact]
    public void EditsChangeTheDraftMoreWithAHeavierStyle()
    {
        const string draft = "Hi Emily,\n\nThanks for the details about the bulb.\n\nPlease update the firmware in the app and restart the bulb.\n\nBest regards,\nLumora Support";
        var ratios = Enumerable.Range(0, 3).Select(style => Copilot.Api.Vocabulary.EditSize.Measure(draft, DemoEdits.Apply(draft, style)).Ratio).ToList();
        Assert.True(ratios[0] > 0);
        Assert.True(ratios[0] < ratios[1] && ratios[1] < ratios[2], string.Join(", ", ratios));
    }
}

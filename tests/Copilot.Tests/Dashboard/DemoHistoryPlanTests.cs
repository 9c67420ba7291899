using Copilot.Api.Demo;
using Copilot.Fakes.Freshdesk;
using Copilot.Fakes.Zendesk;

namespace Copilot.Tests.Dashboard;

public sealed class DemoHistoryPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Each demo account's tickets, and its agents as its directory lists them (admins and collaborators left out).</summary>
    public static TheoryData<string> Demos => [DemoOptions.TenantId, DemoOptions.FreshdeskTenantId];

    private static (DemoAccount Account, long[] Agents) Demo(string tenant) => tenant == DemoOptions.TenantId
        ? (new ZendeskDemoAccount(FakeZendeskData.LoadDemo()), [2001, 2002, 2003, 2004, 2005, 2006])
        : (new FreshdeskDemoAccount(FakeFreshdeskData.LoadDemo()), [43000100002, 43000100003, 43000100004, 43000100005]);

    private static DemoHistoryPlan Plan(string tenant, int seed = 7)
    {
        var (account, agents) = Demo(tenant);
        return new(account.Tickets, agents, 8, Now, seed);
    }

    [Theory]
    [MemberData(nameof(Demos))]
    public void TheSameSeedReplaysTheSameHistory(string tenant)
    {
        var a = Plan(tenant);
        var b = Plan(tenant);
        Assert.Equal(a.Visits, b.Visits);
        Assert.Equal(a.TicketEvents, b.TicketEvents);
        Assert.NotEqual(a.Visits, Plan(tenant, seed: 8).Visits);
    }

    [Theory]
    [MemberData(nameof(Demos))]
    public void VisitsFallInTheLastEightWeeksAndAreWorkedByTheDemoAgents(string tenant)
    {
        var agents = Demo(tenant).Agents;
        var plan = Plan(tenant);
        Assert.NotEmpty(plan.Visits);
        Assert.All(plan.Visits, v =>
        {
            Assert.InRange(v.At, new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-56), Now);
            Assert.Contains(v.AgentId, agents);
        });
        Assert.True(plan.Visits.Select(v => v.AgentId).Distinct().Count() >= agents.Length - 1);
        Assert.True(plan.Visits.Max(v => v.At) - plan.Visits.Min(v => v.At) > TimeSpan.FromDays(42));
    }

    [Fact]
    public void OnlySolvedDemoTicketsAreSolvedAndNeverBeforeTheyWereCreatedOrAfterNow()
    {
        var solvedInZendesk = FakeZendeskData.LoadDemo().Tickets.Where(t => t.Status is "solved" or "closed").Select(t => t.Id);
        // Freshdesk: resolved (4) and closed (5).
        var solvedInFreshdesk = FakeFreshdeskData.LoadDemo().Tickets.Where(t => t.Status is 4 or 5).Select(t => t.Id);
        foreach (var (tenant, solvedInData) in new[] { (DemoOptions.TenantId, solvedInZendesk), (DemoOptions.FreshdeskTenantId, solvedInFreshdesk) })
        {
            var plan = Plan(tenant);
            var solves = plan.TicketEvents.Where(e => e.Kind == Copilot.Api.Webhooks.TicketEventKind.Solved).ToList();
            Assert.NotEmpty(solves);
            Assert.All(solves, e =>
            {
                Assert.Contains(e.TicketId, solvedInData);
                Assert.True(e.At > e.TicketCreatedAt);
                Assert.True(e.At < Now);
            });
        }
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

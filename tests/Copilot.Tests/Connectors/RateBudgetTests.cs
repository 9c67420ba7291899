using System.Net;
using Copilot.Connectors.Helpdesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Connectors;

/// <summary>The rate budget's count of what is left, read from answers that may come back in any order.</summary>
public sealed class RateBudgetTests
{
    private const string Account = "https://acme.freshdesk.com";

    private static HelpdeskRateBudget Budget(TimeProvider time) =>
        new("X-RateLimit-Total", "X-RateLimit-Remaining", share: 1, window: TimeSpan.FromMinutes(1), time, credits: r => r.RequestUri!.Query.Contains("include") ? 2 : 1);

    private static HttpResponseMessage Answer(int total, int remaining)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Total", total.ToString());
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString());
        return response;
    }

    private static HttpRequestMessage TicketWithRequester() => new(HttpMethod.Get, Account + "/api/v2/tickets/1?include=requester");

    [Fact]
    public void AnAnswerReadAfterALaterOneDoesNotGiveBackWhatTheLaterOneSpent()
    {
        var budget = Budget(FakeClock.AtNow());
        // A quarter of 20 is the scope's: 15 are left to others. Two calls answered 16 and 17, read in that order.
        Assert.Null(budget.Spent(Account, Answer(20, 16), scoped: 0.25));
        Assert.Null(budget.Spent(Account, Answer(20, 17), scoped: 0.25));

        // 16 are left, not 17: a call of two credits would leave 14, into the reserve.
        var held = budget.Before(Account, TicketWithRequester(), scoped: 0.25);
        Assert.NotNull(held);
        Assert.Equal(16, held.Value.Remaining);
    }

    [Fact]
    public void InANewWindowTheCallsAlreadyOnTheirWayCountAgainstTheShare()
    {
        var time = FakeClock.AtNow();
        var budget = Budget(time);
        Assert.Null(budget.Spent(Account, Answer(20, 15), scoped: 1));
        time.Advance(TimeSpan.FromMinutes(1));

        // Nothing has answered in this window yet: the whole limit, less the two tickets sent (four credits).
        var first = budget.Reserve(Account, TicketWithRequester(), scoped: 0.25);
        Assert.Null(first.Hold);
        Assert.Null(budget.Reserve(Account, TicketWithRequester(), scoped: 0.25).Hold);

        // A third would make six of the five the scope may spend: held a moment, until the calls on their way answer.
        var third = budget.Reserve(Account, TicketWithRequester(), scoped: 0.25);
        Assert.True(third.ScopeOnly);
        var held = third.Hold;
        Assert.NotNull(held);
        Assert.True(held.Value.Wait < TimeSpan.FromMinutes(1), held.Value.Wait.ToString());

        // Once one answers for the new window, its count is what is left.
        Assert.Null(budget.Spent(Account, Answer(20, 18), scoped: 0.25));
        budget.Answered(Account, first.Cost);
        Assert.Null(budget.Before(Account, new HttpRequestMessage(HttpMethod.Get, Account + "/api/v2/tickets/2/conversations"), scoped: 0.25));
    }

    [Fact]
    public async Task CallsCheckedSideBySideNeverSpendMoreThanWhatIsLeftOfTheShare()
    {
        for (var round = 0; round < 100; round++)
        {
            var budget = Budget(FakeClock.AtNow());
            // 20 a minute, a quarter the scope's: 17 left means two credits of the share remain.
            Assert.Null(budget.Spent(Account, Answer(20, 17), scoped: 0.25));
            // Threads of their own that start together (blocking the pool's would slow the tests beside this one).
            using var start = new Barrier(8);
            var reserved = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Factory.StartNew(() =>
            {
                var request = i % 2 == 0 ? TicketWithRequester() : new HttpRequestMessage(HttpMethod.Get, Account + $"/api/v2/tickets/{i}/conversations");
                start.SignalAndWait();
                return budget.Reserve(Account, request, scoped: 0.25).Cost;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

            Assert.InRange(reserved.Sum(), 1, 2);
        }
    }

    [Fact]
    public void TheAccountsOwnCallsOnTheirWayCountAgainstItsShare()
    {
        // Half of 20 is the copilot's: 10 are left to others, and the last answer left 12, so two credits remain.
        var budget = new HelpdeskRateBudget("X-RateLimit-Total", "X-RateLimit-Remaining", share: 0.5, window: TimeSpan.FromMinutes(1),
            FakeClock.AtNow(), credits: r => r.RequestUri!.Query.Contains("include") ? 2 : 1);
        Assert.Null(budget.Spent(Account, Answer(20, 12)));
        HttpRequestMessage Conversations() => new(HttpMethod.Get, Account + "/api/v2/tickets/1/conversations");

        var first = budget.Reserve(Account, Conversations(), scoped: null);
        var second = budget.Reserve(Account, Conversations(), scoped: null);
        Assert.Equal((null, 1, null, 1), (first.Hold, first.Cost, second.Hold, second.Cost));

        // Neither has answered: a third would spend into the reserve, so the account is held (not a scope's lane).
        var third = budget.Reserve(Account, Conversations(), scoped: null);
        Assert.NotNull(third.Hold);
        Assert.False(third.ScopeOnly);
        Assert.Equal(0, third.Cost);

        // The first answers, having cost its credit (11 left): the second is still on its way, so nothing more is spendable.
        Assert.Null(budget.Spent(Account, Answer(20, 11)));
        budget.Answered(Account, first.Cost);
        Assert.NotNull(budget.Before(Account, Conversations()));

        // The second fails before the helpdesk counted it: its credit is handed back, and one call of one credit may go.
        budget.Answered(Account, second.Cost);
        Assert.Null(budget.Before(Account, Conversations()));
        Assert.NotNull(budget.Before(Account, TicketWithRequester()));
    }
}

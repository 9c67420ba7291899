using Copilot.Api.Actions;
using Copilot.Api.Suggestions;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.StoreContract;

/// <summary>
/// A tenant's actions: a proposal is kept once, decision and all; its display is one suggestion per agent, however
/// many instances record it at once; of two decisions taken at once only one moves it; nothing crosses tenants.
/// </summary>
public abstract class ActionContract(Stores stores)
{
    private static ProposedAction Priority(long ticket = 42, string id = "act-priority", string description = "Priority: normal → urgent") => new()
    {
        Id = id, TicketId = ticket, Kind = ActionKind.SetPriority, Source = ActionSource.Procedure, Description = description,
        Changes = [new ActionChange("priority", "normal", "urgent")], Target = new ActionTarget { Change = new TicketChange { Priority = "urgent" } },
        ProcedureId = "outage", ProcedureVersion = 2, Step = "Set the priority to urgent.",
    };

    [Fact]
    public async Task AProposalIsKeptOnceAndWorkedOutAgainItStaysAsDecided()
    {
        var store = new ActionStore(await stores.NewAsync(), TimeProvider.System);

        var first = Assert.Single(await store.ProposeAsync("acme", [Priority()], CancellationToken.None));
        Assert.True(await store.MoveAsync("acme", first.Proposal.Id, ActionState.Proposed, ActionState.Declined, "agent-1", null, CancellationToken.None));
        var again = Assert.Single(await store.ProposeAsync("acme", [Priority(description: "Priority: low → urgent")], CancellationToken.None));

        Assert.Equal(ActionState.Proposed, first.State);
        Assert.Equal(ActionState.Declined, again.State);
        Assert.Equal("Priority: normal → urgent", again.Proposal.Description);
        Assert.Equal("urgent", again.Proposal.Target.Change?.Priority);
        Assert.Equal(["act-priority"], (await store.DecidedAsync("acme", 42, CancellationToken.None)).Select(a => a.Proposal.Id));
    }

    [Fact]
    public async Task ADisplayIsOneSuggestionPerAgentAndTheActionNamesTheFirst()
    {
        var db = await stores.NewAsync();
        var store = new ActionStore(db, TimeProvider.System);
        var action = Assert.Single(await store.ProposeAsync("acme", [Priority()], CancellationToken.None));

        var shown = await store.ShownAsync("acme", action, "agent-1", "outage", CancellationToken.None);
        var repeat = await store.ShownAsync("acme", action, "agent-1", "outage", CancellationToken.None);
        var other = await store.ShownAsync("acme", action, "agent-2", "outage", CancellationToken.None);

        Assert.Equal(shown, repeat);
        Assert.NotEqual(shown, other);
        Assert.Equal(shown, (await store.FindAsync("acme", 42, action.Proposal.Id, CancellationToken.None))?.SuggestionId);
        var suggestions = new SuggestionStore(db);
        Assert.Equal("Priority: normal → urgent", await suggestions.FindTextAsync("acme", shown, CancellationToken.None));
        Assert.Equal("Priority: normal → urgent", await suggestions.FindTextAsync("acme", other, CancellationToken.None));
    }

    [Fact]
    public async Task TwoInstancesRecordingOneDisplayAtOnceRecordOneSuggestion()
    {
        var db = await stores.NewAsync();
        var action = Assert.Single(await new ActionStore(db, TimeProvider.System).ProposeAsync("acme", [Priority()], CancellationToken.None));
        var instances = new[] { new ActionStore(db, TimeProvider.System), new ActionStore(stores.Another(db), TimeProvider.System) };

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => instances[i % 2].ShownAsync("acme", action, "agent-1", null, CancellationToken.None))));

        Assert.Single(ids.Distinct());
        Assert.NotNull(await new SuggestionStore(db).FindTextAsync("acme", ids[0], CancellationToken.None));
    }

    [Fact]
    public async Task OfTwoDecisionsTakenAtOnceOnlyOneMovesTheAction()
    {
        var db = await stores.NewAsync();
        var first = new ActionStore(db, TimeProvider.System);
        var second = new ActionStore(stores.Another(db), TimeProvider.System);
        var action = Assert.Single(await first.ProposeAsync("acme", [Priority()], CancellationToken.None));
        var byOne = await first.ShownAsync("acme", action, "agent-1", null, CancellationToken.None);
        var byTwo = await first.ShownAsync("acme", action, "agent-2", null, CancellationToken.None);

        var moved = await Task.WhenAll(
            Task.Run(() => first.MoveAsync("acme", action.Proposal.Id, ActionState.Proposed, ActionState.Applying, "agent-1", null, CancellationToken.None, decidedOn: byOne)),
            Task.Run(() => second.MoveAsync("acme", action.Proposal.Id, ActionState.Proposed, ActionState.Declined, "agent-2", null, CancellationToken.None, decidedOn: byTwo)));

        Assert.Single(moved, true);
        var stored = await first.FindAsync("acme", 42, action.Proposal.Id, CancellationToken.None);
        Assert.NotNull(stored);
        // The winner's display is the one its decision is feedback on.
        Assert.Equal(moved[0] ? (ActionState.Applying, byOne) : (ActionState.Declined, byTwo), (stored.State, stored.SuggestionId));
    }

    [Fact]
    public async Task AnAppliedActionKeepsItsResultAndANullResultKeepsTheOneStored()
    {
        var store = new ActionStore(await stores.NewAsync(), TimeProvider.System);
        var action = Assert.Single(await store.ProposeAsync("acme", [Priority()], CancellationToken.None));
        var shown = await store.ShownAsync("acme", action, "agent-1", null, CancellationToken.None);

        Assert.True(await store.MoveAsync("acme", action.Proposal.Id, ActionState.Proposed, ActionState.Applying, "agent-1", null, CancellationToken.None));
        Assert.True(await store.MoveAsync("acme", action.Proposal.Id, ActionState.Applying, ActionState.Approved, "agent-1",
            new ActionResult("applied", "Priority set to urgent."), CancellationToken.None));
        Assert.False(await store.MoveAsync("acme", action.Proposal.Id, ActionState.Applying, ActionState.Proposed, null, null, CancellationToken.None));

        var stored = await store.FindAsync("acme", 42, action.Proposal.Id, CancellationToken.None);
        Assert.Equal(ActionState.Approved, stored?.State);
        Assert.Equal(new ActionResult("applied", "Priority set to urgent."), stored?.Result);
        Assert.Equal(shown, stored?.SuggestionId);
    }

    [Fact]
    public async Task OneTenantsActionsNeverReachAnother()
    {
        var store = new ActionStore(await stores.NewAsync(), TimeProvider.System);
        var action = Assert.Single(await store.ProposeAsync("acme", [Priority()], CancellationToken.None));
        await store.MoveAsync("acme", action.Proposal.Id, ActionState.Proposed, ActionState.Declined, "agent-1", null, CancellationToken.None);

        Assert.Null(await store.FindAsync("globex", 42, action.Proposal.Id, CancellationToken.None));
        Assert.Null(await store.FindAsync("acme", 43, action.Proposal.Id, CancellationToken.None));
        Assert.Empty(await store.DecidedAsync("globex", 42, CancellationToken.None));
        Assert.False(await store.MoveAsync("globex", action.Proposal.Id, ActionState.Declined, ActionState.Proposed, null, null, CancellationToken.None));
        // The same id in another tenant is that tenant's own proposal.
        var theirs = Assert.Single(await store.ProposeAsync("globex", [Priority(description: "Priority: high → urgent")], CancellationToken.None));
        Assert.Equal(ActionState.Proposed, theirs.State);
        Assert.Equal("Priority: high → urgent", theirs.Proposal.Description);
        Assert.Equal(ActionState.Declined, (await store.FindAsync("acme", 42, action.Proposal.Id, CancellationToken.None))?.State);
    }
}

public sealed class SqliteActionStoreTests(SqliteStores stores) : ActionContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresActionStoreTests(PostgresStores stores) : ActionContract(stores), IClassFixture<PostgresStores>;

using Copilot.Api.Assist;
using Copilot.Api.Feedback;
using Copilot.Api.Tenants;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Actions;

/// <summary>What became of a decision: the action as it stands now, and whether it was decided before (nothing done again).</summary>
public sealed record ActionDecision(StoredAction Action, bool Duplicate, bool Conflict = false);

/// <summary>
/// Proposals, their display and the agent's decisions. Nothing reaches the helpdesk before an approval; an approval
/// takes the action out of <c>proposed</c> before it writes, so a second approval (a double click, another instance)
/// finds it taken, writes nothing, and answers with the first one's outcome once it is known. Each decision is feedback
/// on the deciding agent's suggestion of the action (each agent shown it has one): approved is accepted, declined is
/// rejected (with the agent's reason, or "other").
/// </summary>
public sealed class ActionService(ActionProposer proposer, ActionStore store, ActionApplier applier, FeedbackStore feedback, AssistCache cache, TimeProvider time)
{
    /// <summary>The ticket's proposals (kept, so a later decision finds them) and its actions decided before.</summary>
    public async Task<IReadOnlyList<StoredAction>> ListAsync(Tenant tenant, AssistContext context, CancellationToken cancellationToken)
    {
        var proposed = await store.ProposeAsync(tenant.Id, await proposer.ProposeAsync(tenant, context, cancellationToken), cancellationToken);
        var decided = await store.DecidedAsync(tenant.Id, context.Thread.Ticket.Id, cancellationToken);
        return proposed.Where(p => p.State == ActionState.Proposed).Concat(decided.Where(d => proposed.All(p => p.Proposal.Id != d.Proposal.Id))).ToList();
    }

    public async Task<string> ShownAsync(Tenant tenant, StoredAction action, string? agentId, CancellationToken cancellationToken)
    {
        var intent = (await cache.GetLastAsync(tenant.Id, action.Proposal.TicketId))?.Intent;
        return await store.ShownAsync(tenant.Id, action, agentId, intent, cancellationToken);
    }

    public async Task<ActionDecision> ApproveAsync(Tenant tenant, StoredAction action, string? agentId, CancellationToken cancellationToken)
    {
        var id = action.Proposal.Id;
        var waitUntil = time.GetUtcNow() + MaxApplyingWait;
        while (!await store.MoveAsync(tenant.Id, id, ActionState.Proposed, ActionState.Applying, agentId, null, cancellationToken))
        {
            // Another approval (a double click, another instance) is applying it: its outcome is this one's too.
            // Back in proposed (it failed and changed nothing): this approval tries again.
            var now = await store.FindAsync(tenant.Id, action.Proposal.TicketId, id, cancellationToken) ?? action;
            if (now.State is ActionState.Approved or ActionState.Declined || time.GetUtcNow() >= waitUntil)
            {
                return Decided(now, ActionState.Approved);
            }
            if (now.State == ActionState.Applying)
            {
                await Task.Delay(ApplyingPoll, time, cancellationToken);
            }
        }
        ActionResult result;
        try
        {
            result = await applier.ApplyAsync(tenant, action.Proposal, cancellationToken);
        }
        catch
        {
            await store.MoveAsync(tenant.Id, id, ActionState.Applying, ActionState.Proposed, agentId, null, CancellationToken.None);
            throw;
        }
        if (result.Status == Wire.Name(ActionResultStatus.Failed))
        {
            // Nothing changed: the action stays proposed, to approve again or decline.
            await store.MoveAsync(tenant.Id, id, ActionState.Applying, ActionState.Proposed, agentId, result, CancellationToken.None);
            return new ActionDecision(action with { Result = result }, Duplicate: false);
        }
        var suggestionId = await ShownAsync(tenant, action, agentId, CancellationToken.None);
        await store.MoveAsync(tenant.Id, id, ActionState.Applying, ActionState.Approved, agentId, result, CancellationToken.None, decidedOn: suggestionId);
        await RecordAsync(tenant, suggestionId, id, agentId, FeedbackOutcome.Accepted, null, null, CancellationToken.None);
        return new ActionDecision(action with { State = ActionState.Approved, SuggestionId = suggestionId, Result = result }, Duplicate: false);
    }

    public async Task<ActionDecision> DeclineAsync(Tenant tenant, StoredAction action, string? agentId, string? reason, string? comment, CancellationToken cancellationToken)
    {
        var id = action.Proposal.Id;
        // The agent who declines was shown the action, whether or not another decision came first.
        var suggestionId = await ShownAsync(tenant, action, agentId, cancellationToken);
        if (!await store.MoveAsync(tenant.Id, id, ActionState.Proposed, ActionState.Declined, agentId, null, cancellationToken, decidedOn: suggestionId))
        {
            return await AlreadyDecidedAsync(tenant, action, ActionState.Declined, cancellationToken);
        }
        await RecordAsync(tenant, suggestionId, id, agentId, FeedbackOutcome.Rejected, reason ?? Wire.Name(RejectionReason.Other), comment, CancellationToken.None);
        return new ActionDecision(action with { State = ActionState.Declined, SuggestionId = suggestionId }, Duplicate: false);
    }

    /// <summary>
    /// The agent inserted an approved lookup's answer into the reply: feedback on the action's suggestion (accepted, as
    /// the approval already counts it), once per action however often it is inserted. Null: nothing of it can be inserted.
    /// </summary>
    public async Task<ActionDecision?> InsertedAsync(Tenant tenant, StoredAction action, string? agentId, CancellationToken cancellationToken)
    {
        if (action is not { State: ActionState.Approved, SuggestionId: { } suggestionId, Result.LookupResult: not null })
        {
            return null;
        }
        var added = await feedback.AddAsync(new FeedbackEvent(tenant.Id, "action:" + action.Proposal.Id + ":inserted", suggestionId, agentId,
            Wire.Name(FeedbackOutcome.Accepted), null, 0, 0, null, "inserted lookup result", time.GetUtcNow()), cancellationToken);
        return new ActionDecision(action, added.Duplicate);
    }

    /// <summary>How long an approval waits for another one that is applying the same action, and how often it looks.</summary>
    public static readonly TimeSpan MaxApplyingWait = TimeSpan.FromSeconds(30), ApplyingPoll = TimeSpan.FromMilliseconds(100);

    private async Task<ActionDecision> AlreadyDecidedAsync(Tenant tenant, StoredAction action, ActionState wanted, CancellationToken cancellationToken) =>
        Decided(await store.FindAsync(tenant.Id, action.Proposal.TicketId, action.Proposal.Id, cancellationToken) ?? action, wanted);

    private static ActionDecision Decided(StoredAction now, ActionState wanted) => new(now, Duplicate: now.State == wanted, Conflict: now.State != wanted);

    private Task RecordAsync(Tenant tenant, string suggestionId, string actionId, string? agentId, FeedbackOutcome outcome, string? reason, string? comment, CancellationToken cancellationToken) =>
        feedback.AddAsync(new FeedbackEvent(tenant.Id, "action:" + actionId, suggestionId, agentId, Wire.Name(outcome), null,
            outcome == FeedbackOutcome.Accepted ? 0 : null, outcome == FeedbackOutcome.Accepted ? 0 : null, reason, comment, time.GetUtcNow()), cancellationToken);
}

using Copilot.Api.Actions.Lookups;
using Copilot.Api.Ask;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Copilot.Api.Actions;

/// <summary>
/// The approval gate of the ask: adds <see cref="ActionTools"/> to the kernel and a function-invocation filter in
/// front of every function of that plugin. Whatever the model asks for (and whatever a ticket told it to ask for),
/// the filter lets the function only work out a proposal; it then keeps the proposal for the agent (the ticket's
/// actions list shows it, to approve or decline) and tells the model it is awaiting approval. The one thing it runs
/// itself is a lookup the admin marked read-only and pre-approved: its answer becomes a numbered source of the answer
/// being written (the scope's sources), shown to the model fenced and with personal data redacted by the question's
/// map, as the question's own tools show theirs; a lookup that fails or times out is said to the model as it is, and
/// nothing else happens. Nothing the model calls writes to the helpdesk.
/// </summary>
public sealed class ActionGate(IHelpdeskClientFactory helpdesks, IOptions<ActionsOptions> options, ActionStore store, LookupClient lookups, TimeProvider time) : IAskKernelExtension
{
    public void Extend(Kernel kernel, AskScope scope)
    {
        kernel.Plugins.AddFromObject(new ActionTools(scope, helpdesks, options.Value), ActionTools.PluginName);
        kernel.FunctionInvocationFilters.Add(new Filter(scope, options.Value, store, lookups, time));
    }

    private sealed class Filter(AskScope scope, ActionsOptions options, ActionStore store, LookupClient lookups, TimeProvider time) : IFunctionInvocationFilter
    {
        public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
        {
            if (context.Function.PluginName != ActionTools.PluginName)
            {
                await next(context);
                return;
            }
            await next(context);
            if (context.Result.GetValue<object>() is not ProposedAction proposal)
            {
                return;
            }
            var cancellationToken = context.CancellationToken;
            var tenant = scope.Tenant.Id;
            if (proposal.Target.Lookup is { } name && options.For(tenant).Lookups.TryGetValue(name, out var lookup) && lookup is { ReadOnly: true, PreApproved: true })
            {
                var parameters = proposal.Target.LookupParameters!;
                var ranAt = time.GetUtcNow();
                var answer = await lookups.RunAsync(tenant, name, parameters, cancellationToken);
                context.Result = new FunctionResult(context.Function, answer.Ok
                    ? scope.Cite(LookupSource.Of(name, lookup, parameters, answer.Text, ranAt)) + "\nCite it by its number where the answer uses it."
                    : "Not read: " + ModelTasks.PromptFence.Wrap(scope.Redact(answer.Text), ModelTasks.PromptFence.TicketTag, $"lookup {name}")
                        + "\nTell the agent the lookup did not answer; there is nothing from it to cite.");
                return;
            }
            var stored = (await store.ProposeAsync(tenant, [proposal], cancellationToken))[0];
            var text = stored.State switch
            {
                ActionState.Approved => $"The agent already approved this ({proposal.Description}); it is done.",
                ActionState.Declined => $"The agent declined this ({proposal.Description}); do not ask again.",
                _ => $"Not done. Proposed to the agent, who decides: {proposal.Description}. Tell the agent it awaits their approval in the Actions panel.",
            };
            context.Result = new FunctionResult(context.Function, text);
        }
    }
}

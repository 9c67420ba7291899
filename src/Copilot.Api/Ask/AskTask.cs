using Copilot.Api.Assist;
using Copilot.Api.Ask.Offline;
using Copilot.Api.Boundaries;
using Copilot.Api.Drafts;
using Copilot.Api.Drafts.Guards;
using Copilot.Api.ModelTasks;
using Copilot.Api.Privacy;
using Copilot.Api.Tenants;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace Copilot.Api.Ask;

/// <summary>An answer: the model's, guarded, or the offline quotes (null quotes: nothing covers the question).</summary>
public sealed record WrittenAnswer(GuardedAnswer? Model, OfflineAnswer? Offline);

public sealed record OfflineAnswer(IReadOnlyList<QuotedSource>? Quotes, IReadOnlyList<string> NotCovered);

/// <summary>
/// The ask as a model task. Semantic Kernel orchestrates it: the question's <see cref="AskTools"/> are a kernel plugin,
/// offered to the model with automatic function choice, and Semantic Kernel's function invocation runs the calls the
/// model makes over the tenant's own <see cref="IChatClient"/> (each round under the tenant's call policy) until it
/// answers. The answer streams with personal data restored, invented citations and unknown links dropped and
/// citations written in the tenant's style; <see cref="AskGuard"/> checks the whole answer.
/// </summary>
public static class AskTask
{
    public static ModelTask<WrittenAnswer> For(
        Tenant tenant, AssistContext context, AskQuestion question, string language, IReadOnlyList<AskTurn> earlier, AskSources sources,
        Func<RedactionMap?, AskTools> tools, AskOptions options, ILoggerFactory loggers, Func<CancellationToken, ValueTask<OfflineAnswer>> offline,
        Action<Kernel, RedactionMap?>? extend = null)
    {
        var style = tenant.Options.CitationStyle;
        var map = tenant.Options.RedactPii ? ThreadPrompt.MapFor(context.Thread) : null;
        var kernel = new Kernel();
        kernel.Plugins.AddFromObject(tools(map), AskTools.PluginName);
        // Other features' functions and the filters that guard them (suggested actions: proposed, never done, until the agent approves).
        extend?.Invoke(kernel, map);
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var retrieved = sources.All;
        return new ModelTask<WrittenAnswer>
        {
            Name = "ask",
            TicketId = context.Thread.Ticket.Id,
            KeptWithHuman = context.Warnings.Where(w => w.Action == BoundaryAction.Handoff).Select(w => w.Name).ToList(),
            Prompt = () => AskPrompt.Build(new AskPromptInput(context.Thread.Ticket, question.Text, earlier, retrieved, language, map,
                settings.ToChatOptions(kernel) ?? new ChatOptions())),
            Client = chat => Orchestrated(chat, loggers, options.MaxToolRounds),
            Stream = prompt =>
            {
                var named = new HashSet<int>();
                return new DeltaRestorer(prompt.Restore, piece =>
                {
                    var all = sources.All;
                    return CitationText.Render(LinkCheck.Check(CitationCheck.Check(piece, all.Count).Text, sources.KnownLinks()).Text, all, style, named);
                });
            },
            Parse = answer => new WrittenAnswer(
                AskGuard.Apply(answer.Text, sources.All, sources.KnownLinks(), answer.Prompt.Restore, answer.Prompt.Messages[0].Text, style), null),
            Flags = a => a.Model!.Flags.Select(f => f.Reason).ToList(),
            Offline = async ct => new WrittenAnswer(null, await offline(ct)),
            OfflineVersion = AskService.OfflineVersion,
        };
    }

    /// <summary>Semantic Kernel's function invocation (with its filters) in front of the tenant's client, at most <paramref name="rounds"/> rounds of calls.</summary>
    private static IChatClient Orchestrated(IChatClient chat, ILoggerFactory loggers, int rounds)
    {
        var client = new ChatClientBuilder(chat).UseKernelFunctionInvocation(loggers).Build();
        var invocation = client.GetService<FunctionInvokingChatClient>()
            ?? throw new InvalidOperationException("Semantic Kernel's function invocation is not in the chat pipeline.");
        invocation.MaximumIterationsPerRequest = rounds;
        return client;
    }
}

using Copilot.Api.Assist;
using Copilot.Api.Suggestions;
using Copilot.Connectors.Models;
using Microsoft.Extensions.AI;

namespace Copilot.Api.ModelTasks;

/// <summary>
/// One AI task (draft, summary, triage, rewrite) as <see cref="ModelTaskRunner"/> runs it: only what
/// differs between tasks. The runner owns the rest: the handoff gate, the call, the fallback to
/// <see cref="Offline"/>, the provider the agent is shown and the audit.
/// </summary>
public sealed record ModelTask<T> where T : class
{
    /// <summary>The task's name in logs: draft, summary, triage, rewrite.</summary>
    public required string Name { get; init; }

    /// <summary>For logs; 0 when the task is not about a ticket.</summary>
    public long TicketId { get; init; }

    /// <summary>The handoff rules that fired for the ticket: when there is any, its text never reaches the model.</summary>
    public IReadOnlyList<string> KeptWithHuman { get; init; } = [];

    /// <summary>
    /// Why the model is not needed for this ticket ("our answer is the last message"), or null: when set, the thread is not
    /// sent to the model and <see cref="Offline"/> answers (a draft when no answer is due is a short one, written alike for
    /// every tenant).
    /// </summary>
    public string? NotNeeded { get; init; }

    /// <summary>Builds the prompt; called only when the model is asked.</summary>
    public required Func<ModelPrompt> Prompt { get; init; }

    /// <summary>Strict: null, or a format error, when the answer is unusable; that is a model failure and the offline provider answers.</summary>
    public required Func<ModelAnswer, T?> Parse { get; init; }

    /// <summary>The guardrail flags of a parsed answer, stored with its audit.</summary>
    public Func<T, IReadOnlyList<string>> Flags { get; init; } = _ => [];

    /// <summary>
    /// The client the task talks through, built on the tenant's: a task that offers the model tools wraps it in the
    /// function invocation that runs them (Semantic Kernel's, for the ask). Null: the tenant's client as it is.
    /// </summary>
    public Func<IChatClient, IChatClient>? Client { get; init; }

    /// <summary>Set for a streamed answer: each delta passes through the shaper before it is shown. Null: one answer at once.</summary>
    public Func<ModelPrompt, IDeltaShaper>? Stream { get; init; }

    /// <summary>The offline implementation: without a model, for a ticket kept with a human, and whenever the model fails.</summary>
    public required Func<CancellationToken, ValueTask<T>> Offline { get; init; }

    /// <summary>The prompt version recorded for an offline answer.</summary>
    public required string OfflineVersion { get; init; }

    /// <summary>The <c>provider</c> shown when the tenant has no model.</summary>
    public ProviderDto OfflineProvider { get; init; } = AssistMapping.Offline;
}

/// <summary>The model's whole answer (raw, personal data still as placeholders) and the prompt that asked for it.</summary>
public sealed record ModelAnswer(string Text, ModelPrompt Prompt);

/// <summary>Prepares streamed text for the agent: may hold back a piece until it is complete.</summary>
public interface IDeltaShaper
{
    string Push(string delta);

    string Flush();
}

/// <summary>
/// What a task came to: the value, the <c>provider</c> to show, and the suggestion's origin (model and
/// audit, or offline). <see cref="Failure"/> is set when the model failed and the offline provider answered;
/// <see cref="Interrupted"/> when text had already streamed before it failed.
/// </summary>
public sealed record ModelTaskResult<T>(T Value, ProviderDto Provider, SuggestionOrigin Origin) where T : class
{
    public ModelException? Failure { get; init; }

    public bool Interrupted { get; init; }

    public ModelAudit? Audit => Origin.Audit;
}

/// <summary>A streamed task says, in order: deltas of the model's text (if any), then its result.</summary>
public sealed record ModelTaskEvent<T>(string? Delta, ModelTaskResult<T>? Result) where T : class;

using Copilot.Api.Assist;
using Copilot.Api.Knowledge;
using Copilot.Api.ModelTasks;
using Copilot.Api.Privacy;
using Copilot.Api.Tenants;
using Microsoft.SemanticKernel;

namespace Copilot.Api.Ask;

/// <summary>
/// Whose question a kernel serves: the tenant, the ticket's assist and the agent who asked; and what the question's
/// own tools share, so an extension's results read like theirs: the answer's numbered sources and the question's
/// redaction map (null when the tenant does not redact), whose placeholders the answer's text has restored.
/// </summary>
public sealed record AskScope(Tenant Tenant, AssistContext Context, string? AgentId, AskSources Sources, RedactionMap? Map)
{
    /// <summary>Text from outside the copilot as the model may read it: personal data replaced by the question's placeholders.</summary>
    public string Redact(string text) => ThreadPrompt.Redact(text, Map);

    /// <summary>
    /// Makes <paramref name="hit"/> a numbered source of this answer only (the agent sees it among the answer's sources
    /// when cited) and returns it as the model is shown sources: fenced, labelled with its number, personal data redacted.
    /// </summary>
    public string Cite(KnowledgeHit hit)
    {
        var (number, added) = Sources.Add([hit])[0];
        return ThreadPrompt.Source(added with { Passage = Redact(added.Passage) }, number);
    }
}

/// <summary>
/// Adds functions, and the filters that guard them, to the kernel one question is answered with. Features below the
/// ask offer the model more this way (suggested actions: <c>Actions/ActionGate</c>) without the ask knowing them.
/// </summary>
public interface IAskKernelExtension
{
    void Extend(Kernel kernel, AskScope scope);
}

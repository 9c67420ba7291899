using Copilot.Api.Assist;
using Copilot.Api.ModelTasks;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Rewrite;

/// <summary>action: expand | shorten | friendlier | more-formal | fix-grammar | translate (with language).</summary>
public sealed record RewriteRequest(
    [property: WireEnum(typeof(RewritePrompt), nameof(RewritePrompt.Actions))] string? Action, string? Text, string? Language = null, long? TicketId = null);

/// <param name="SuggestionId">Null when nothing changed: an unchanged text is not a suggestion.</param>
/// <param name="Flags">Links, placeholders and numbers of the original missing in the rewrite.</param>
/// <param name="Changed">Whether <paramref name="Text"/> differs from the agent's text; false means "nothing to change".</param>
/// <param name="Edits">What the offline rules changed, in words; empty for a model's rewrite, which is not itemised.</param>
/// <param name="Note">What the offline provider did and cannot do (translate: that it left the text unchanged); null for a model's rewrite.</param>
public sealed record RewriteResponse(
    string Text,
    string? SuggestionId,
    ProviderDto Provider,
    IReadOnlyList<string> Flags,
    UsageDto? Usage,
    bool Changed,
    IReadOnlyList<string> Edits,
    string? Note);

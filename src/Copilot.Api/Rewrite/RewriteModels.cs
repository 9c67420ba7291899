using Copilot.Api.Assist;

namespace Copilot.Api.Rewrite;

/// <summary>action: expand | shorten | friendlier | more-formal | fix-grammar | translate (with language).</summary>
public sealed record RewriteRequest(string? Action, string? Text, string? Language, long? TicketId);

public sealed record RewriteResponse(string Text, string SuggestionId, ProviderDto Provider, IReadOnlyList<string> Flags, Models.UsageDto? Usage);

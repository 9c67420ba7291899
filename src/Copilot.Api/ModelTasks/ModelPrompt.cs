using Copilot.Api.Privacy;
using Microsoft.Extensions.AI;

namespace Copilot.Api.ModelTasks;

/// <summary>
/// A built prompt: what goes to the model, the options of the call, and the map that restores the
/// redacted personal data in the answer. <see cref="Version"/> is recorded with the suggestion.
/// </summary>
public sealed record ModelPrompt(string Version, IReadOnlyList<ChatMessage> Messages, ChatOptions Options, RedactionMap Map)
{
    public string Restore(string text) => Map.Restore(text);
}

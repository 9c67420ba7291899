using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Freshdesk;

/// <summary>Canned responses, the copilot's macros on Freshdesk: every shared folder's responses (personal folders are one agent's own).</summary>
public sealed partial class FreshdeskClient
{
    public async Task<IReadOnlyList<HelpdeskMacro>> GetMacrosAsync(CancellationToken cancellationToken)
    {
        var folders = await ReadAllAsync<FdCannedFolder>((api, page, ct) => api.GetCannedFoldersAsync(page, ct), notFoundIsNull: false, bulk: true, cancellationToken) ?? [];
        var macros = new List<HelpdeskMacro>();
        foreach (var folder in folders.Where(f => f.Personal != true))
        {
            var responses = await ReadAllAsync<FdCannedResponse>((api, page, ct) => api.GetCannedResponsesAsync(folder.Id, page, ct),
                notFoundIsNull: true, bulk: true, cancellationToken) ?? [];
            macros.AddRange(responses.Select(FreshdeskMapping.Macro));
        }
        return macros.DistinctBy(m => m.Id).ToList();
    }
}

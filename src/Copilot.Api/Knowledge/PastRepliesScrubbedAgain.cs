using Copilot.Api.Privacy;
using Copilot.Api.Store;

namespace Copilot.Api.Knowledge;

/// <summary>
/// When <see cref="CaseDetails"/> learns to find more (<see cref="CaseDetails.Revision"/>), the past replies already indexed
/// were scrubbed by the earlier rules, and only the helpdesk still holds what they said. This migration forgets every
/// tenant's last full sync, so its next sync reads all its solved tickets again (<see cref="KnowledgeSync.RunAsync"/>)
/// and each reply whose scrubbed text changed is indexed anew; the others are skipped by their content hash. Nothing is
/// deleted in between: similar tickets stay available while the sync runs.
/// </summary>
public sealed class PastRepliesScrubbedAgain : IGeneratedMigration
{
    public string Name => "078_past_replies_scrubbed_again";

    public string Sql(StoreProvider provider) => $"""
        -- Case details rules revision {CaseDetails.Revision}: the next sync of every tenant is a full one.
        UPDATE knowledge_sync_state SET last_full_sync = NULL;
        """;
}

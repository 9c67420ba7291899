namespace Copilot.Connectors.Models;

/// <summary>
/// One call in progress: the caller's token, the call's own deadline and, for a stream, the deadline
/// of the next chunk. Disposing it stops the timers.
/// </summary>
internal sealed class ModelCall(ModelCallPolicy policy, CancellationTokenSource deadline, CancellationToken callerToken, long startedAt) : IDisposable
{
    public CancellationToken Token => deadline.Token;

    public long StartedAt { get; } = startedAt;

    /// <summary>The stream's per-chunk deadline, linked to the call's; set once the stream has started.</summary>
    public CancellationTokenSource? Chunk { get; set; }

    /// <summary>Waits for the next chunk at most the policy's attempt timeout (and never past the call's deadline).</summary>
    public void ResetChunkDeadline() => Chunk?.CancelAfter(policy.AttemptTimeout);

    /// <summary>Null for the caller's own cancellation; otherwise the failure, named after whichever deadline fired.</summary>
    public ModelException? Translate(Exception e, CancellationToken attemptToken) =>
        policy.Translate(e, callerToken, deadline.Token, attemptToken);

    public void Dispose()
    {
        Chunk?.Dispose();
        deadline.Dispose();
    }
}

namespace Copilot.Connectors.Models;

/// <summary>
/// One call in progress: the caller's token, the call's own deadline and, for a stream, the deadline
/// of the next chunk. Disposing it stops the timers.
/// </summary>
internal sealed class ModelCall(ModelCallPolicy policy, ModelDeadline deadline, CancellationToken callerToken, long startedAt) : IDisposable
{
    public CancellationToken Token => deadline.Token;

    public long StartedAt { get; } = startedAt;

    /// <summary>The stream's per-chunk deadline, linked to the call's; set once the stream has started.</summary>
    public ModelDeadline? Chunk { get; set; }

    /// <summary>Waits for the next chunk at most the policy's attempt timeout (and never past the call's deadline).</summary>
    public void ResetChunkDeadline() => Chunk?.Reset(policy.AttemptTimeout);

    /// <summary>Null for the caller's own cancellation; otherwise the failure, named after whichever deadline fired.</summary>
    public ModelException? Translate(Exception e, CancellationToken attemptToken) =>
        policy.Translate(e, callerToken, deadline.Token, attemptToken);

    /// <summary>The stream's next item; a failure leaves as a <see cref="ModelException"/> named after the deadline that fired.</summary>
    public async Task<bool> MoveNextAsync<T>(IAsyncEnumerator<T> stream)
    {
        try
        {
            return await stream.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, Chunk?.Token ?? Token) is { } failure)
        {
            throw failure;
        }
    }

    public void Dispose()
    {
        Chunk?.Dispose();
        deadline.Dispose();
    }
}

namespace Copilot.Connectors.Models;

/// <summary>
/// A token cancelled when its parent is, or when the time given passes on the policy's
/// <see cref="TimeProvider"/> (so tests move a fake clock instead of waiting); <see cref="Reset"/>
/// starts the time again.
/// </summary>
internal sealed class ModelDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    public ModelDeadline(CancellationToken parent, TimeSpan after, TimeProvider time)
    {
        _timer = new CancellationTokenSource(after, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(parent, _timer.Token);
    }

    public CancellationToken Token => _linked.Token;

    public void Reset(TimeSpan after) => _timer.CancelAfter(after);

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}

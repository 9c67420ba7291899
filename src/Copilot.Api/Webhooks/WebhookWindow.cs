namespace Copilot.Api.Webhooks;

/// <summary>
/// How far from the server's clock a delivery's time may be, for every helpdesk: it bounds how late a delivery is
/// still applied, and so how long a captured one can be replayed.
/// </summary>
public static class WebhookWindow
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public static bool Contains(DateTimeOffset sentAt, TimeProvider time) => (time.GetUtcNow() - sentAt).Duration() <= MaxSkew;
}

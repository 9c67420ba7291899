using System.Globalization;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/zendesk/{tenant}</c>: ticket events from the tenant's Zendesk webhook.
/// Unsigned, wrongly signed or stale deliveries get 401 and store nothing — the same 401 for a
/// tenant id that does not exist, is not a Zendesk account or has no signing secret; a redelivered
/// event (same event id) gets 200 and is stored once.
/// </summary>
public static partial class ZendeskWebhookApi
{
    /// <param name="webhooks"><c>/api/webhooks/zendesk</c> (<see cref="Routes.RouteGroups.ZendeskWebhooks"/>).</param>
    public static RouteGroupBuilder MapZendeskWebhooks(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/{tenant}", Receive)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return webhooks;
    }

    private static async Task<Results<Ok<WebhookReceipt>, ValidationProblem, ProblemHttpResult>> Receive(
        string tenant, HttpContext http, TenantRegistry tenants, ZendeskWebhookVerifier verifier, TicketEventIntake intake,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await WebhookDelivery.ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return WebhookDelivery.TooLarge();
        }
        var secret = WebhookDelivery.SecretOf(tenants, tenant, HelpdeskCapabilities.Zendesk);
        var timestamp = http.Request.Headers[ZendeskWebhookVerifier.TimestampHeader].ToString();
        var signature = http.Request.Headers[ZendeskWebhookVerifier.SignatureHeader].ToString();
        var verdict = verifier.Verify(secret, timestamp, signature, body);
        if (verdict != WebhookVerdict.Valid)
        {
            LogRefused(loggers.CreateLogger(typeof(ZendeskWebhookApi)), tenant, verdict);
            // The verdict depends on the request alone: an unknown tenant, a tenant without a secret and
            // a wrong signature get the same answer, so the endpoint reveals no tenant ids.
            return WebhookDelivery.NotAccepted(verdict switch
            {
                WebhookVerdict.MissingHeaders => $"Sign the request: {ZendeskWebhookVerifier.SignatureHeader} and {ZendeskWebhookVerifier.TimestampHeader} are required.",
                WebhookVerdict.BadTimestamp => $"{ZendeskWebhookVerifier.TimestampHeader} is not a timestamp.",
                WebhookVerdict.StaleTimestamp => $"The signature timestamp is more than {WebhookWindow.MaxSkew.TotalMinutes} minutes from now.",
                _ => "The signature does not match this tenant's webhook signing secret.",
            });
        }
        var errors = new Dictionary<string, string[]>();
        var signedAt = DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if (ZendeskEventParser.Parse(body, TicketEvent.Iso(signedAt), errors) is not { } e)
        {
            return WebhookDelivery.NotAnEvent(errors);
        }
        // Events without an id (a hand-written trigger payload) are deduplicated by their signature.
        var eventId = string.IsNullOrEmpty(e.Id) ? "sig:" + signature : e.Id;
        return TypedResults.Ok(await intake.ApplyAsync(tenant, eventId, e, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Zendesk webhook for tenant {Tenant}: {Verdict}")]
    private static partial void LogRefused(ILogger logger, string tenant, WebhookVerdict verdict);
}

using System.Buffers;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/zendesk/{tenant}</c>: ticket events from the tenant's Zendesk webhook.
/// Unsigned, wrongly signed or stale deliveries get 401 and store nothing — the same 401 for a
/// tenant id that does not exist or has no signing secret; a redelivered event (same event id)
/// gets 200 and is stored once.
/// </summary>
public static partial class ZendeskWebhookApi
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <param name="webhooks"><c>/api/webhooks</c> (<see cref="Routes.RouteGroups.Webhooks"/>).</param>
    public static RouteGroupBuilder MapZendeskWebhooks(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/zendesk/{tenant}", Receive)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return webhooks;
    }

    private static async Task<Results<Ok<WebhookReceipt>, ValidationProblem, ProblemHttpResult>> Receive(
        string tenant, HttpContext http, TenantRegistry tenants, ZendeskWebhookVerifier verifier, TicketOutcomeStore store,
        ITicketActivity activity, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ZendeskWebhookApi));
        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Webhook body too large",
                detail: $"A webhook body may be at most {MaxBodyBytes} bytes.");
        }
        var secret = tenants.Find(tenant)?.Options.WebhookSecret;
        var timestamp = http.Request.Headers[ZendeskWebhookVerifier.TimestampHeader].ToString();
        var signature = http.Request.Headers[ZendeskWebhookVerifier.SignatureHeader].ToString();
        var verdict = verifier.Verify(secret, timestamp, signature, body);
        if (verdict != WebhookVerdict.Valid)
        {
            LogRefused(logger, tenant, verdict);
            // The verdict depends on the request alone: an unknown tenant, a tenant without a secret and
            // a wrong signature get the same answer, so the endpoint reveals no tenant ids.
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Webhook not accepted", detail: verdict switch
            {
                WebhookVerdict.MissingHeaders => $"Sign the request: {ZendeskWebhookVerifier.SignatureHeader} and {ZendeskWebhookVerifier.TimestampHeader} are required.",
                WebhookVerdict.BadTimestamp => $"{ZendeskWebhookVerifier.TimestampHeader} is not a timestamp.",
                WebhookVerdict.StaleTimestamp => $"The signature timestamp is more than {ZendeskWebhookVerifier.MaxSkew.TotalMinutes} minutes from now.",
                _ => "The signature does not match this tenant's webhook signing secret.",
            });
        }
        var errors = new Dictionary<string, string[]>();
        var e = ZendeskEvent.Parse(body, ZendeskEvent.Iso(DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal)), errors);
        if (e is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Not a ticket event", detail: "See docs/webhooks.md for the payloads this endpoint reads.");
        }
        // Events without an id (a hand-written trigger payload) are deduplicated by their signature.
        var eventId = string.IsNullOrEmpty(e.Id) ? "sig:" + signature : e.Id;
        var stored = await store.ApplyAsync(tenant, eventId, e, cancellationToken);
        if (stored && e.Kind == TicketEventKind.CommentAdded)
        {
            await activity.OnCommentAddedAsync(tenant, e.TicketId, cancellationToken);
        }
        LogAccepted(logger, tenant, e.Type, e.TicketId, !stored);
        return TypedResults.Ok(new WebhookReceipt(eventId, e.Type, e.Kind.ToString(), e.TicketId, Duplicate: !stored));
    }

    /// <returns>The raw body, or null when it is longer than <see cref="MaxBodyBytes"/>.</returns>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(total, MaxBodyBytes + 1 - total), cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxBodyBytes)
                {
                    return null;
                }
            }
            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Zendesk webhook for tenant {Tenant}: {Verdict}")]
    private static partial void LogRefused(ILogger logger, string tenant, WebhookVerdict verdict);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zendesk webhook for tenant {Tenant}: {Type} on ticket {TicketId} (duplicate: {Duplicate})")]
    private static partial void LogAccepted(ILogger logger, string tenant, string type, long ticketId, bool duplicate);
}

public sealed record WebhookReceipt(string EventId, string Type, string Kind, long TicketId, bool Duplicate);

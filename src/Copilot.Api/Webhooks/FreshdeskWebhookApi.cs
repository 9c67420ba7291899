using System.Globalization;
using System.Text.Json.Nodes;
using Copilot.Api.Hosting;
using Copilot.Api.Tenants;
using Copilot.Api.Vocabulary;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Copilot.Api.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/freshdesk/{tenant}</c>: ticket events from the tenant's Freshdesk automation rules ("Trigger
/// webhook", docs/webhooks.md). Freshdesk signs nothing, so each rule sends the tenant's webhook secret in a header:
/// a missing or wrong secret gets 401 and stores nothing — the same 401 for a tenant id that does not exist, is not a
/// Freshdesk account or has no secret. The body's <c>time</c> must be within <see cref="WebhookWindow.MaxSkew"/> of
/// now (401 otherwise); a body that is not an event is a 400; a redelivery gets 200 and is stored once.
/// </summary>
public static partial class FreshdeskWebhookApi
{
    /// <param name="webhooks"><c>/api/webhooks/freshdesk</c> (<see cref="Routes.RouteGroups.FreshdeskWebhooks"/>).</param>
    public static RouteGroupBuilder MapFreshdeskWebhooks(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/{tenant}", Receive)
            .DescribesBody("The JSON body of the automation rule's Trigger webhook action, its placeholders filled by Freshdesk (docs/webhooks.md).",
                BodySchema(), "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return webhooks;
    }

    private static async Task<Results<Ok<WebhookReceipt>, ValidationProblem, ProblemHttpResult>> Receive(
        string tenant, HttpContext http, TenantRegistry tenants, TicketEventIntake intake,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(FreshdeskWebhookApi));
        var sent = http.Request.Headers[FreshdeskWebhookSecret.Header].ToString();
        if (!Auth.SecretComparison.Matches(WebhookDelivery.SecretOf(tenants, tenant, HelpdeskCapabilities.Freshdesk), sent))
        {
            // Depends on the request alone: an unknown tenant, another helpdesk's tenant, a tenant without a secret
            // and a wrong secret get the same answer.
            LogRefused(logger, tenant, string.IsNullOrEmpty(sent) ? "no secret header" : "wrong secret");
            return WebhookDelivery.NotAccepted(string.IsNullOrEmpty(sent)
                ? $"Send the tenant's webhook secret in the {FreshdeskWebhookSecret.Header} header."
                : $"{FreshdeskWebhookSecret.Header} does not match this tenant's webhook secret.");
        }
        var body = await WebhookDelivery.ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return WebhookDelivery.TooLarge();
        }
        var errors = new Dictionary<string, string[]>();
        if (FreshdeskEventParser.Parse(body, errors) is not { } e)
        {
            return WebhookDelivery.NotAnEvent(errors);
        }
        if (!WebhookWindow.Contains(DateTimeOffset.Parse(e.Time, CultureInfo.InvariantCulture), time))
        {
            LogRefused(logger, tenant, "stale time");
            return WebhookDelivery.NotAccepted($"The event's 'time' is more than {WebhookWindow.MaxSkew.TotalMinutes} minutes from now.");
        }
        return TypedResults.Ok(await intake.ApplyAsync(tenant, e.Id!, e, cancellationToken));
    }

    private static OpenApiSchema BodySchema()
    {
        static OpenApiSchema Text(string description) => OpenApiBodies.Text(description);
        var events = Text("What the rule reports; one rule per kind.");
        events.Enum = [.. Wire.AllNames<FreshdeskRuleEvent>().Select(n => (JsonNode)n)];
        var rating = Text("satisfaction-rated only: the answer the rule reports, as the admin wrote it into the rule.");
        rating.Enum = [(JsonNode)"good", (JsonNode)"bad"];
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "event", "ticket_id", "time" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["event"] = events,
                ["ticket_id"] = Text("{{ticket.id}}: the ticket's number (a JSON number is read too)."),
                ["time"] = Text("{{ticket.modified_on}}: when the ticket changed; must be within 5 minutes of the server's clock."),
                ["created_at"] = Text("{{ticket.created_on}}: when the ticket was created (optional)."),
                ["triggered_event"] = Text("{{triggered_event}}: required for status-changed, e.g. {status:{from:2,to:4}}."),
                ["rating"] = rating,
            },
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Freshdesk webhook for tenant {Tenant}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string tenant, string reason);
}

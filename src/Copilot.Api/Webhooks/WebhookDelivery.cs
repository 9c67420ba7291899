using System.Buffers;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Webhooks;

/// <summary>What every helpdesk's webhook route shares: whose secret checks a delivery, its body read within a limit, and its answers.</summary>
public static class WebhookDelivery
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// The webhook secret of the tenant when it exists and is an account of <paramref name="helpdesk"/>; null otherwise
    /// (an unknown tenant, another helpdesk's tenant, no secret configured), which never verifies — so all of them get
    /// the answer a wrong secret gets, and the route reveals no tenant ids.
    /// </summary>
    public static string? SecretOf(TenantRegistry tenants, string tenant, HelpdeskCapabilities helpdesk) =>
        tenants.Find(tenant) is { } t && t.Helpdesk == helpdesk ? t.Options.WebhookSecret : null;

    /// <returns>The raw body, or null when it is longer than <see cref="MaxBodyBytes"/>.</returns>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
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

    public static ProblemHttpResult NotAccepted(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Webhook not accepted", detail: detail);

    public static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Webhook body too large", detail: $"A webhook body may be at most {MaxBodyBytes} bytes.");

    public static ValidationProblem NotAnEvent(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Not a ticket event", detail: "See docs/webhooks.md for the payloads this endpoint reads.");
}

namespace Copilot.Api.Webhooks;

/// <summary>
/// The header a Freshdesk automation rule sends the tenant's webhook secret in (Freshdesk signs nothing); the route
/// compares it with <see cref="Auth.SecretComparison"/>.
/// </summary>
public static class FreshdeskWebhookSecret
{
    public const string Header = Auth.CallerProofs.WebhookSecretHeader;
}

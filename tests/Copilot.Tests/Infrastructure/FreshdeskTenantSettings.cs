namespace Copilot.Tests.Infrastructure;

public static class FreshdeskTenantSettings
{
    /// <summary>A Freshdesk account as a tenant (<c>Helpdesk=freshdesk</c>, its API key). Its background knowledge sync is off.</summary>
    public static TestHostBuilder WithFreshdeskTenant(this TestHostBuilder host, string id, Uri helpdesk, string apiKey, string sharedSecret, string? webhookSecret = null)
    {
        var prefix = $"Copilot:Tenants:{id}:";
        host.With(prefix + "Helpdesk", "freshdesk")
            .With(prefix + "BaseUrl", helpdesk.ToString())
            .With(prefix + "ApiKey", apiKey)
            .With(prefix + "SharedSecret", sharedSecret)
            .With(prefix + "SyncIntervalMinutes", "0");
        return webhookSecret is null ? host : host.With(prefix + "WebhookSecret", webhookSecret);
    }
}

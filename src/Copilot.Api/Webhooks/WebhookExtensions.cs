namespace Copilot.Api.Webhooks;

public static class WebhookExtensions
{
    /// <summary>The helpdesks' webhooks: their checks, and the one path every event takes to the ticket outcomes.</summary>
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TicketOutcomeStore>();
        builder.Services.AddSingleton<TicketEventIntake>();
        builder.Services.AddSingleton<ZendeskWebhookVerifier>();
        return builder;
    }
}

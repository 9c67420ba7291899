using Copilot.Connectors.Freshdesk;
using Copilot.Connectors.Zendesk;

namespace Copilot.Api.Configuration;

public static class ConnectorSettings
{
    public const string ZendeskSection = "Copilot:Zendesk";
    public const string FreshdeskSection = "Copilot:Freshdesk";

    /// <summary>The connectors' sections, bound by the connectors themselves, checked at start-up like every other.</summary>
    public static WebApplicationBuilder CheckConnectorSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddConfigurationCheck<ZendeskClientOptions>(ZendeskSection);
        builder.Services.AddConfigurationCheck<FreshdeskClientOptions>(FreshdeskSection);
        return builder;
    }
}

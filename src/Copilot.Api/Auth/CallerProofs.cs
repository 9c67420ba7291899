using Copilot.Api.Hosting;
using Microsoft.OpenApi;

namespace Copilot.Api.Auth;

/// <summary>
/// How each proof of the caller reads in the OpenAPI document: the schemes (<see cref="DescribedScheme"/>),
/// and for routes that run no ASP.NET Core scheme, what they check themselves (<see cref="CallerProof"/>).
/// </summary>
public static class CallerProofs
{
    public const string WebhookSignatureHeader = "X-Zendesk-Webhook-Signature";
    public const string WebhookTimestampHeader = "X-Zendesk-Webhook-Signature-Timestamp";
    public const string WebhookSecretHeader = "X-Copilot-Webhook-Secret";

    public static readonly DescribedScheme ProxyToken = new(AuthSchemes.ProxyTokenOpenApi, AuthSchemes.ProxyToken, new OpenApiSecurityScheme
    {
        Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
        Description = "HS256 JWT signed by Zendesk's app proxy with the tenant's shared secret: iss = tenant id, exp at most 10 minutes ahead, nbf honoured, jti accepted once. Proves the tenant only.",
    }, TenantOnly: true);

    public static readonly DescribedScheme Session = new(AuthSchemes.SessionOpenApi, AuthSchemes.Session, new OpenApiSecurityScheme
    {
        Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
        Description = "The sidebar session written into the app's page after Zendesk's signed load (POST /sidebar/ or /dashboard/): proves the tenant and the agent, with the agent's role. Renewed with POST /sidebar/session up to Sidebar:MaxSessionHours after the signed load.",
    });

    public static readonly DescribedScheme FreshworksApp = new(AuthSchemes.FreshworksAppOpenApi, AuthSchemes.FreshworksApp, new OpenApiSecurityScheme
    {
        Type = SecuritySchemeType.Http, Scheme = FreshworksAppCredentials.Scheme,
        Description = $"The Freshworks app's request templates, for Freshdesk tenants only: Authorization: {FreshworksAppCredentials.Scheme} {{the tenant's shared secret}} "
            + $"(filled in by Freshworks' proxy, never seen by the browser), {FreshworksAppCredentials.TenantHeader}: the tenant id, "
            + $"{FreshworksAppCredentials.AgentHeader}: the signed-in agent's Freshdesk user id. The secret proves the tenant; the agent id is checked with "
            + "Freshdesk (an active agent or admin of the account) and its role comes from there: Freshdesk admins are admin, agents holding a role in "
            + "Sidebar:Tenants:{id}:TeamLeadRoleIds lead. An unknown tenant, a Zendesk tenant and a wrong secret get the same 401; an id that is no "
            + "active agent or admin a 403.",
    });

    public static readonly DescribedScheme AdminKey = new(AuthSchemes.AdminKeyOpenApi, AuthSchemes.AdminKey, new OpenApiSecurityScheme
    {
        Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = AdminKeyHandler.Header,
        Description = "The deployment's admin key (Copilot:AdminKey).",
    });

    /// <summary>The webhook route checks the signature itself (<c>Webhooks/ZendeskWebhookVerifier</c>).</summary>
    public static readonly DescribedScheme WebhookSignature = new(AuthSchemes.WebhookSignatureOpenApi, null, new OpenApiSecurityScheme
    {
        Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = WebhookSignatureHeader,
        Description = $"base64(HMAC-SHA256(the tenant's webhook signing secret, {WebhookTimestampHeader} + raw body)), the timestamp within 5 minutes of now.",
    });

    /// <summary>The Freshdesk webhook route checks the secret itself (<c>Webhooks/FreshdeskWebhookSecret</c>).</summary>
    public static readonly DescribedScheme WebhookSecret = new(AuthSchemes.WebhookSecretOpenApi, null, new OpenApiSecurityScheme
    {
        Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = WebhookSecretHeader,
        Description = "The tenant's webhook secret (Copilot:Tenants:{id}:WebhookSecret), sent by the Freshdesk automation rule as a custom header and compared in constant time; the body's 'time' must be within 5 minutes of now.",
    });

    public static readonly IReadOnlyList<DescribedScheme> All = [ProxyToken, Session, FreshworksApp, AdminKey, WebhookSignature, WebhookSecret];

    public static readonly CallerProof WebhookSigned = new(AuthSchemes.WebhookSignatureOpenApi,
        "Zendesk's webhook signature over the timestamp and body, checked with the tenant's signing secret.");

    public static readonly CallerProof WebhookSecretSent = new(AuthSchemes.WebhookSecretOpenApi,
        "The tenant's webhook secret in X-Copilot-Webhook-Secret, as the Freshdesk automation rule sends it, and the event's time within 5 minutes of now.");

    /// <summary>The POST of a signed location (sidebar, dashboard): the token in its form.</summary>
    public static readonly CallerProof SignedLoad = new(null,
        "Zendesk's signed load: an RS256 JWT in the form field 'token', signed with the app's key and checked with the helpdesk's public key; the user it names is checked with the helpdesk.");

    /// <summary>The GET of a signed location: only a 401 saying where the page starts, so it needs no proof.</summary>
    public static readonly CallerProof NoProof = new(null, "None: answers 401, explaining that the page starts from Zendesk's signed load.");

    /// <summary>
    /// The local preview (not in the OpenAPI document): no credentials, so its routes exist only in demo mode
    /// and answer only while the in-process demo helpdesks run (<c>RouteGroups.Preview</c>).
    /// </summary>
    public static readonly CallerProof DemoPreview = new(null, "None: demo mode only, for the in-process demo helpdesks (Zendesk and Freshdesk) only.");
}

using System.Text.Json.Nodes;
using Copilot.Api.Sidebar;
using Copilot.Api.Tenants;
using Copilot.Api.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Copilot.Api.Hosting;

/// <summary>
/// For the OpenAPI document: how a route that runs no authentication scheme proves its caller
/// (a signature, a signed form field) — or that it needs no proof at all.
/// </summary>
/// <param name="SecurityScheme">The OpenAPI security scheme the proof is (one of <see cref="OpenApiSecurity"/>'s), or null when none fits.</param>
public sealed record CallerProof(string? SecurityScheme, string Description);

/// <summary>
/// Every operation in <c>/openapi/v1.json</c> names how its caller is authenticated: the security
/// schemes of its authorization policy (with the roles it requires), or its <see cref="CallerProof"/>
/// as <c>x-caller-proof</c> with the scheme it names, or an explicit anonymous requirement.
/// </summary>
public static class OpenApiSecurity
{
    public const string ProxyToken = "zendeskProxyToken";
    public const string Session = "sidebarSession";
    public const string AdminKey = "adminKey";
    public const string WebhookSignature = "zendeskWebhookSignature";

    private static readonly Dictionary<string, string> ByAuthenticationScheme = new(StringComparer.Ordinal)
    {
        [SidebarTokenHandler.SchemeName] = ProxyToken,
        [SessionTokenHandler.SchemeName] = Session,
        [AdminKeyHandler.SchemeName] = AdminKey,
    };

    public static OpenApiOptions AddCallerSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = Schemes();
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var authorize = metadata.OfType<IAuthorizeData>().ToList();
            var inline = metadata.OfType<AuthorizationPolicy>().ToList();
            operation.Security ??= [];
            if ((authorize.Count > 0 || inline.Count > 0) && !metadata.OfType<IAllowAnonymous>().Any())
            {
                var policies = context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>();
                var policy = await AuthorizationPolicy.CombineAsync(policies, authorize, inline);
                var roles = policy?.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList() ?? [];
                // A proxy token proves the tenant and nothing else: a policy asking for a role or an
                // assertion (analytics) lets its scheme run but never lets the token through.
                var tenantOnly = policy?.Requirements.All(r => r is ClaimsAuthorizationRequirement or DenyAnonymousAuthorizationRequirement) ?? false;
                foreach (var scheme in policy?.AuthenticationSchemes ?? [])
                {
                    if (ByAuthenticationScheme.TryGetValue(scheme, out var id) && (id != ProxyToken || tenantOnly))
                    {
                        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(id, context.Document)] = [.. roles] });
                    }
                }
                return;
            }
            if (metadata.OfType<CallerProof>().LastOrDefault() is { } proof)
            {
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions["x-caller-proof"] = new JsonNodeExtension(JsonValue.Create(proof.Description));
                operation.Security.Add(proof.SecurityScheme is { } id
                    ? new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(id, context.Document)] = [] }
                    : new OpenApiSecurityRequirement());
            }
        });
        return options;
    }

    private static Dictionary<string, IOpenApiSecurityScheme> Schemes() => new(StringComparer.Ordinal)
    {
        [ProxyToken] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "HS256 JWT signed by Zendesk's app proxy with the tenant's shared secret: iss = tenant id, exp at most 10 minutes ahead, nbf honoured, jti accepted once. Proves the tenant only.",
        },
        [Session] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "The sidebar session written into the app's page after Zendesk's signed load (POST /sidebar/ or /dashboard/): proves the tenant and the agent, with the agent's role. Renewed with POST /sidebar/session up to Sidebar:MaxSessionHours after the signed load.",
        },
        [AdminKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = AdminKeyHandler.Header,
            Description = "The deployment's admin key (Copilot:AdminKey).",
        },
        [WebhookSignature] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ZendeskWebhookVerifier.SignatureHeader,
            Description = $"base64(HMAC-SHA256(the tenant's webhook signing secret, {ZendeskWebhookVerifier.TimestampHeader} + raw body)), the timestamp within 5 minutes of now.",
        },
    };
}

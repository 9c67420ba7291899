using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Copilot.Api.Hosting;

/// <summary>
/// A way of proving the caller, as the OpenAPI document describes it. The feature that defines
/// the proof registers it (<see cref="OpenApiSecurity.AddOpenApiScheme"/>).
/// </summary>
/// <param name="Id">The name under <c>components.securitySchemes</c>.</param>
/// <param name="AuthenticationScheme">The ASP.NET Core scheme that checks it; null for a proof a handler checks itself (see <see cref="CallerProof"/>).</param>
/// <param name="TenantOnly">It proves the tenant and nothing else: listed only on routes whose policy asks for no role or assertion.</param>
public sealed record DescribedScheme(string Id, string? AuthenticationScheme, OpenApiSecurityScheme Scheme, bool TenantOnly = false);

/// <summary>
/// For the OpenAPI document: how a route that runs no authentication scheme proves its caller
/// (a signature, a signed form field) — or that it needs no proof at all.
/// </summary>
/// <param name="SecurityScheme">The <see cref="DescribedScheme.Id"/> the proof is, or null when none fits.</param>
public sealed record CallerProof(string? SecurityScheme, string Description);

/// <summary>
/// Every operation in <c>/openapi/v1.json</c> names how its caller is authenticated: the security
/// schemes of its authorization policy (with the roles it requires), or its <see cref="CallerProof"/>
/// as <c>x-caller-proof</c> with the scheme it names, or an explicit anonymous requirement.
/// </summary>
public static class OpenApiSecurity
{
    public static IServiceCollection AddOpenApiScheme(this IServiceCollection services, DescribedScheme scheme) =>
        services.AddSingleton(scheme);

    public static OpenApiOptions AddCallerSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = context.ApplicationServices.GetServices<DescribedScheme>()
                .ToDictionary(s => s.Id, IOpenApiSecurityScheme (s) => s.Scheme, StringComparer.Ordinal);
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
                // A role or an assertion (analytics) lets a tenant-only scheme run but never lets it through.
                var tenantOnly = policy?.Requirements.All(r => r is ClaimsAuthorizationRequirement or DenyAnonymousAuthorizationRequirement) ?? false;
                var schemes = context.ApplicationServices.GetServices<DescribedScheme>().ToList();
                foreach (var name in policy?.AuthenticationSchemes ?? [])
                {
                    if (schemes.FirstOrDefault(s => s.AuthenticationScheme == name) is { } scheme && (!scheme.TenantOnly || tenantOnly))
                    {
                        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme.Id, context.Document)] = [.. roles] });
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
}

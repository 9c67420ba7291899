using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Security;

/// <summary>One route the running host answers, read from its endpoint table (not from a list kept by hand).</summary>
public sealed record HostRoute(string Method, RoutePattern Pattern, bool RequiresAuthorization, bool Described)
{
    public string Template => "/" + Pattern.RawText!.TrimStart('/');

    /// <summary>The path with every parameter filled in: the given values, else a plausible one.</summary>
    public string Path(IReadOnlyDictionary<string, string>? values = null) =>
        "/" + string.Join('/', Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart p => Uri.EscapeDataString(values?.GetValueOrDefault(p.Name) ?? Sample(p)),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    private static string Sample(RoutePatternParameterPart parameter) => parameter.Name switch
    {
        "tenant" => "acme",
        "path" => "index.html",
        _ when parameter.ParameterPolicies.Any(p => p.Content is "long" or "int") => "101",
        _ => "1",
    };

    public override string ToString() => $"{Method} {Template}";

    public static IReadOnlyList<HostRoute> Of(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new HostRoute(
                method,
                e.RoutePattern,
                e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null,
                e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })))
            .ToList();
}

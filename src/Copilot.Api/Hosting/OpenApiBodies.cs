using Microsoft.OpenApi;

namespace Copilot.Api.Hosting;

/// <summary>
/// Describes, in the OpenAPI document only, a body a handler reads itself (a form, a raw upload).
/// Unlike <c>Accepts()</c> it adds no content-type constraint to routing, so a wrong media type
/// still reaches authentication first and then the handler's own explanation.
/// </summary>
public static class OpenApiBodies
{
    public static RouteHandlerBuilder DescribesBody(this RouteHandlerBuilder route, string description, IOpenApiSchema schema, params string[] contentTypes) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = description,
                Required = true,
                Content = contentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = schema }),
            };
            return Task.CompletedTask;
        });

    public static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    /// <summary>An object of string fields, all required.</summary>
    public static OpenApiSchema Fields(params (string Name, string Description)[] fields) => new()
    {
        Type = JsonSchemaType.Object,
        Required = fields.Select(f => f.Name).ToHashSet(),
        Properties = fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)Text(f.Description)),
    };
}

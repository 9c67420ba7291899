using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Copilot.Api.Hosting;

/// <summary>
/// Numbers in the OpenAPI document as the API writes them: the web JSON defaults also read a number from a string,
/// which the schema generator describes as "integer or string"; every answer is written as a number, so the
/// document (and the types generated from it) says number.
/// </summary>
public static class OpenApiNumbers
{
    public static OpenApiOptions DescribeNumbersAsNumbers(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, _, _) =>
        {
            AsNumber(schema);
            return Task.CompletedTask;
        });

    public static void AsNumber(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchema { Type: { } type } s && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            s.Type = type & ~JsonSchemaType.String;
            s.Pattern = null;
        }
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Copilot.Api.Vocabulary;

/// <summary>A text field that holds a word of the vocabulary: typed as that enum in the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WireEnumAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}

/// <summary>
/// Publishes the vocabulary in <c>/openapi/v1.json</c>: every enum as a named schema of its wire names (the
/// sidebar's types are generated from these), text fields marked <see cref="WireEnumAttribute"/> as that enum,
/// and maps keyed by an enum as objects with one required property per word.
/// </summary>
public static class VocabularyOpenApi
{
    /// <summary>The words the sidebar and dashboard share with the backend.</summary>
    public static readonly IReadOnlyList<Type> Enums =
        [typeof(FeedbackOutcome), typeof(RejectionReason), typeof(EditBucket), typeof(SuggestionKind)];

    public static OpenApiOptions AddVocabulary(this OpenApiOptions options)
    {
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(WireEnumAttribute), false) is [WireEnumAttribute marked, ..])
            {
                schema.Enum = [.. Names(marked.EnumType).Select(n => (JsonNode)n)];
            }
            else if (type.IsGenericType && type.GetGenericArguments() is [{ IsEnum: true } key, _]
                && typeof(IEnumerable<>).MakeGenericType(typeof(KeyValuePair<,>).MakeGenericType(type.GetGenericArguments())).IsAssignableFrom(type)
                && schema.AdditionalProperties is { } value)
            {
                Hosting.OpenApiNumbers.AsNumber(value);
                schema.Properties = Names(key).ToDictionary(n => n, _ => value);
                schema.Required = Names(key).ToHashSet();
                schema.AdditionalPropertiesAllowed = false;
                schema.AdditionalProperties = null;
            }
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            foreach (var e in Enums)
            {
                document.Components.Schemas[e.Name] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. Names(e).Select(n => (JsonNode)n)],
                };
            }
            document.Components.Schemas[nameof(IsoWeek)] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Pattern = IsoWeek.Pattern,
                Description = "An ISO 8601 week, e.g. 2026-W47: weeks start on Monday; week 1 holds the year's first Thursday.",
            };
            return Task.CompletedTask;
        });
        return options;
    }

    /// <summary>The wire names of a vocabulary enum, by its type.</summary>
    public static IReadOnlyList<string> Names(Type enumType) =>
        (IReadOnlyList<string>)typeof(Wire).GetMethod(nameof(Wire.AllNames))!.MakeGenericMethod(enumType).Invoke(null, null)!;
}

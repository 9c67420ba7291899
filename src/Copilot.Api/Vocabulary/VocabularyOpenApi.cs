using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Copilot.Api.Vocabulary;

/// <summary>
/// A text field (or a list of them) that holds a word of a closed set: typed as that enum in the OpenAPI document.
/// The words are the enum's wire names, or, with <see cref="Member"/>, the strings a static member of the type lists.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WireEnumAttribute(Type type, string? member = null) : Attribute
{
    public Type Type { get; } = type;

    /// <summary>A static field or property of <see cref="Type"/> listing the words (strings, or the keys of a dictionary).</summary>
    public string? Member { get; } = member;

    public IReadOnlyList<string> Words()
    {
        if (Member is null)
        {
            return VocabularyOpenApi.Names(Type);
        }
        const System.Reflection.BindingFlags Static = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static;
        var value = Type.GetField(Member, Static)?.GetValue(null) ?? Type.GetProperty(Member, Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{Type.Name}.{Member} is not a static member.");
        return value switch
        {
            IEnumerable<KeyValuePair<string, string>> map => [.. map.Select(p => p.Key)],
            IEnumerable<string> words => [.. words],
            _ => throw new InvalidOperationException($"{Type.Name}.{Member} lists no words."),
        };
    }
}

/// <summary>
/// Publishes the vocabulary in <c>/openapi/v1.json</c>: every enum as a named schema of its wire names (the
/// sidebar's types are generated from these), text fields marked <see cref="WireEnumAttribute"/> as that enum,
/// maps keyed by an enum as objects with one required property per word, and every enum the API writes as a
/// string of its wire names (a nullable one says so where it is used, not in its list of words).
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
                var words = schema.Items is OpenApiSchema items && schema.Type is { } t && t.HasFlag(JsonSchemaType.Array) ? items : schema;
                words.Enum = [.. marked.Words().Select(n => (JsonNode)n)];
            }
            else if ((Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } && schema.Enum is { Count: > 0 } values)
            {
                // The generator lists an enum's words without a type, and a nullable enum's with null among them.
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. values.Where(v => v is not null)];
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

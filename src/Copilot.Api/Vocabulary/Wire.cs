using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Copilot.Api.Vocabulary;

/// <summary>
/// How a member of the vocabulary is written on the wire, in the store and in the OpenAPI document: its
/// <see cref="JsonStringEnumMemberNameAttribute"/> when it has one, its name in kebab-case otherwise. The JSON
/// options of the host use <see cref="Naming"/>, so the API, the rollup columns and the generated sidebar types
/// all read the same words.
/// </summary>
public static class Wire
{
    public static readonly JsonNamingPolicy Naming = JsonNamingPolicy.KebabCaseLower;

    public static string Name<T>(T value) where T : struct, Enum => Names<T>.ByValue[value];

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Names<T>.ByName.TryGetValue(text ?? "", out value);

    /// <summary>For words read back from the store, which only ever holds words of the vocabulary.</summary>
    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");

    public static IReadOnlyList<T> All<T>() where T : struct, Enum => Names<T>.Values;

    public static IReadOnlyList<string> AllNames<T>() where T : struct, Enum => Names<T>.Values.Select(Name).ToList();

    private static class Names<T> where T : struct, Enum
    {
        public static readonly T[] Values = Enum.GetValues<T>();
        public static readonly FrozenDictionary<T, string> ByValue = Values.ToFrozenDictionary(v => v, NameOf);
        public static readonly FrozenDictionary<string, T> ByName = Values.ToFrozenDictionary(NameOf, v => v, StringComparer.Ordinal);

        private static string NameOf(T value)
        {
            var field = typeof(T).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)!;
            return field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? Naming.ConvertName(value.ToString());
        }
    }
}

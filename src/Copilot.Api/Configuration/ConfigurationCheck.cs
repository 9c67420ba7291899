using System.ComponentModel;
using System.Reflection;

namespace Copilot.Api.Configuration;

/// <summary>
/// Reads a configuration section the way the binder will, before it does: every value must convert
/// to its property's type and every key must name a property. The binder itself throws a stack trace
/// for a bad value in a plain section and, inside a dictionary such as <c>Copilot:Tenants</c>, drops the
/// whole entry without a word; this says which key holds what, one line each.
/// </summary>
public static class ConfigurationCheck
{
    private const int ShownValueLength = 40;

    /// <summary>
    /// A switch read while the host is being built: null when unset or malformed (the start-up check
    /// reports a malformed one by key; throwing here would bury it in a stack trace).
    /// </summary>
    public static bool? Flag(IConfiguration configuration, string key) => bool.TryParse(configuration[key], out var value) ? value : null;

    /// <param name="ownedElsewhere">Keys checked by another section's type (<c>Copilot:Store</c> beside <c>Copilot</c>'s own keys).</param>
    public static List<string> Problems(IConfigurationSection section, Type type, Func<string, bool> ownedElsewhere)
    {
        var problems = new List<string>();
        Walk(section, type, problems, ownedElsewhere);
        return problems;
    }

    private static void Walk(IConfigurationSection section, Type type, List<string> problems, Func<string, bool> ownedElsewhere)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var children = section.GetChildren().ToList();
        if (IsSingleValue(type))
        {
            if (children.Count > 0)
            {
                problems.Add($"{section.Path} takes a single value, not a group of settings.");
            }
            else if (!string.IsNullOrEmpty(section.Value) && !Converts(section.Value, type))
            {
                problems.Add($"{section.Path}: '{Shown(section.Value)}' is not {Describe(type)}.");
            }
            return;
        }
        if (children.Count == 0)
        {
            if (!string.IsNullOrEmpty(section.Value))
            {
                problems.Add($"{section.Path} is a group of settings, not a single value.");
            }
            return;
        }
        if (DictionaryValueType(type) is { } valueType)
        {
            children.ForEach(child => Walk(child, valueType, problems, ownedElsewhere));
        }
        else if (ListItemType(type) is { } itemType)
        {
            foreach (var child in children)
            {
                if (!int.TryParse(child.Key, out var index) || index < 0)
                {
                    problems.Add($"{child.Path}: a list takes items numbered 0, 1, 2, …, not '{Shown(child.Key)}'.");
                    continue;
                }
                Walk(child, itemType, problems, ownedElsewhere);
            }
        }
        else
        {
            var properties = Settable(type);
            foreach (var child in children)
            {
                if (properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase)) is { } property)
                {
                    Walk(child, property.PropertyType, problems, ownedElsewhere);
                }
                else if (!ownedElsewhere(child.Path))
                {
                    problems.Add($"{child.Path} is not a setting{Suggestion(child.Key, properties)}.");
                }
            }
        }
    }

    private static bool IsSingleValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Uri)
        || (DictionaryValueType(type) is null && ListItemType(type) is null && !HasSettableProperties(type)
            && TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)));

    private static bool Converts(string value, Type type)
    {
        try
        {
            // The converter the binder uses, so what passes here binds there.
            return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value) is not null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException or InvalidCastException)
        {
            return false;
        }
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()))}",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "a whole number in range",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number such as 0.5",
        _ when type == typeof(TimeSpan) => "a time span such as 00:00:30 (hh:mm:ss)",
        _ => $"a valid {type.Name}",
    };

    private static string Shown(string value)
    {
        var cut = value.Length > ShownValueLength ? value[..ShownValueLength] + "…" : value;
        return string.Concat(cut.Select(c => char.IsControl(c) ? '?' : c));
    }

    private static string Suggestion(string key, IEnumerable<PropertyInfo> properties) =>
        properties.Select(p => p.Name).FirstOrDefault(name => Distance(key.ToLowerInvariant(), name.ToLowerInvariant()) <= 2) is { } near
            ? $" (did you mean {near}?)"
            : "";

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    private static List<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic == true || (p.CanRead && (DictionaryValueType(p.PropertyType) ?? ListItemType(p.PropertyType)) is not null)))
            .ToList();

    private static bool HasSettableProperties(Type type) => !type.IsValueType && type != typeof(object) && Settable(type).Count > 0;

    private static Type? DictionaryValueType(Type type) =>
        Interfaces(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))
            ?.GetGenericArguments()[1];

    private static Type? ListItemType(Type type) =>
        type == typeof(string) || DictionaryValueType(type) is not null ? null
        : type.IsArray ? type.GetElementType()
        : Interfaces(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static IEnumerable<Type> Interfaces(Type type) => type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces();
}

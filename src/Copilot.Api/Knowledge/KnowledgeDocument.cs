namespace Copilot.Api.Knowledge;

/// <summary>One source as it goes into the index: an article, a macro, a past reply or an imported document.</summary>
public sealed record KnowledgeDocument(
    SourceKind Kind,
    string SourceId,
    string Title,
    string Text,
    string? Url,
    string? Locale,
    DateTimeOffset UpdatedAt);

/// <summary>What an upsert did: sources (re)indexed, and sources skipped because their content had not changed.</summary>
public sealed record UpsertResult(int Indexed, int Unchanged);

public static class SourceKinds
{
    /// <summary>The kinds the knowledge index holds: every kind but <see cref="SourceKind.Lookup"/>, which is never stored.</summary>
    public static readonly IReadOnlyList<SourceKind> Indexed = [SourceKind.Article, SourceKind.Macro, SourceKind.PastReply, SourceKind.Document];

    /// <summary>Their wire names, for the DTOs that only ever carry knowledge.</summary>
    public static readonly IReadOnlyList<string> IndexedNames = [.. Indexed.Select(k => k.ToName())];

    /// <summary>The name stored in the database and shown on the wire.</summary>
    public static string ToName(this SourceKind kind) => kind switch
    {
        SourceKind.Article => "article",
        SourceKind.Macro => "macro",
        SourceKind.PastReply => "past-reply",
        SourceKind.Document => "document",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static SourceKind Parse(string name) => TryParse(name, out var kind)
        ? kind
        : throw new ArgumentException($"Unknown source kind '{name}'.", nameof(name));

    public static bool TryParse(string? name, out SourceKind kind)
    {
        foreach (var candidate in Indexed)
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>Locales are stored lower case (<c>en-us</c>) so filters compare them exactly.</summary>
    public static string? NormalizeLocale(string? locale) =>
        string.IsNullOrWhiteSpace(locale) ? null : locale.Trim().Replace('_', '-').ToLowerInvariant();
}

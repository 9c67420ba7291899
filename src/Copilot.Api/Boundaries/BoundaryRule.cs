using System.Text.Json;
using System.Text.Json.Serialization;

namespace Copilot.Api.Boundaries;

/// <summary>
/// One admin-configured boundary rule, as stored and as read/written by the admin API.
/// Phrase and pattern lists are keyed by language code ("en", "de", … or "any"); all lists
/// are checked whatever the thread's language, because customers mix languages.
/// </summary>
public sealed class BoundaryRule
{
    public const string KindPhrases = "phrases";
    public const string KindAnger = "anger";
    public const string KindRepeatedContact = "repeated-contact";
    public const string ScopeCustomer = "customer";
    public const string ScopeAll = "all";
    public const double DefaultAngerThreshold = 0.5;
    public const int DefaultMinMessages = 3;

    /// <summary>Slug: lower-case letters, digits and single dashes.</summary>
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>handoff or caution.</summary>
    public string? Action { get; init; }
    public bool Enabled { get; init; } = true;

    /// <summary>phrases, anger or repeated-contact.</summary>
    public string? Kind { get; init; }

    /// <summary>phrases rules: whose comments are read — customer (default: public customer comments and the subject) or all.</summary>
    public string? Scope { get; init; }

    /// <summary>Literal phrases, case-insensitive, matched as whole words; a phrase right after a negation ("I don't want to …") is ignored.</summary>
    public Dictionary<string, List<string>>? Phrases { get; init; }

    /// <summary>.NET regular expressions, case-insensitive, run with a match timeout.</summary>
    public Dictionary<string, List<string>>? Patterns { get; init; }

    /// <summary>anger rules: insults and profanity, which weigh more than the frustration phrases in <see cref="Phrases"/>.</summary>
    public Dictionary<string, List<string>>? Insults { get; init; }

    /// <summary>anger rules: score (0..1) at which the rule fires.</summary>
    public double? Threshold { get; init; }

    /// <summary>The way forward offered to the agent when this rule fires; null: the warning only.</summary>
    public WayForward? WayForward { get; init; }

    /// <summary>repeated-contact rules: customer messages in a row, with no agent reply between them, that make the rule fire.</summary>
    public int? MinMessages { get; init; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    internal static IReadOnlyList<BoundaryRule> ParseList(string json) =>
        JsonSerializer.Deserialize<List<BoundaryRule>>(json, Json) ?? [];

    internal static string ToJson(IReadOnlyList<BoundaryRule> rules) => JsonSerializer.Serialize(rules, Json);

    /// <summary>The rules every tenant starts with (embedded <c>Boundaries/default-rules.json</c>).</summary>
    internal static IReadOnlyList<BoundaryRule> Defaults { get; } = LoadDefaults();

    private static IReadOnlyList<BoundaryRule> LoadDefaults()
    {
        using var stream = typeof(BoundaryRule).Assembly.GetManifestResourceStream("Boundaries.default-rules.json")
            ?? throw new InvalidOperationException("The embedded resource Boundaries.default-rules.json is missing.");
        using var reader = new StreamReader(stream);
        return ParseList(reader.ReadToEnd());
    }
}

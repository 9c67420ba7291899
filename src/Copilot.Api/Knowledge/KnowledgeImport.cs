using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Copilot.Api.Knowledge;

/// <summary>
/// Parses documents an admin uploads: JSON Lines (<c>{"id","title","body","url"?,"locale"?}</c>
/// per line) or one Markdown file. Every line is checked before anything is returned, so a
/// caller writes all documents or none.
/// </summary>
public static partial class KnowledgeImport
{
    public const int MaxIdLength = 200;
    public const int MaxTitleLength = 500;

    /// <summary>The problem of a line's <c>locale</c> that is not a language tag (<see cref="Locale"/>).</summary>
    public const string LocaleError = "'locale' must look like 'en' or 'en-US'.";

    /// <summary>Documents, or errors keyed by where they are (<c>line 3</c>, <c>title</c>).</summary>
    public sealed record Parsed(IReadOnlyList<KnowledgeDocument> Documents, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public static Parsed ParseJsonLines(string content, DateTimeOffset now)
    {
        var documents = new List<KnowledgeDocument>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (number, root, problems) in JsonLines.Read(content))
        {
            var document = root is { } line ? ParseLine(line, now, problems) : null;
            if (document is not null && ids.TryGetValue(document.SourceId, out var first))
            {
                problems.Add($"'id' {document.SourceId} is also on line {first}.");
            }
            if (problems.Count > 0)
            {
                errors[$"line {number}"] = problems.ToArray();
            }
            else if (document is not null)
            {
                ids[document.SourceId] = number;
                documents.Add(document);
            }
        }
        if (documents.Count == 0 && errors.Count == 0)
        {
            errors["body"] = ["The body holds no documents: send one JSON object per line."];
        }
        return new Parsed(documents, errors);
    }

    /// <summary>A Markdown file: the title from <paramref name="title"/> or its first <c># heading</c>, the id from <paramref name="id"/> or a slug of the title.</summary>
    public static Parsed ParseMarkdown(string content, string? id, string? title, string? url, string? locale, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var body = content.Replace("\r\n", "\n");
        var heading = FirstHeading().Match(body);
        if (string.IsNullOrWhiteSpace(title) && heading.Success)
        {
            title = heading.Groups[1].Value.Trim();
            body = body.Remove(heading.Index, heading.Length);
        }
        if (string.IsNullOrWhiteSpace(title))
        {
            errors["title"] = ["Give a ?title= or start the file with a '# heading'."];
        }
        id = string.IsNullOrWhiteSpace(id) ? Slug(title ?? "") : id.Trim();
        var problems = new List<string>();
        var text = TextConversion.MarkdownToText(body);
        Check(id, title ?? "", text, url, locale, problems);
        if (problems.Count > 0)
        {
            errors["document"] = problems.ToArray();
        }
        return errors.Count > 0
            ? new Parsed([], errors)
            : new Parsed([new KnowledgeDocument(SourceKind.Document, id, title!.Trim(), text!, url, locale, now)], errors);
    }

    public static string Slug(string title)
    {
        var builder = new StringBuilder();
        foreach (var c in FtsQuery.Fold(title))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '_' or '/' or '.') && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length > 80 ? slug[..80].Trim('-') : slug;
    }

    private static KnowledgeDocument? ParseLine(JsonElement root, DateTimeOffset now, List<string> problems)
    {
        var id = Field(root, "id", required: true, problems, allowNumber: true);
        var title = Field(root, "title", required: true, problems);
        var body = Field(root, "body", required: true, problems);
        var url = Field(root, "url", required: false, problems);
        var locale = Field(root, "locale", required: false, problems);
        var text = body is null ? "" : TextConversion.ToPlainText(body);
        Check(id, title, text, url, locale, problems);
        return problems.Count > 0 ? null : new KnowledgeDocument(SourceKind.Document, id!, title!.Trim(), text!, url, locale, now);
    }

    private static void Check(string? id, string? title, string? text, string? url, string? locale, List<string> problems)
    {
        if (text is null)
        {
            problems.Add(TextConversion.UnreadableMarkdown);
        }
        if (id is { } i && (i.Length == 0 || i.Length > MaxIdLength))
        {
            problems.Add($"'id' must be 1 to {MaxIdLength} characters.");
        }
        if (title is { Length: > MaxTitleLength })
        {
            problems.Add($"'title' may be at most {MaxTitleLength} characters.");
        }
        if (title is not null && text is "")
        {
            problems.Add("'body' holds no text.");
        }
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
        {
            problems.Add("'url' must be an absolute http(s) URL.");
        }
        if (locale is not null && !Locale().IsMatch(locale))
        {
            problems.Add(LocaleError);
        }
    }

    private static string? Field(JsonElement root, string name, bool required, List<string> problems, bool allowNumber = false)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add($"'{name}' is required.");
            }
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && (!required || !string.IsNullOrWhiteSpace(value.GetString())))
        {
            return value.GetString();
        }
        if (allowNumber && value.ValueKind == JsonValueKind.Number)
        {
            return value.GetRawText();
        }
        problems.Add(required ? $"'{name}' must be a non-empty string." : $"'{name}' must be a string.");
        return null;
    }

    [GeneratedRegex(@"^[ \t]*#[ \t]+(.+?)[ \t#]*$", RegexOptions.Multiline)]
    private static partial Regex FirstHeading();

    /// <summary>What a locale looks like: "en", "en-US", "pt_BR".</summary>
    [GeneratedRegex(@"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")]
    internal static partial Regex Locale();
}

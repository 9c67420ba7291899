using System.Text.Json;

namespace Copilot.Api.Knowledge.Check;

/// <summary>One question of a knowledge check and the sources that answer it (any of them counts).</summary>
/// <param name="Line">Its line in the file, for the answer to point back at.</param>
/// <param name="Locale">The asker's locale ("de-CH"), a prior for the question's language as a requester's is; null: none.</param>
public sealed record CheckQuestion(int Line, string Question, IReadOnlyList<string> Expected, string? Locale);

/// <summary>
/// Parses a knowledge check: JSON Lines, <c>{"question", "expected", "locale"?}</c> per line, where <c>expected</c> is
/// a source id or a list of them. Every line is checked before anything is run, as an import's are.
/// </summary>
public static class KnowledgeCheckFile
{
    /// <summary>Questions in one check: at about 10 ms each the answer comes within seconds.</summary>
    public const int MaxQuestions = 1_000;

    /// <summary>Source ids one question may name as its answer.</summary>
    public const int MaxExpected = 20;

    public sealed record Parsed(IReadOnlyList<CheckQuestion> Questions, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    /// <param name="maxQuestions">The most questions taken (a route's limit; the evaluation tool reads whole sets).</param>
    public static Parsed Parse(string content, int maxQuestions = MaxQuestions)
    {
        var questions = new List<CheckQuestion>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (number, root, problems) in JsonLines.Read(content))
        {
            var question = root is { } line ? ParseLine(number, line, problems) : null;
            if (problems.Count > 0)
            {
                errors[$"line {number}"] = [.. problems];
            }
            else if (question is not null)
            {
                questions.Add(question);
            }
        }
        if (questions.Count + errors.Count == 0)
        {
            errors["body"] = ["The body holds no questions: send one JSON object per line, {\"question\": \"…\", \"expected\": \"source id\"}."];
        }
        else if (questions.Count + errors.Count > maxQuestions)
        {
            errors["body"] = [$"A check holds at most {maxQuestions} questions; this one holds {questions.Count + errors.Count}. Split it."];
        }
        return new Parsed(questions, errors);
    }

    private static CheckQuestion? ParseLine(int number, JsonElement root, List<string> problems)
    {
        string? question = null;
        if (!root.TryGetProperty("question", out var q) || q.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(q.GetString()))
        {
            problems.Add("'question' must be a non-empty string.");
        }
        else if (q.GetString()!.Length > KnowledgeApi.MaxQueryLength)
        {
            problems.Add($"'question' may be at most {KnowledgeApi.MaxQueryLength} characters.");
        }
        else
        {
            question = q.GetString()!.Trim();
        }
        var expected = Expected(root, problems);
        string? locale = null;
        if (root.TryGetProperty("locale", out var l) && l.ValueKind != JsonValueKind.Null)
        {
            if (l.ValueKind == JsonValueKind.String && KnowledgeImport.Locale().IsMatch(l.GetString()!))
            {
                locale = l.GetString();
            }
            else
            {
                problems.Add(KnowledgeImport.LocaleError);
            }
        }
        return problems.Count > 0 ? null : new CheckQuestion(number, question!, expected!, locale);
    }

    /// <summary>A source id (a string, or a number as an import's ids may be) or a list of them.</summary>
    private static List<string>? Expected(JsonElement root, List<string> problems)
    {
        var shape = $"'expected' must be a source id or a list of 1 to {MaxExpected} source ids.";
        if (!root.TryGetProperty("expected", out var e))
        {
            problems.Add(shape);
            return null;
        }
        var values = e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToList() : [e];
        var ids = new List<string>();
        foreach (var value in values)
        {
            var id = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!.Trim(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
            if (id is not { Length: > 0 and <= KnowledgeImport.MaxIdLength })
            {
                problems.Add(shape);
                return null;
            }
            ids.Add(id);
        }
        if (ids.Count is 0 or > MaxExpected)
        {
            problems.Add(shape);
            return null;
        }
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }
}

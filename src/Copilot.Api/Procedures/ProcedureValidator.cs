using System.Text.RegularExpressions;

namespace Copilot.Api.Procedures;

/// <summary>A procedure as an admin sends it: the intent it is for, a title, and its steps in Markdown.</summary>
public sealed record PutProcedureRequest(string? Intent, string? Title, string? Steps);

/// <summary>What a procedure must be to be saved; every problem is named by its field.</summary>
public static partial class ProcedureValidator
{
    public const int MaxTitle = 200;
    public const int MaxStepsText = 8_000;
    public const int MaxSteps = 30;
    public const int MaxStep = 500;

    public static Dictionary<string, string[]> Validate(string id, PutProcedureRequest? body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Slug().IsMatch(id))
        {
            errors["id"] = ["A procedure's id is 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit (\"damaged-item\")."];
        }
        if (body?.Intent is not { } intent || !Slug().IsMatch(intent.Trim()))
        {
            errors["intent"] = ["Required: the intent the procedure is for, as triage names it (lower-case letters, digits and hyphens, up to 64)."];
        }
        if (string.IsNullOrWhiteSpace(body?.Title) || body.Title.Trim().Length > MaxTitle)
        {
            errors["title"] = [$"Required, at most {MaxTitle} characters."];
        }
        else if (Hidden().IsMatch(body.Title))
        {
            errors["title"] = ["A title holds no control characters, line breaks or direction overrides."];
        }
        if (string.IsNullOrWhiteSpace(body?.Steps) || body.Steps.Length > MaxStepsText)
        {
            errors["steps"] = [$"Required: the steps in Markdown (a numbered or bulleted list), at most {MaxStepsText} characters."];
        }
        else
        {
            var steps = Procedure.StepsOf(body.Steps);
            if (steps.Count > MaxSteps)
            {
                errors["steps"] = [$"At most {MaxSteps} steps (this has {steps.Count})."];
            }
            else if (steps.FirstOrDefault(s => s.Length > MaxStep) is { } longStep)
            {
                errors["steps"] = [$"A step holds at most {MaxStep} characters; \"{longStep[..40]}…\" has {longStep.Length}."];
            }
            else if (steps.Any(s => !s.Any(char.IsLetter)))
            {
                errors["steps"] = ["Every step says what to do: a list marker alone (\"2.\", \"-\") is not a step."];
            }
            else if (steps.Any(s => Hidden().IsMatch(s)))
            {
                errors["steps"] = ["Steps hold no control characters or direction overrides."];
            }
        }
        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();

    /// <summary>What an agent would not see, or would see reordered: control characters (a tab aside) and bidirectional overrides.</summary>
    [GeneratedRegex(@"[\p{Cc}\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069-[\t]]", RegexOptions.CultureInvariant)]
    private static partial Regex Hidden();
}

using System.Text.Json;
using Copilot.Api.Procedures;

namespace Copilot.Evaluation;

/// <summary>One ABCD subflow as an admin would write it as a procedure: its id and intent, title, steps, and the action each step is ("N/A" for none).</summary>
public sealed record AbcdProcedure(string Id, string DocId, string Intent, string Title, IReadOnlyList<string> Steps, IReadOnlyList<string> Actions)
{
    public string Markdown => string.Join("\n", Steps.Select((s, i) => $"{i + 1}. {s}"));
}

/// <summary>
/// ABCD's guidelines (<c>guidelines.json</c>: flows, their subflows, each a sequence of actions with the agent's
/// instructions) as procedures, one per subflow: the intent is the flow, the title the subflow's name with the guideline's opening
/// words, each action one step (its text and sub-points, within the API's 500 characters a step), and the guideline's closing
/// words a last step.
/// </summary>
public static class AbcdProcedures
{
    public const int MaxStep = 480;

    public static IReadOnlyList<AbcdProcedure> Load(string abcdFolder)
    {
        // The guideline documents name each subflow's doc id (the chats' gold) by "Flow - Subflow".
        var docIds = File.ReadLines(Path.Combine(abcdFolder, "kb_guideline_docs.jsonl")).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("title").GetString()!, e => e.GetProperty("doc_id").GetString()!, StringComparer.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(abcdFolder, "guidelines.json")));
        var procedures = new List<AbcdProcedure>();
        foreach (var flow in json.RootElement.EnumerateObject())
        {
            foreach (var subflow in flow.Value.GetProperty("subflows").EnumerateObject())
            {
                var name = $"{flow.Name} - {subflow.Name}";
                var docId = docIds[name];
                // What the flow covers, in the guideline's words, as an admin titles a procedure for when it applies.
                var instructions = subflow.Value.GetProperty("instructions").EnumerateArray().Select(i => i.GetString()!.Trim()).ToList();
                // When it applies, in the guideline's own opening words ("The customer believes an extra charge has been added to
                // their order."), as an admin titles a procedure.
                var title = Fit($"{name}: {instructions[0]}", ProcedureValidator.MaxTitle);
                var actions = subflow.Value.GetProperty("actions").EnumerateArray().ToList();
                var steps = actions.Select(a => Step(a.GetProperty("text").GetString()!, a.GetProperty("subtext").EnumerateArray().Select(x => x.GetString()!))).ToList();
                var buttons = actions.Select(a => a.GetProperty("button").GetString()!).ToList();
                // The guideline's closing words (how to wrap up; for the FAQ subflows, the questions they answer) are its last step.
                foreach (var closing in instructions.Skip(1))
                {
                    steps.Add(Step(closing, []));
                    buttons.Add("N/A");
                }
                procedures.Add(new AbcdProcedure(Slug(docId), docId, Slug(flow.Name), title, steps, buttons));
            }
        }
        return procedures;
    }

    /// <summary>"Product Defect" → "product-defect"; "refund_status" → "refund-status".</summary>
    public static string Slug(string name) => string.Join('-', name.ToLowerInvariant().Split([' ', '_', '/'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>An action's button as the chats' action labels name it ("Pull up Account" → "pull-up-account").</summary>
    public static string ActionLabel(string button) => Slug(button);

    private static string Fit(string text, int max)
    {
        text = string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 2);
        return text[..(cut > 0 ? cut : max - 2)] + " …";
    }

    private static string Step(string text, IEnumerable<string> subtext)
    {
        var step = string.Join(" ", new[] { text.Trim() }.Concat(subtext.Select(s => s.Trim().TrimEnd('.') + ".")))
            .Replace("  ", " ", StringComparison.Ordinal).Replace('\n', ' ');
        if (step.Length <= MaxStep)
        {
            return step;
        }
        var cut = step.LastIndexOf(' ', MaxStep);
        return step[..(cut > 0 ? cut : MaxStep)] + " …";
    }
}

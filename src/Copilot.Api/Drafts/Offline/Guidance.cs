using System.Text;
using System.Text.RegularExpressions;
using Copilot.Api.Knowledge;
using Copilot.Api.Threads;

namespace Copilot.Api.Drafts.Offline;

/// <summary>
/// Tells apart text written for the customer from text written for the agent (guidelines, procedures,
/// a macro's "use when" note): a sentence that speaks of the customer in the third person ("ask the
/// customer", "den Kunden", "au client", "al cliente", "de klant", "o cliente", "il cliente"), one
/// addressed to agents ("agents should…", "escalate to tier 2"), or an instruction only an agent can
/// carry out ("Verify the account", "Offer a refund") that says nothing to "you". Such sentences are
/// guidance for the agent and never part of a reply.
/// </summary>
internal static partial class Guidance
{
    public static bool IsGuidance(string sentence) => Weigh(sentence) != Kind.Customer;

    /// <summary>How a sentence reads: to the customer, as an instruction only an agent could act on, or plainly to agents.</summary>
    private enum Kind { Customer, Instruction, ToAgents }

    private static Kind Weigh(string sentence)
    {
        var s = sentence.Trim().TrimStart('-', '•', '*', ' ');
        s = ListNumber().Replace(s, "");
        if (s.Length == 0)
        {
            return Kind.Customer;
        }
        if (ThirdPersonCustomer().IsMatch(s) || ToAgents().IsMatch(s))
        {
            return Kind.ToAgents;
        }
        return AgentInstruction().IsMatch(s) && (!SecondPerson().IsMatch(s) || ToThem().IsMatch(s)) ? Kind.Instruction : Kind.Customer;
    }

    /// <summary>The share of a text's sentences that are guidance: a source mostly written for agents is a procedure, not an answer.</summary>
    public static double Share(string text)
    {
        var sentences = ThreadText.Sentences(ThreadText.Normalize(text));
        return sentences.Count == 0 ? 0 : sentences.Count(IsGuidance) / (double)sentences.Count;
    }

    /// <summary>
    /// The text without its guidance sentences (lines kept in place, emptied lines dropped with their list marker), and
    /// those sentences. The steps of one list speak to one reader: where most of a list's steps speak to the customer,
    /// an imperative among them ("Enter the email address…") is the customer's step too, not an agent's instruction.
    /// </summary>
    public static (string Customer, IReadOnlyList<string> Guidance) Split(string text)
    {
        var lines = ThreadText.Normalize(text).Split('\n');
        var weighed = lines.Select(l => l.Trim().Length == 0 ? [] : ThreadText.Sentences(l).Select(x => (Sentence: x, Kind: Weigh(x))).ToList()).ToList();
        var stepsForCustomer = new bool[lines.Length];
        for (var start = 0; start < lines.Length;)
        {
            var end = start;
            while (end < lines.Length && TextBlocks.IsListItem(lines[end].TrimStart()))
            {
                end++;
            }
            if (end == start)
            {
                start++;
                continue;
            }
            var plain = Enumerable.Range(start, end - start).Count(i => weighed[i].All(w => w.Kind == Kind.Customer));
            for (var i = start; i < end; i++)
            {
                stepsForCustomer[i] = plain * 2 > end - start;
            }
            start = end;
        }
        var customer = new StringBuilder();
        var guidance = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                customer.Append('\n');
                continue;
            }
            var kept = new List<string>();
            foreach (var (sentence, kind) in weighed[i])
            {
                if (kind == Kind.ToAgents || kind == Kind.Instruction && !stepsForCustomer[i])
                {
                    guidance.Add(sentence);
                }
                else
                {
                    kept.Add(sentence);
                }
            }
            if (kept.Count > 0 && !kept.All(k => Marker().IsMatch(k)))
            {
                var indent = line[..(line.Length - line.TrimStart().Length)];
                customer.Append(indent).Append(string.Join(' ', kept)).Append('\n');
            }
        }
        return (BlankLines().Replace(customer.ToString(), "\n\n").Trim(), guidance);
    }

    /// <summary>What is left of a step whose words were all guidance: its number or bullet alone.</summary>
    [GeneratedRegex(@"^\s*(\d{1,2}[.)]|[a-z][.)]|[-•*])?\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(\d{1,2}[.)]|[a-z][.)])\s+")]
    private static partial Regex ListNumber();

    [GeneratedRegex(@"(?<![\p{L}])((the|a|this|that|each|every) (customer|client|caller|requester|shopper|end[- ]user)s?('s|')?|customer (who|should|must|asks|wants|says)|(this|that) user|if they (are|have|want|ask|say|do|don't|cannot|can't)|(der|den|dem|des|die|einem?) (kunden?|kundin)|(le|la|au|du|un|une) client(e)?s?|(el|al|del|un|una) cliente|(de|een) klant|(o|ao|do|um|a) cliente|(il|al|del|un) cliente)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThirdPersonCustomer();

    [GeneratedRegex(@"(?<![\p{L}])(agents? (should|must|can|may|need|will)|as an agent|(end|close) the (conversation|chat|call)|(verify|validate|pull up|look up) (the|their) (account|identity|purchase|order|customer)|the (form|text box|input box|input field|right[- ]hand panel|left[- ]hand panel|system|dashboard|admin panel|crm)|as your action|(this|the) (sub)?flow|subflow|best judge?ment|no right or wrong answer|in your own words|copy/paste|(click|press|choose|select) the (button|option)|(?-i:\[[A-Z])[A-Za-z/]*( [A-Za-z/]+){0,3}\]|(escalate|transfer|route|hand) (it |this |the (ticket|case|chat) )?to (tier|level|a supervisor|the (billing|escalation)|your (supervisor|manager|team lead))|internal (note|use)|do not (tell|promise|share|offer|disclose)|never (promise|share|offer|disclose)|use (this|when|for|if)\b|this (macro|template|article) (is|should))(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToAgents();

    /// <summary>An imperative only an agent can act on, at the start of the sentence, after "If …," or after a guideline's ": >".</summary>
    [GeneratedRegex(@"(^|(^|[:;])\s*>\s+|[:;]\s+|^if [^,]{1,80},\s*|^(then|next|first|finally|also|otherwise),?\s+)(ask|offer|get full|escalate|inform|tell|explain|verify|validate|apologi[sz]e|remind|advise|instruct|collect|gather|transfer|assign|tag|route|greet|pull up|look up|confirm (their|the|whether|if)|check (their|whether they|if they)|send (them|a link|the link)|give (them|a|the)|let (them|him|her) know|get (their|the)|request (their|the)|make sure (they|to ask|to verify|to confirm)|record (their|the (reason|details|refund))|enter (their|the)|update (their|the (order|account|record)))(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgentInstruction();

    [GeneratedRegex(@"(?<![\p{L}])(you|your|yours|yourself|sie|ihr|ihre[nmrs]?|du|dein\w*|vous|votre|vos|tu|ton|ta|tes|usted(es)?|tu|tus|su|sus|u|uw|je|jouw|voc[êe]|seu|sua|lei|tuo|tua|suo)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondPerson();

    /// <summary>"Tell them you can…": an instruction about the customer, whatever "you" follows.</summary>
    [GeneratedRegex(@"^\W*\w+( \w+)? (them|him|her|the customer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToThem();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}

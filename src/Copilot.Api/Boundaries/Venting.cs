using System.Text;
using Copilot.Api.Knowledge;

namespace Copilot.Api.Boundaries;

/// <summary>
/// Words that say how a customer feels or whom they want to talk to — "This is the worst service I've ever had",
/// "I want to speak to a manager" — rather than what the ticket is about: the phrase lists of the shipped rules for a
/// request for a person and for anger (with its insults), in every language those lists hold. Repeated contact is left
/// out: its phrases ("still not fixed") sit in the sentence that names the problem. Retrieval leaves such sentences out, or an angry bike-unlock complaint is searched as a question
/// about managers and accounts.
/// </summary>
internal static class Venting
{
    /// <summary>The shipped rule that hears a request for a person; the anger rule is found by its kind.</summary>
    public const string AsksForHumanRule = "asks-for-human";

    private static readonly PhraseMatcher Phrases = Build();

    /// <summary>
    /// Words that come with venting and say nothing of the topic either ("… today, not another agent", "… and I keep getting
    /// the same copy-paste answer"): what is left
    /// of a venting sentence without them and the matched phrase is what decides whether it also names the problem.
    /// </summary>
    public static readonly HashSet<string> Company = new(StringComparer.OrdinalIgnoreCase)
    {
        "agent", "agents", "manager", "supervisor", "someone", "somebody", "person", "people", "human", "staff", "service", "support",
        "company", "team", "chat", "bot", "today", "now", "immediately", "another", "again", "ever", "anymore", "please", "really", "absolutely",
        "want", "need", "help", "time", "times", "write", "writing", "wrote", "email", "mail", "message", "call",
        "answer", "answers", "reply", "replies", "response", "responses", "copy", "paste", "template", "generic", "same", "keep", "getting", "got",
        "heute", "jetzt", "sofort", "mitarbeiter", "vorgesetzten", "chef", "kundenservice", "schreibe", "geschrieben", "anruf",
        "aujourd'hui", "maintenant", "immédiatement", "responsable", "conseiller", "client", "écris", "écrit", "appel",
        "hoy", "ahora", "inmediatamente", "agente", "servicio", "atención", "escribo", "escrito", "correo", "llamada",
        "vandaag", "nu", "direct", "meteen", "medewerker", "klantenservice", "schrijf", "geschreven",
        "hoje", "agora", "imediatamente", "atendente", "gerente", "atendimento", "escrevo", "escrevi",
        "oggi", "adesso", "subito", "operatore", "responsabile", "assistenza", "scrivo", "scritto",
    };

    /// <summary>Content words a venting sentence may hold beyond its phrase and those of <see cref="Company"/>, and still only vent.</summary>
    public const int MaxOtherWords = 1;

    /// <summary>Where the text vents (not after a negation: "not that I'm angry" is no venting).</summary>
    public static IReadOnlyList<Hit> Spans(string text) => Phrases.Matches(new ScannedText(text), skipNegated: true).ToList();

    /// <summary>
    /// The sentence vents and says nothing else: "This is the worst service I've ever had", "I want to speak to a manager
    /// today, not another agent" — but not "The bulb is broken again, unacceptable!".
    /// </summary>
    public static bool IsAllOf(string sentence)
    {
        var spans = Spans(sentence);
        if (spans.Count == 0)
        {
            return false;
        }
        var rest = new StringBuilder(sentence);
        foreach (var span in spans)
        {
            rest.Remove(span.Index, span.Length).Insert(span.Index, new string(' ', span.Length));
        }
        return FtsQuery.Terms(rest.ToString(), maxTerms: 64).Count(t => t.Length > 2 && !t.Any(char.IsDigit) && !Company.Contains(t)) <= MaxOtherWords;
    }

    private static PhraseMatcher Build()
    {
        var rules = BoundaryRule.Defaults.Where(r => r.Id == AsksForHumanRule || r.Kind == BoundaryRule.KindAnger).ToList();
        var phrases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (language, list) in rules.SelectMany(r => (r.Phrases ?? []).Concat(r.Insults ?? [])))
        {
            (phrases.TryGetValue(language, out var all) ? all : phrases[language] = []).AddRange(list);
        }
        return PhraseMatcher.Build(phrases, patterns: null);
    }
}

using System.Text.RegularExpressions;
using Copilot.Api.Threads;

namespace Copilot.Api.Triage;

/// <summary>
/// Phrases that say how a customer feels and how pressing the request is, in the phrasebook's
/// languages (en, de, fr, es, nl, pt, it). Matched on the customer's own words (quotes,
/// greetings and sign-offs already cut), whole words only.
/// </summary>
internal static partial class TriageCues
{
    /// <summary>How many times <paramref name="cue"/> occurs as said, and how many times right after a negation ("not happy", "no problem").</summary>
    public static (int Affirmed, int Negated) CountAffirmed(Regex cue, string text)
    {
        var (affirmed, negated) = (0, 0);
        foreach (var m in cue.EnumerateMatches(text))
        {
            if (Negation().IsMatch(text.AsSpan(Math.Max(0, m.Index - 24), Math.Min(24, m.Index))))
            {
                negated++;
            }
            else
            {
                affirmed++;
            }
        }
        return (affirmed, negated);
    }

    /// <summary>A negation just before a cue, with at most an intensifier or an article between ("not very happy", "no problem").</summary>
    [GeneratedRegex(@"(?:(?<![\p{L}])(?:not|never|no|without|hardly|nicht|ohne|sans|sin|zonder|sem|senza|kein\w*|nie|pas|jamais|nunca|niet|geen|n[ãa]o|non)|n't)\s+(?:(?:so|very|too|really|that|a|an|the|any|at all|sehr|wirklich|tr[èe]s|vraiment|de|muy|erg|muito|molto)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"(?<![\p{L}])(not working|doesn'?t work|does not work|don'?t work|stopped working|won'?t (work|connect|turn on)|broken|still (not|no|doesn'?t|isn'?t|hasn'?t|haven'?t|waiting)|again|problem|issue|error|fail(ed|s|ing|ure)?|wrong|disappointed|disappointing|frustrat\w*|annoy\w*|unhappy|terrible|awful|horrible|poor|worse|never (arrived|received|came|got)|can'?t|cannot|unable|no longer|missing|damaged|lost|stuck|complain\w*|upset|waste|unfortunately|unreachable|offline|not responding|faulty|defective|ignor(?:ed|ing)|no (?:reply|response|answer)|not a single (?:reply|response|answer|word)|dangerous|unsafe|burn(?:ing|t|ed)?|scorch\w*|smoke|sparks?|overheat\w*|(?:start(?:ed)?|caus(?:e|ed)|catch|caught) (?:a )?fire|fire (?:hazard|risk)|on fire|injur\w*|hurt|frighten\w*|scar(?:y|ed)|afraid|worried|unacceptable|ridiculous|outrageous|furious|fed up|(?:losing|lost|run(?:ning)? out of) (?:my )?patience|had enough|sick of|tired of|rip-?off|scam|useless|gef[äa]hrlich|brand\w*|verbrannt|[üu]berhitz\w*|unversch[äa]mt|inakzeptabel|frechheit|abzocke|dangereu(?:x|se)|incendie|br[ûu]l[ée]e?|surchauff\w*|inadmissible|inacceptable|scandaleu(?:x|se)|peligros[oa]|incendio|quemad[oa]|inaceptable|indignante|gevaarlijk|verbrand|oververhit|onacceptabel|belachelijk|perigos[oa]|inc[êe]ndio|queimad[oa]|inaceit[áa]vel|absurdo|pericolos[oa]|bruciat[oa]|inaccettabile|funktioniert nicht|geht nicht|kaputt|defekt|problem|fehler|entt[äa]uscht|[äa]rgerlich|leider|immer noch|schon wieder|nie angekommen|nicht angekommen|ne (fonctionne|marche) (pas|plus)|cass[ée]e?|probl[èe]me|erreur|d[ée][çc]ue?|toujours pas|jamais re[çc]ue?|malheureusement|no funciona|rot[oa]|problema|error|decepcionad[oa]|todav[íi]a no|otra vez|nunca lleg[óo]|lamentablemente|desgraciadamente|werkt niet|kapot|probleem|fout|teleurgesteld|nog steeds|helaas|nooit ontvangen|n[ãa]o funciona|quebrad[oa]|erro|decepcionad[oa]|ainda n[ãa]o|de novo|nunca chegou|infelizmente|non funziona|rott[oa]|errore|delus[oa]|di nuovo|mai arrivat[oa]|purtroppo)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Negative();

    [GeneratedRegex(@"(?<![\p{L}])(thank you so much|thanks so much|many thanks|(?:say|said) thank(?:s| you)|grateful|kudos|well done|great|awesome|perfect|love (it|the)|excellent|works now|working now|works (again|fine|perfectly)|(is|are) (solved|fixed|resolved)|problem solved|all good|appreciate\w*|happy|glad|wonderful|amazing|brilliant|vielen dank|super|toll|perfekt|funktioniert (jetzt|wieder)|gel[öo]st|klappt (jetzt|wieder)|merci beaucoup|g[ée]nial|parfait|fonctionne (maintenant|[àa] nouveau)|r[ée]solu|[çc]a marche|muchas gracias|genial|perfecto|excelente|(ya )?funciona (ahora|de nuevo|bien)|resuelto|solucionado|hartelijk dank|geweldig|werkt (nu|weer)|opgelost|muito obrigad[oa]|[óo]timo|perfeito|funciona agora|resolvido|grazie mille|ottimo|perfetto|funziona (ora|adesso)|risolto)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Positive();

    /// <summary>Danger to people or property, or a service that is down for everyone: urgent whatever else is said.</summary>
    [GeneratedRegex(@"(?<![\p{L}])(fire|smoke|smoking|burn(ed|t|ing)?|scorch\w*|overheat\w*|melt(ed|ing)?|sparks?|electric shock|dangerous|hazard\w*|injur\w*|outage|(is|are|went|completely|totally) down|nothing works|(all|every) (devices?|lights?|users?) (are )?(down|offline)|rauch|verbrannt|[üu]berhitz\w*|gef[äa]hrlich|feu|fum[ée]e|br[ûu]l[ée]e?|surchauff\w*|dangereux|panne g[ée]n[ée]rale|fuego|humo|quemad[oa]|sobrecalent\w*|peligros[oa]|ca[íi]da del servicio|vuur|rook|verbrand|oververhit\w*|gevaarlijk|fogo|fuma[çc]a|queimad[oa]|superaquec\w*|perigos[oa]|fuoco|fumo|bruciat[oa]|surriscald\w*|pericolos[oa])(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Emergency();

    /// <summary>Locked out, money taken or lost, or a deadline: high. Not when something else is to happen right away ("Does the pause start right away?").</summary>
    [GeneratedRegex(@"(?<![\p{L}])(locked out|can'?t (log|sign) ?in|cannot (log|sign) ?in|unable to (log|sign) ?in|can'?t access|cannot access|no access|hacked|compromised|stolen|charged( me| us)? (twice|two times|again|without)|double charge[ds]?|overcharged|unauthori[sz]ed|fraud\w*|money (taken|lost|back)|never (arrived|received)|urgent\w*|asap|(?<!(?:start|starts|begin|begins|happen|happens|effect|apply|applies|work|works)\s)(?:immediately|right away)|deadline|(by|before|until) (today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end of)|gesperrt|nicht (mehr )?anmelden|kein zugriff|gehackt|doppelt abgebucht|betrug|dringend|sofort|bloqu[ée]e?|impossible de (me connecter|acc[ée]der)|pirat[ée]|d[ée]bit[ée]e? deux fois|fraude|imm[ée]diatement|bloquead[oa]|no puedo (entrar|acceder|iniciar)|hackead[oa]|cobrad[oa] dos veces|urgente|inmediatamente|geblokkeerd|kan niet inloggen|gehackt|dubbel afgeschreven|spoed|bloquead[oa]|n[ãa]o consigo (entrar|acessar)|cobrad[oa] duas vezes|imediatamente|bloccat[oa]|non riesco ad accedere|addebitat[oa] due volte|frode|subito)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Pressing();

    /// <summary>A question, a request for information or a wish — nothing is broken.</summary>
    [GeneratedRegex(@"(?<![\p{L}])(how (do|can|should) i|is (it|there) (possible|a way)|can i|could i|question|wondering|just curious|would like to know|i'?d like to know|feature request|suggestion|quote|information about|wie kann ich|ist es m[öo]glich|frage|comment (puis-je|faire)|est-il possible|question|c[óo]mo puedo|es posible|pregunta|hoe kan ik|is het mogelijk|vraag|como posso|[ée] poss[íi]vel|pergunta|come posso|[èe] possibile|domanda)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Question();
}

using System.Text.RegularExpressions;

namespace Copilot.Api.Guardrails;

/// <summary>Phrases that promise something, in English, German, French and Spanish.</summary>
internal static partial class CommitmentPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    private const string Weekdays =
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        + "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
        + "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
        + "|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo";

    [GeneratedRegex(@"\b(refund(s|ed|ing)?|reimburs\w*|money back|rückerstatt\w*|erstatt(en|et|ung)|zurückerstatt\w*|geld zurück|rückzahlung|rembours\w*|reembols\w*|devolu?ci[oó]n del (dinero|importe)|devolver(le|te)? el (dinero|importe))\b", Options)]
    public static partial Regex Refund();

    [GeneratedRegex(@"\b(store credit|account credit|credit (to )?(your|the) account|credit(ed)? you|(a|an|the) credit (of|for)|voucher|gift card|gutschrift|gutschreiben|gutgeschrieben|gutschein|un avoir|bon d'achat|crédit (de|sur)|cr[ée]dito|abono|abonar|vale de (compra|regalo|descuento))\b", Options)]
    public static partial Regex Credit();

    [GeneratedRegex(@"(\b(discount(ed)?|coupon|promo(tion(al)?)? code|rabatt|preisnachlass|nachlass|remise|réduction|rabais|code promo|descuento|rebaja|código promocional)\b|\b\d{1,2}\s?%\s?(off|rabatt|de (remise|réduction|descuento)))", Options)]
    public static partial Regex Discount();

    [GeneratedRegex(@"\b(by (the )?(end of (the |this |next )?(day|week|month)|tomorrow|tonight|next week|(this |next )?(" + Weekdays + @"))|within (\d+(\s?[–-]\s?\d+)?|one|two|three|a few) (business |working )?(hours?|days?|weeks?)|in (\d+(\s?[–-]\s?\d+)?|one|two|three) (business |working )?(hours?|days?|weeks?)|no later than|tomorrow|next (" + Weekdays + @"|week)"
        + @"|bis (zum )?(ende der woche|morgen|nächste[nr]? woche|(nächsten |kommenden )?(" + Weekdays + @"))|innerhalb (von )?(\d+(\s?[–-]\s?\d+)?|einem|zwei|drei|wenigen) (werk)?(tag(en)?|stunden?|wochen?)|in (\d+(\s?[–-]\s?\d+)?|zwei|drei) (werk)?(tagen|stunden|wochen)|spätestens|(?<!guten )morgen"
        + @"|d'ici (à )?(demain|la fin de (la semaine|la journée|du mois)|(" + Weekdays + @"))|sous (\d+(\s?[–-]\s?\d+)?|huit|quinze) jours|dans (les )?(\d+(\s?[–-]\s?\d+)?|deux|trois) (jours|heures|semaines)|au plus tard|(?<!après-)demain|avant (" + Weekdays + @")"
        + @"|para el (" + Weekdays + @")|antes del? (" + Weekdays + @"|fin de semana)|(en|dentro de) (un plazo de )?(\d+(\s?[–-]\s?\d+)?|dos|tres) (días|dias|horas|semanas)|a más tardar|(?<!(la|esta|por la) )mañana)\b", Options)]
    public static partial Regex Date();

    [GeneratedRegex(@"\b(as an exception|exceptionally|make an exception|one-time (courtesy|exception)|as a (one-time )?courtesy|waiv(e|ed|es|ing)|ausnahmsweise|als ausnahme|aus kulanz|kulanz\w*|verzicht(en)? auf|erlassen|à titre exceptionnel|exceptionnellement|geste commercial|faire une exception|de forma excepcional|excepcionalmente|como excepción|por esta vez|hacer una excepción)\b", Options)]
    public static partial Regex Exception();

    /// <summary>Numbers inside a phrase: "within 3 days" and "within 14 days" are different promises.</summary>
    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    public static partial Regex Number();

    [GeneratedRegex(@"\d+(?:[.,]\d+)?\s?%", RegexOptions.CultureInvariant)]
    public static partial Regex Percent();

    [GeneratedRegex(@"(\b(not|no|never|cannot|nicht|kein\w*|nie|niemals|pas|jamais|aucun\w*|ni|nunca|tampoco)\b|n't\b|\bn')", Options)]
    public static partial Regex Negation();

    /// <summary>Sentence ends: terminal punctuation followed by space, or a line break.</summary>
    [GeneratedRegex(@"(?<=[.!?…])\s+|\r?\n+", RegexOptions.CultureInvariant)]
    public static partial Regex SentenceBreak();
}

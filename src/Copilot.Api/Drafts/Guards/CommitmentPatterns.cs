using System.Text.RegularExpressions;

namespace Copilot.Api.Drafts.Guards;

/// <summary>
/// Phrases that promise something, in English, German, French and Spanish; absolute dates also in
/// Dutch, Portuguese and Italian (and as ISO or numeric dates).
/// </summary>
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

    /// <summary>Every name in <see cref="CommitmentDates.MonthNames"/>; longer names first so "sept" wins over "sep".</summary>
    private const string Months =
        "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
        + "|januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|okt|dez"
        + "|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
        + "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
        + "|januari|februari|maart|mei|augustus"
        + "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
        + "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre";

    /// <summary>
    /// Absolute dates: "28 November", "28th of November", "28. November 2026", "1er décembre",
    /// "5 de diciembre de 2026", "November 28th, 2026", ISO "2026-12-01", numeric "01/12/2026",
    /// "12.01.2026", "1-12-26", and German "28.11.".
    /// </summary>
    [GeneratedRegex(@"\b((?<d>[0-3]?\d)(st|nd|rd|th|er|º|ª|°|\.)?(\s+(of|de|del))?\s+(?<mon>" + Months + @")\b(\.?,?\s+(de\s+|del\s+)?(?<y>\d{4})\b)?"
        + @"|(?<mon>" + Months + @")\b\.?\s+(the\s+)?(?<d>[0-3]?\d)(st|nd|rd|th)?\b(,?\s+(?<y>\d{4})\b)?"
        + @"|(?<iy>\d{4})-(?<im>[01]\d)-(?<id>[0-3]\d)\b"
        + @"|(?<a>[0-3]?\d)(?<sep>[./-])(?<b>[01]?\d)\k<sep>(?<ny>\d{4}|\d{2})\b"
        + @"|(?<a>[0-3]?\d)(?<sep>\.)(?<b>[01]?\d)\.(?![\d.]))", Options)]
    public static partial Regex AbsoluteDate();

    [GeneratedRegex(@"\b(as an exception|exceptionally|make an exception|one-time (courtesy|exception)|as a (one-time )?courtesy|waiv(e|ed|es|ing)|ausnahmsweise|als ausnahme|aus kulanz|kulanz\w*|verzicht(en)? auf|erlassen|à titre exceptionnel|exceptionnellement|geste commercial|faire une exception|de forma excepcional|excepcionalmente|como excepción|por esta vez|hacer una excepción)\b", Options)]
    public static partial Regex Exception();

    /// <summary>Numbers inside a phrase: "within 3 days" and "within 14 days" are different promises.</summary>
    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    public static partial Regex Number();

    [GeneratedRegex(@"\d+(?:[.,]\d+)?\s?%", RegexOptions.CultureInvariant)]
    public static partial Regex Percent();

    [GeneratedRegex(@"(\b(not|no|never|cannot|nicht|kein\w*|nie|niemals|pas|jamais|aucun\w*|ni|nunca|tampoco)\b|n't\b|\bn')", Options)]
    public static partial Regex Negation();

    /// <summary>
    /// Sentence ends: terminal punctuation followed by space, or a line break. A day number's dot
    /// ("am 28. November", "bis zum 28.11. aus"), nor a month's abbreviation ("Nov. 28"), ends no sentence.
    /// </summary>
    [GeneratedRegex(@"(?<=[.!?…])(?<!(^|[^\d.])[0-3]?\d\.)(?<!(^|[^\d.])[0-3]?\d\.[01]?\d\.)(?<!\b(?i:jan|feb|mar|apr|jun|jul|aug|sept?|oct|okt|nov|dec|dez)\.)\s+|\r?\n+", RegexOptions.CultureInvariant)]
    public static partial Regex SentenceBreak();
}

using System.Buffers;
using System.Text.RegularExpressions;
using Copilot.Api.Drafts.Guards;

namespace Copilot.Api.Privacy;

/// <summary>
/// Personal data that only the words before it reveal: a credential ("my password is Hunter2!x", "the verification code
/// is 482913", "CVV 123"), the number of an identity document ("SSN 123456789", "passport number X12345678", "licence
/// plate 7ABC123"; nine bare digits are an order number without the cue) and a date of birth ("DOB 04/12/1988", "born on
/// March 3, 1985"). The model needs none of them to answer; the agent sees them restored. Credentials are read as
/// <see cref="CaseDetails"/> reads them in a past reply, less the codes a customer shares to be used (promotion,
/// discount, coupon, voucher and booking codes) and user names.
/// </summary>
internal static partial class PiiCues
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    /// <summary>
    /// The words every cue starts with. The text is searched for them at once; the patterns run only in a window around
    /// each that starts a word, so a long thread without a cue costs one vectorised search.
    /// </summary>
    private static readonly SearchValues<string> Stems = SearchValues.Create(
        [
            "pass", "kennwort", "contrase", "wachtwoord", "senha", "pin", "otp", "code", "codigo", "código", "codice", "key", "token",
            "gift card", "cvv", "cvc", "csc", "card verif", "ssn", "security", "licen", "plate", "national", "id card", "identity",
            "tax id", "tax identification", "ausweis", "personalausweis", "reisepass", "kennzeichen", "steuer", "sécurité", "securite", "permis", "pasaporte",
            "dni", "nif", "cpf", "bsn", "paspoort", "rijbewijs", "birth", "dob", "d.o.b", "born", "geburt", "geboren", "naissance",
            "né le", "née le", "ne le", "nee le", "nacimiento", "nacid", "geboorte", "nascimento", "nascita", "nato il", "nata il",
        ],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>How far before a cue word a match may start ("one-time verification code", a password before "is your password").</summary>
    private const int Before = 100;

    /// <summary>How far after a cue word a match may end.</summary>
    private const int After = 120;

    public static void Scan(string text, List<PiiSpan> spans)
    {
        var (start, end) = (-1, -1);
        for (var from = 0; from < text.Length;)
        {
            var found = text.AsSpan(from).IndexOfAny(Stems);
            if (found < 0)
            {
                break;
            }
            var at = from + found;
            from = at + 1;
            if (at > 0 && char.IsLetter(text[at - 1]))
            {
                continue; // inside a word: "dropping", "monkey"
            }
            var windowStart = Math.Max(0, at - Before);
            // A window opens after a space, so the patterns' "not after a letter" holds as in the whole text.
            while (windowStart > 0 && windowStart < at && !char.IsWhiteSpace(text[windowStart - 1]))
            {
                windowStart++;
            }
            // A window closes after a space too, so a long value is never cut: half of a key would stay readable.
            var windowEnd = Math.Min(text.Length, at + After);
            while (windowEnd < text.Length && windowEnd < at + After + Before && !char.IsWhiteSpace(text[windowEnd]))
            {
                windowEnd++;
            }
            if (start >= 0 && windowStart > end)
            {
                ScanWindow(text, start, end - start, spans);
                start = -1;
            }
            (start, end) = (start < 0 ? windowStart : start, windowEnd);
        }
        if (start >= 0)
        {
            ScanWindow(text, start, end - start, spans);
        }
    }

    private static void ScanWindow(string text, int start, int length, List<PiiSpan> spans)
    {
        for (var m = CaseDetailPatterns.SecretAfterCue().Match(text, start, length); m.Success; m = m.NextMatch())
        {
            if (IsCredential(text, m) && CaseDetails.NamesValue(text, m))
            {
                PiiScanner.Add(spans, m.Groups["v"].Index, m.Groups["v"].Length, PiiKind.Secret);
            }
        }
        for (var m = CaseDetailPatterns.SecretBeforeCue().Match(text, start, length); m.Success; m = m.NextMatch())
        {
            if (IsCredential(text, m))
            {
                PiiScanner.Add(spans, m.Groups["v"].Index, m.Groups["v"].Length, PiiKind.Secret);
            }
        }
        for (var m = CardSecurityCode().Match(text, start, length); m.Success; m = m.NextMatch())
        {
            PiiScanner.Add(spans, m.Groups["v"].Index, m.Groups["v"].Length, PiiKind.Secret);
        }
        for (var m = IdentityAfterCue().Match(text, start, length); m.Success; m = m.NextMatch())
        {
            var value = m.Groups["v"];
            if (value.Value.Count(char.IsAsciiDigit) >= 4)
            {
                PiiScanner.Add(spans, value.Index, value.Length, PiiKind.NationalId);
            }
        }
        for (var m = BirthDateCue().Match(text, start, length); m.Success; m = m.NextMatch())
        {
            var at = m.Index + m.Length;
            if (at < text.Length && CommitmentPatterns.AbsoluteDate().Match(text, at, Math.Min(40, text.Length - at)) is { Success: true } date && date.Index == at)
            {
                PiiScanner.Add(spans, date.Index, date.Length, PiiKind.BirthDate);
            }
        }
    }

    /// <summary>
    /// A password, PIN or code that opens something, not a user name nor a code meant to be used: "discount code SAVE20",
    /// "booking code", "product code 12345", and a bare "code" only when it is given ("the code is …", "code: …").
    /// </summary>
    private static bool IsCredential(string text, Match cue)
    {
        var word = cue.Groups["pw"].Value;
        if (cue.Groups["user"].Success || word.Length == 0 || NotCredential().IsMatch(word))
        {
            return false;
        }
        if (!word.Equals("code", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var start = cue.Groups["pw"].Index;
        return !cue.Groups["bare"].Success && !CodeOfSomething().IsMatch(text.AsSpan(Math.Max(0, start - 12), Math.Min(12, start)));
    }

    [GeneratedRegex(@"^(promo|discount|coupon|voucher|booking|redemption)\b", Options)]
    private static partial Regex NotCredential();

    /// <summary>
    /// The word before a bare "code" that makes it something's code: "product code", "zip code", "tracking code" (a fault's
    /// code, "error code", <see cref="CaseDetails.NamesValue"/> already leaves).
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(product|item|model|style|article|zip|postal|post|area|country|tracking|reference|ref|tax|source|qr|bar)[ \t-]*$", Options)]
    private static partial Regex CodeOfSomething();

    /// <summary>A card's security code: "CVV 123", "CVC: 0421", "cvv2 is 987".</summary>
    [GeneratedRegex(@"(?<![\p{L}])(cvv2?|cvc2?|csc|card verification (code|value))(?![\p{L}])(\s+(is|was)\s+|\s*[:=#]?\s*)(?<v>\d{3,4})(?![\p{L}\p{N}])", Options)]
    private static partial Regex CardSecurityCode();

    /// <summary>
    /// The name of an identity document and its number: "SSN 123456789", "social security number: 123456789", "passport
    /// no. X12345678", "driver's license number is D1234567", "licence plate 7ABC123", "Personalausweisnummer L01X00T47",
    /// "DNI 12345678Z". The number holds a digit in each group after at most two groups of letters ("ABC-1234", "B-AB 1234").
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(ssn|social security( number| no\.?| #)?|passport( number| no\.?| #)?|driver['’]?s? licen[cs]e( number| no\.?| #)?|driving licen[cs]e( number| no\.?)?|licen[cs]e plate( number)?|number plate|registration plate|plate number|national (id|identity|insurance)( card)?( number| no\.?)?|id card( number| no\.?)?|identity card( number| no\.?)?|tax (id|identification number)|personalausweis(nummer)?|ausweisnummer|reisepass(nummer)?|kennzeichen|steuer-?id|num[ée]ro de (passeport|s[ée]curit[ée] sociale|permis)|pasaporte|dni|nif|cpf|codice fiscale|bsn|paspoortnummer|rijbewijsnummer)(?![\p{L}])(\s+(is|was|ist|lautet|est|es|é|è|=)\s+|\s*[:=#]\s*|\s+)(?<v>([A-Za-z]{1,4}[ \-]){0,2}(?>(?=[A-Za-z]*\d)[A-Za-z0-9]+)([ \-](?>(?=[A-Za-z]*\d)[A-Za-z0-9]+))*)(?![\p{L}\p{N}])", Options)]
    private static partial Regex IdentityAfterCue();

    /// <summary>The words before a date of birth: "date of birth", "DOB:", "born on", "my birthday is", "Geburtsdatum", "né le".</summary>
    [GeneratedRegex(@"(?<![\p{L}])(date of birth|d\.?o\.?b\.?|birth ?date|born( on)?|birthday( is)?|geburtsdatum|geboren am|date de naissance|n[ée]e? le|fecha de nacimiento|nacid[oa] el|geboortedatum|geboren op|data de nascimento|data di nascita|nato il|nata il)(?![\p{L}])(\s+(is|was|ist|est|es|é|è)\b)?[ \t]*[:=\-]?[ \t]*", Options)]
    private static partial Regex BirthDateCue();
}

using System.Text.RegularExpressions;

namespace Copilot.Api.Privacy;

/// <summary>
/// The case specifics <see cref="CaseDetails"/> removes beyond what <see cref="PiiScanner"/> finds:
/// credentials given in a reply, account and order numbers, amounts, and links that carry a token.
/// English cues plus the German, French, Spanish, Dutch, Portuguese and Italian words for them.
/// </summary>
internal static partial class CaseDetailPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    private const string Secret =
        @"(?<pw>(new |temporary |temp |one-time |reset |verification |security |access |confirmation )?(password|passcode|passwort|kennwort|mot de passe|contrase[ñn]a|wachtwoord|senha|pin( number| code)?|otp|(verification|security|reset|one-time|confirmation|access|activation|promo|discount|coupon|voucher|gift card|booking|redemption) code|code|codigo|código|codice"
        + @"|(?<key>(licen[cs]e|product|activation|api|access|recovery|backup|secret) key|(api |access |auth )?token|voucher|coupon|gift card))"
        + @"|(?<user>user ?name|login( name| id)?|benutzername|nom d'utilisateur|identifiant|usuario|gebruikersnaam|utilizador|nome utente))";

    /// <summary>
    /// "your username is asanders1", "New password: 453rp2", "PIN = 8812", "the temporary password Xk7!pq2Lm" (a value
    /// straight after its cue counts only with a digit in it, <see cref="CaseDetails"/>).
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])" + Secret + @"(?![\p{L}])((?<is>\s+(is|was|will be|ist|lautet|est|es|is nu|[ée]|è)\s+)|\s*(?<colon>[:=])\s*|(?<bare>[ \t]+))[""'“‘]?(?<v>[^\s""'”’,;()<>]*[\p{L}\p{N}])", Options)]
    public static partial Regex SecretAfterCue();

    /// <summary>"740w0oio3rj is your new password".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<v>[\p{L}\p{N}][^\s""'”’,;!?()<>]{2,})\s+is\s+your\s+(new\s+|temporary\s+|reset\s+)?" + Secret + @"(?![\p{L}])", Options)]
    public static partial Regex SecretBeforeCue();

    /// <summary>A word mixing letters and digits, such as a username, password or code: "cminh730", "453rp2zdmkq".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}@/._\-])(?=[\p{L}\p{N}]*\p{Ll})(?=[\p{L}\p{N}]*\d)[\p{L}\p{N}]{5,}(?![\p{L}\p{N}@]|[._\-/][\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    public static partial Regex MixedToken();

    /// <summary>
    /// A code in capitals that interleaves letters and digits, alone or after a word and a hyphen: "QX7T2P",
    /// "1Z999AA10123456784", "WELCOME-7F3K2". Model names that only append digits to letters, or letters to digits
    /// ("PAR38", "LMR100", "1080P"), are not codes. Segments are bounded (40 characters, a 20-character word before the
    /// hyphen), so a long run of capitals costs a bounded search, not one that grows with its square.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}@/._\-])(?:[A-Z0-9]{2,20}-)?(?=[A-Z0-9]{5,40}(?![\p{L}\p{N}]))[A-Z0-9]*?(?:[A-Z]\d+[A-Z]|\d[A-Z]+\d)[A-Z0-9]*(?![\p{L}\p{N}@]|[._\-/][\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex InterleavedCode();

    /// <summary>The last digits of a card: "the card ending in 4242", "last four digits of your card are 4242".</summary>
    [GeneratedRegex(@"(?<![\p{L}])(end(s|ing)\s+(in|with)|last\s+(four|4)(\s+digits)?(\s+of\s+(your|the)\s+card)?(\s+(are|is)|\s*:)?)\s+(?<v>\d{4})(?![\p{L}\p{N}])", Options)]
    public static partial Regex CardEnding();

    /// <summary>The word before "code" that makes it a fault's code: "error code", "status code", "Fehlercode" is one word.</summary>
    [GeneratedRegex(@"(?<![\p{L}])(error|status|exit|fault|fehler|erreur)[ \t]+$", Options)]
    public static partial Regex FaultBefore();

    /// <summary>A number with a unit or an ordinal reads as a quantity, not a code: "24h", "100mb", "30days", "21st".</summary>
    [GeneratedRegex(@"^\d+(st|nd|rd|th|[a-z]{1,4}|days|hours|weeks|months|years)$", Options)]
    public static partial Regex Quantity();

    /// <summary>Order, account, tracking and ticket numbers: five digits or more, "#123", "AB-12345", "ORD12345".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(#\s?\d{3,}|[A-Z]{1,5}[-_ ]?\d{3,}(?:[-_/][A-Z0-9]{2,})*|\d(?:[ \-]?\d){4,})(?![\p{L}\p{N}]|[.,]\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex ReferenceNumber();

    /// <summary>"$94", "€ 12,50", "12.50 EUR", "54 dollars".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])((US\$|C\$|A\$|[$€£¥₹]|(USD|EUR|GBP|CHF|CAD|AUD)\s?)\s?\d[\d,.']*(?<=\d)(\s?(k|m|bn))?|\d[\d,.']*(?<=\d)\s?([€£$]|(USD|EUR|GBP|CHF|CAD|AUD|dollars?|euros?|pounds?|bucks|francs?)(?![\p{L}])))", Options)]
    public static partial Regex Amount();

    /// <summary>A link with a query value or a long random path piece: reset links, tracking links, signed downloads.</summary>
    [GeneratedRegex(@"https?://[^\s<>""')\]]+", Options)]
    public static partial Regex Link();

    [GeneratedRegex(@"([?&#][\w.\-]+=[^&\s#]{6,}|/[A-Za-z0-9_\-]*\d[A-Za-z0-9_\-]*[A-Za-z][A-Za-z0-9_\-]{14,}|/[A-Za-z0-9_\-]*[A-Za-z][A-Za-z0-9_\-]*\d[A-Za-z0-9_\-]{14,})", RegexOptions.CultureInvariant)]
    public static partial Regex LinkToken();

    /// <summary>Titles before a name: "Mr", "Dr", "Herr", "Mme", "Sra", "Dhr", "Sig.ra"…</summary>
    private const string Titles = @"mr|mrs|ms|miss|mx|dr|prof|sir|herr|frau|m|mme|mlle|monsieur|madame|sr|sra|srta|se[ñn]or|se[ñn]ora|senhor|senhora|dhr|mevr|mevrouw|meneer|sig|sig\.ra|signor|signora|dott";

    /// <summary>
    /// The name right after a greeting or a thanks is the name of the person written to: "Hi Emily", "Thanks, Albert", and
    /// after a title the surname ("Dear Mr. Johnson", "Sehr geehrter Herr Dr. Schmidt", "Bonjour Mme Martin"), with a second
    /// capitalised word taken as the surname ("Hi Emily Stone"). <c>v</c> is the name, <c>w</c> the second word.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?i:hi|hello|hey|dear|good (morning|afternoon|evening)|thanks|thank you|hallo|guten (tag|morgen|abend)|sehr geehrte[rs]?|liebe[rs]?|bonjour|bonsoir|cher|ch[èe]re|hola|buen[oa]s (d[íi]as|tardes|noches)|estimad[oa]|querid[oa]|hoi|beste|geachte|goedemorgen|goedemiddag|ol[áa]|prezad[oa]|ciao|caro|cara|gentile|buongiorno|salve)[ ,]+"
        + @"((?i:" + Titles + @")\.?[ ]+){0,2}"
        + @"(?<v>\p{Lu}[\p{Ll}'\-]{1,})(?![\p{L}])([ ]+(?<w>(?!I')\p{Lu}[\p{Ll}'\-]{1,})(?![\p{L}]))?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex GreetedName();

    /// <summary>
    /// A capitalised word after a title, wherever it stands, is a surname: "I spoke to Mrs. Patel in billing", "Herr
    /// Schmidt hat angerufen", "Mme Martin". <c>v</c> is the name. "M." needs its full stop ("M Size" is a size).
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:(?!m[ ]|sir|miss)(?:" + Titles + @")\.?|m\.)[ ]+(?!(?:" + Titles + @")(?![\p{L}]))(?<v>\p{Lu}[\p{Ll}'\-]{1,})(?![\p{L}])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase)]
    public static partial Regex TitledName();
}

using System.Text.RegularExpressions;
using Copilot.Api.Drafts.Guards;
using Copilot.Api.Knowledge;
using Copilot.Api.Privacy;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Threads;

/// <summary>
/// What the customer is asking, as terms: the subject, the first and the latest customer message; or the new problem the
/// latest message turns to after an agent's answer (<see cref="Turns.NewProblem"/>).
/// </summary>
internal sealed partial class Question
{
    private readonly HashSet<string> _terms;
    private readonly HashSet<string> _latestTerms;

    /// <summary>
    /// The question's helpdesk words in English, read when an English source is first measured beside a thread in another
    /// language the glossary reads; null otherwise.
    /// </summary>
    private Lazy<HashSet<string>?>? EnglishTerms { get; init; }

    private Question(HashSet<string> terms, HashSet<string> latestTerms)
    {
        _terms = terms;
        _latestTerms = latestTerms;
    }

    public bool MentionsBilling { get; private init; }
    public bool HasOrderNumber { get; private init; }

    /// <summary>About an order, its delivery or its return.</summary>
    public bool MentionsOrder { get; private init; }

    /// <summary>The customer saw an error, a message or a state on a screen (<see cref="Cues.ShownMessage"/>).</summary>
    public bool MentionsMessage { get; private init; }

    /// <summary>
    /// The customer has told what happened: <see cref="DescribedWords"/> words or more, or half as many naming what is wrong
    /// ("the app says my light strip is unreachable"), a charge or an order. A holding reply then does not ask for it again.
    /// </summary>
    public bool DescribesWhatHappened { get; private init; }

    /// <summary>The customer gave a charge's date and amount ("2,75 € zweimal abgebucht … am 1. November").</summary>
    public bool GivesChargeDetails => GivesChargeDate && GivesChargeAmount;

    /// <summary>The customer gave a date ("am 1. November", "on 8 November").</summary>
    public bool GivesChargeDate { get; private init; }

    /// <summary>The customer gave an amount ("16,00 €", "three charges of 10 €"): a holding reply asks only for the date.</summary>
    public bool GivesChargeAmount { get; private init; }

    /// <summary>The customer quoted what the screen says: the Bridge shows "offline" in the app, « code invalide ».</summary>
    public bool QuotesMessage { get; private init; }

    /// <summary>The customer gave a version number ("diz 3.4.1", "app version 5.2").</summary>
    public bool GivesVersion { get; private init; }

    /// <summary>About a promo, discount or gift code (<see cref="Cues.Voucher"/>): the device and app version are not the question.</summary>
    public bool AboutVoucher { get; private init; }

    /// <summary>The customer wrote the code out ("BIENVENIDA5", "WELCOME10"): a word in capitals with a digit, or of six capitals or more.</summary>
    public bool GivesCode { get; private init; }

    /// <summary>
    /// The customer asks about something and reports nothing wrong: "Do any of your bikes have a child seat, or can I attach my
    /// own?" A question of <see cref="InformationTerms"/> terms or more, with no problem, symptom, screen message, charge, order or
    /// code in it. What happened, and on which device, are not the question; a holding reply says we are finding out.
    /// </summary>
    public bool AsksForInformation { get; private init; }

    /// <summary>
    /// The customer writes of a device, an app, a website or a connection ("app", "phone", "browser", "bulb", "Wi-Fi",
    /// "Gerät", "appli", "pantalla"…), or of a symptom or a screen message: a holding reply may ask which device and app
    /// version. A question about a jacket's washing, a store's hours or a subscription's extension is on no device.
    /// </summary>
    public bool ConcernsDevice { get; private init; }

    /// <summary>Terms a question needs to say what it asks about ("Can you help?" does not).</summary>
    public const int InformationTerms = 4;

    /// <summary>Words of the customer's own (quotes and signatures left out) that tell what happened without a cue.</summary>
    public const int DescribedWords = 30;

    /// <param name="language">
    /// The thread's language: in one the glossary reads, an English source is also measured against the question's helpdesk
    /// words in English (<see cref="Knowledge.CrossLanguage.EnglishQuery"/>), as the knowledge search found it by them.
    /// </param>
    public static Question From(HelpdeskThread thread, string? language = null)
    {
        var customer = thread.Comments.Where(c => c.Public && c.Author.Role == AuthorRole.Customer).Select(c => ThreadText.Clean(c.Text)).ToList();
        var first = customer.FirstOrDefault() ?? "";
        var latest = customer.LastOrDefault() ?? "";
        var all = $"{thread.Ticket.Subject}\n{first}\n{latest}";
        // A new problem the customer turned to is the question now; the subject and first message tell the one answered.
        var problem = Turns.NewProblem(thread);
        var terms = ThreadText.Terms(problem ?? all).ToHashSet(StringComparer.Ordinal);
        var latestTerms = ThreadText.Terms(problem ?? $"{thread.Ticket.Subject}\n{latest}").ToHashSet(StringComparer.Ordinal);
        // "Any update?" says nothing about the topic; then the whole question decides.
        if (latestTerms.Count < 3)
        {
            latestTerms = terms;
        }
        var told = string.Join('\n', customer);
        var words = ThreadText.WordCount(told);
        var (billing, order, message) = (Cues.Billing().IsMatch(all), Cues.Order().IsMatch(all), Cues.ShownMessage().IsMatch(all));
        return new Question(terms, latestTerms)
        {
            EnglishTerms = language is null or "en" ? null : new(() => Knowledge.CrossLanguage.EnglishQuery.From(problem ?? all, language) is { } english
                ? ThreadText.Terms(english).ToHashSet(StringComparer.Ordinal) : null),
            MentionsBilling = billing,
            HasOrderNumber = OrderNumber().IsMatch(all),
            MentionsOrder = order,
            MentionsMessage = message,
            DescribesWhatHappened = words >= DescribedWords
                || words >= DescribedWords / 2 && (billing || order || message || Cues.Problem().IsMatch(all) || Cues.Symptom().IsMatch(all)),
            ConcernsDevice = message || Cues.Symptom().IsMatch(told) || Device().IsMatch($"{thread.Ticket.Subject}\n{told}"),
            GivesChargeDate = CommitmentPatterns.AbsoluteDate().IsMatch(told),
            GivesChargeAmount = CaseDetailPatterns.Amount().IsMatch(told),
            QuotesMessage = QuotedWords().IsMatch(told),
            GivesVersion = Version().IsMatch(told),
            AboutVoucher = Cues.Voucher().IsMatch(all),
            GivesCode = Code().IsMatch(told),
            AsksForInformation = told.Contains('?') && !billing && !order && !message && !Cues.Voucher().IsMatch(all)
                && !Cues.Problem().IsMatch(all) && !Cues.Symptom().IsMatch(all) && ThreadText.Terms(told).Distinct().Count() >= InformationTerms,
        };
    }

    /// <summary>
    /// 0..1: the share of the question's terms the source covers, title matches counting double; for an English source
    /// beside a thread in another language, of its helpdesk words in English too, whichever covers more.
    /// </summary>
    public double Relevance(KnowledgeHit hit)
    {
        var title = ThreadText.Terms(hit.Title).ToHashSet(StringComparer.Ordinal);
        var body = ThreadText.Terms(hit.Passage).ToHashSet(StringComparer.Ordinal);
        var own = Covered(_terms, title, body);
        return EnglishTerms is not null && hit.Locale is { } locale && RelevantKnowledge.InLanguage(locale, "en") && EnglishTerms.Value is { } english
            ? Math.Max(own, Covered(english, title, body)) : own;
    }

    private static double Covered(HashSet<string> terms, HashSet<string> title, HashSet<string> body)
    {
        if (terms.Count == 0)
        {
            return 0;
        }
        var matched = terms.Count(t => body.Contains(t) || title.Contains(t));
        // One shared word (a product name) is not a topic match.
        if (matched < Math.Min(2, terms.Count))
        {
            return 0;
        }
        var inTitle = terms.Count(title.Contains);
        return Math.Min(1.0, (matched + inTitle) / (double)Math.Min(terms.Count, 10));
    }

    /// <summary>How many of the latest message's terms a sentence contains.</summary>
    public double Overlap(string sentence) =>
        ThreadText.Terms(sentence).Distinct().Count(_latestTerms.Contains);

    /// <summary>Devices, apps, websites and connections, in the seven languages (<see cref="ConcernsDevice"/>).</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:apps?|application|device|phone|smartphone|mobile|iphone|android|ipad|tablet|computer|laptop|pc|mac|macbook|windows|browser|chrome|safari|firefox|web ?site|site|web ?page|firmware|software|bluetooth|wi-?fi|wlan|router|network|internet|connection|connect(?:s|ed|ing)?|pair(?:ed|ing)?|sync\w*|log ?in|login|sign ?in|screen|display|button|crash\w*|freez\w*|install\w*|download\w*|bulbs?|lamps?|lights?|bridge|hub|sensors?|strip|speaker|camera|printer|charger|battery|lock|bikes?|e-?bikes?|scooters?|tv|console|watch|headphones|alexa|google home|homekit|zigbee|ger[äa]t\w*|handy|telefon|anwendung|webseite|bildschirm|lampe[n]?|gl[üu]hbirne\w*|akku|verbindung|appareil|t[ée]l[ée]phone|appli|navigateur|[ée]cran|ampoules?|batterie|connexion|dispositivo|tel[ée]fono|m[óo]vil|aplicaci[óo]n|navegador|pantalla|bombillas?|l[áa]mparas?|bater[íi]a|conexi[óo]n|apparaat|telefoon|scherm|batterij|verbinding|fiets\w*|telem[óo]vel|celular|aplica[çc][ãa]o|aplicativo|ecr[ãa]|tela|l[âa]mpadas?|liga[çc][ãa]o|telefono|applicazione|schermo|lampadin[ae]|lampad[ae]|connessione)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Device();

    /// <summary>A short quote on one line (up to 80 characters): "offline", “Code not valid”, «code invalide», „Gerät nicht gefunden“.</summary>
    [GeneratedRegex(@"[""“„«‹]\s*[\p{L}\p{N}][^""“”„«»‹›\n]{0,80}?[""”“»›]", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedWords();

    /// <summary>A version: "3.4.1", "v5.2", "version 5", "Firmware 3.4", "versão 5.2", "iOS 17"; not "2.4 GHz" or "16.00 €".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?:\d+\.\d+\.\d+|v\d+(?:\.\d+)+|(?:version|versie|versão|versione|versión|firmware|app|ios|android)\s+v?\d+(?:\.\d+)*)(?![\p{N}]|[.,]\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Version();

    [GeneratedRegex(@"(?<![\p{L}\p{N}-])(?:(?=[A-Z0-9]*\d)[A-Z][A-Z0-9]{3,19}|[A-Z]{6,20})(?![\p{L}\p{N}-])", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    [GeneratedRegex(@"\b([A-Z]{2,4}-\d{4,}|#?\d{6,})\b")]
    private static partial Regex OrderNumber();
}

using Copilot.Api.Drafts.Offline;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Offline;

/// <summary>
/// A draft addresses the customer one way: "du" for a team whose replies and help center say "du", "Sie" otherwise (Dutch
/// "u" or "je", Spanish "usted" or "tú", French "vous" or "tu", Italian "Lei" or "tu" likewise);
/// the sendability checker finds a draft that says both.
/// </summary>
public sealed class AddressTests
{
    private static readonly LanguageDetector Detector = new();

    private static readonly KnowledgeHit InformalArticle = new(SourceKind.Article, "43000004014", "Das Rad lässt sich nicht entsperren",
        "https://spokewise.freshdesk.com/de/support/solutions/articles/43000004014",
        "Wenn das Schloss nach dem Scannen zu bleibt, prüfe, ob Bluetooth an ist und du höchstens zwei Meter vom Rad entfernt bist. Halte die Schlosstaste am Hinterrad fünf Sekunden gedrückt und scanne dann erneut.",
        8.0, "de");

    private static readonly KnowledgeHit FormalArticle = new(SourceKind.Article, "4400037", "Flackernde Lampen: Ursachen und Lösungen",
        "https://lumora.zendesk.com/hc/de/articles/4400037",
        "Wenn eine Lampe beim Dimmen flackert, liegt es meist am Wanddimmer. Stellen Sie den Dimmer auf 100 % und dimmen Sie die Lampe in der App. Aktualisieren Sie außerdem die Firmware Ihrer Lampe.",
        8.0, "de");

    [Theory]
    [InlineData("de", "Wenn du die Fahrt innerhalb von fünf Minuten beendest, erstatten wir die Gebühr.", "Informal")]
    [InlineData("de", "Ich habe deine Fahrt geprüft und den Betrag korrigiert.", "Informal")]
    [InlineData("de", "Könnt ihr mir helfen? Ich habe euch schon zweimal geschrieben.", "Informal")]
    [InlineData("de", "Hallo Frau Müller, Ihr Konto ist zur Löschung vorgemerkt.", "Formal")]
    [InlineData("de", "Können Sie mir bitte Ihre Bestellnummer schicken?", "Formal")]
    [InlineData("de", "Ich sende Ihnen den Link noch einmal.", "Formal")]
    [InlineData("de", "Hallo Frau Müller,\n\nIhr Konto ist zur Löschung vorgemerkt.", "Formal")]
    [InlineData("de", "Sehr geehrter Herr Weber, vielen Dank.", "Formal")]
    [InlineData("de", "Ihre Bestellung ist unterwegs.", "Formal")]
    [InlineData("de", "Sie hat das Rad gestern zurückgegeben. Ihr habt es gefunden.", "Informal")]
    [InlineData("de", "Sie hat das Rad gestern zurückgegeben.", "Unknown")]
    [InlineData("de", "Das Rad lässt sich nicht entsperren.", "Unknown")]
    [InlineData("nl", "Kunt u mij uw bestelnummer sturen?", "Formal")]
    [InlineData("nl", "Geachte heer De Vries, hartelijk dank voor uw bericht.", "Formal")]
    [InlineData("nl", "Hoi Daan, dank je! Kun je me een foto sturen?", "Informal")]
    [InlineData("nl", "Het ticket is gesloten.", "Unknown")]
    [InlineData("es", "Estimada Sra. García: le confirmamos que hemos recibido su solicitud y le responderemos pronto.", "Formal")]
    [InlineData("es", "¿Podría usted enviarme el número de pedido?", "Formal")]
    [InlineData("es", "Hola Lucía: te confirmo que tu reembolso está en camino.", "Informal")]
    [InlineData("es", "¡Me habéis cobrado tres veces! Os pido que lo arregléis.", "Informal")]
    [InlineData("es", "Ustedes me cobraron dos veces el mismo viaje.", "Unknown")]
    [InlineData("fr", "Pourriez-vous m'envoyer votre numéro de commande ?", "Formal")]
    [InlineData("fr", "Salut Léa, je t'envoie le lien : tu trouveras ton reçu dans l'app.", "Informal")]
    [InlineData("fr", "Le colis est arrivé hier.", "Unknown")]
    [InlineData("it", "Gentile Marco, Le confermo che il rimborso è stato emesso; potrebbe inviarLe conferma la banca.", "Formal")]
    [InlineData("it", "Ciao Marco, ti confermo che il tuo rimborso è stato emesso.", "Informal")]
    [InlineData("it", "La lampada è arrivata rotta.", "Unknown")]
    public void TextsAreReadForTheirFormOfAddress(string language, string text, string expected)
    {
        Assert.Equal(Enum.Parse<Address>(expected), AddressForms.Of(text, language));
    }

    [Theory]
    [InlineData("de", "Hannah Müller", "Bitte ändern Sie die E-Mail-Adresse meines Kontos.", "Hallo Maximilian,\n\nöffne Profil > Kontodaten und ändere dort die E-Mail-Adresse; die Änderung gilt, sobald du den Link öffnest.", "Hallo Hannah,", "Falls noch etwas ist, antworte einfach")]
    [InlineData("de", "Hannah Müller", "Bitte ändern Sie die E-Mail-Adresse meines Kontos.", "Hallo Frau Müller,\n\nIhr Konto ist zur Löschung vorgemerkt. Profil und Fahrtverlauf entfernen wir innerhalb von 30 Tagen.", "Hallo Frau Müller,", "Falls noch etwas ist, antworten Sie einfach")]
    [InlineData("nl", "Daan de Vries", "Ik heb twee keer betaald voor dezelfde bestelling. Kunt u het teveel betaalde terugstorten?", "Geachte heer De Vries,\n\nWe hebben uw terugbetaling verwerkt; u ziet het bedrag binnen vijf werkdagen.", null, "Mocht er nog iets zijn, reageert u dan gerust")]
    [InlineData("nl", "Daan de Vries", "Ik heb twee keer betaald voor dezelfde bestelling. Kunt u het teveel betaalde terugstorten?", "Hoi Daan,\n\nJe terugbetaling is verwerkt; je ziet het bedrag binnen vijf werkdagen.", null, "Mocht er nog iets zijn, reageer dan gewoon")]
    [InlineData("es", "Lucía García", "Me cobraron dos veces la suscripción. ¿Pueden devolverme el importe?", "Estimada Sra. García:\n\nLe confirmamos que hemos emitido el reembolso; usted lo verá en su cuenta en cinco días.", null, "responda a este mensaje y le ayudaré")]
    [InlineData("es", "Lucía García", "Me cobraron dos veces la suscripción. ¿Pueden devolverme el importe?", "Hola Lucía:\n\nTe confirmo que hemos emitido el reembolso; lo verás en tu cuenta en cinco días.", null, "responde a este mensaje y te ayudo")]
    [InlineData("fr", "Léa Martin", "Mon ampoule clignote quand je baisse la lumière.", "Salut Léa,\n\nJe t'ai envoyé une ampoule neuve ; tu la recevras d'ici vendredi.", null, "Si tu as besoin d'autre chose, réponds simplement")]
    [InlineData("fr", "Léa Martin", "Mon ampoule clignote quand je baisse la lumière.", "Bonjour Léa,\n\nNous vous avons envoyé une ampoule neuve ; vous la recevrez d'ici vendredi.", null, "Si vous avez besoin d'autre chose, répondez simplement")]
    [InlineData("it", "Marco Rossi", "La mia lampadina lampeggia quando abbasso la luce.", "Gentile Marco,\n\nLe abbiamo spedito una lampadina nuova, che riceverà entro venerdì.", "Gentile Marco,", "risponda pure a questo messaggio e La aiuterò")]
    [InlineData("it", "Marco Rossi", "La mia lampadina lampeggia quando abbasso la luce.", "Ciao Marco,\n\nti abbiamo spedito una lampadina nuova, che riceverai entro venerdì.", "Ciao Marco,", "rispondi pure a questo messaggio e ti aiuterò")]
    public void TheTeamsOwnRepliesOnTheThreadDecideHowTheDraftAddressesTheCustomer(string language, string requester, string customer, string ourAnswer, string? greeting, string offer)
    {
        var thread = new Threads("Ticket", requester, status: "solved", locale: language)
            .FromCustomer(customer)
            .FromAgent(ourAnswer, TimeSpan.FromHours(1))
            .Build();

        // The German sources say both forms (the others are in another language): the team's own replies come first.
        var draft = Draft(thread, FormalArticle, InformalArticle);

        Assert.Equal(DraftKind.Closed, draft.Kind);
        if (greeting is not null)
        {
            Assert.StartsWith(greeting, draft.Text, StringComparison.Ordinal);
        }
        Assert.Contains(offer, draft.Text, StringComparison.Ordinal);
        Assert.True(Sendability.Check(draft.Text, language, Detector).Sendable, draft.Text);
    }

    [Fact]
    public void ADutchHoldingReplyToACustomerWhoSaysUSaysU()
    {
        var thread = new Threads("Factuur", "Daan de Vries", locale: "nl")
            .FromCustomer("Goedendag, kunt u mij vertellen waarom mijn factuur van november hoger is dan normaal? Met vriendelijke groet, Daan de Vries")
            .Build();

        var draft = Draft(thread);

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.Equal(0, AddressForms.Count(draft.Text, "nl").Informal);
        Assert.Contains("Bedankt voor uw bericht.", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherLanguagesHaveNoFormToRead()
    {
        Assert.Equal(Address.Unknown, AddressForms.Of("Can you send me your order number? Du, dir, dich.", "en"));
    }

    [Fact]
    public void AHelpCenterThatSaysDuGetsADraftThatSaysDuThroughout()
    {
        var thread = new Threads("Rad lässt sich nicht entsperren", "Felix Braun", locale: "de")
            .FromCustomer("Hallo, das Rad an der Warschauer Straße lässt sich nicht entsperren, obwohl die App die Fahrt gestartet hat. Was kann ich tun?")
            .Build();

        var draft = Draft(thread, InformalArticle);

        Assert.Equal(DraftKind.Answer, draft.Kind);
        Assert.Contains("Danke für deine Nachricht.", draft.Text, StringComparison.Ordinal);
        Assert.Contains("findest du hier", draft.Text, StringComparison.Ordinal);
        Assert.Equal(0, AddressForms.Count(draft.Text, "de").Formal);
        Assert.True(Sendability.Check(draft.Text, "de", Detector).Sendable, draft.Text);
    }

    [Fact]
    public void AHelpCenterThatSaysSieGetsADraftThatSaysSieThroughout()
    {
        var thread = new Threads("Lampe flackert", "Jonas Weber", locale: "de")
            .FromCustomer("Hallo, meine Lampe im Wohnzimmer flackert beim Dimmen. Wie kann ich das beheben?")
            .Build();

        var draft = Draft(thread, FormalArticle);

        Assert.Contains("Danke für Ihre Nachricht.", draft.Text, StringComparison.Ordinal);
        Assert.Contains("finden Sie hier", draft.Text, StringComparison.Ordinal);
        Assert.Equal(0, AddressForms.Count(draft.Text, "de").Informal);
        Assert.True(Sendability.Check(draft.Text, "de", Detector).Sendable, draft.Text);
    }

    [Theory]
    [InlineData("en", "Elena Petrova", "Dear Elena,\n\nThis is to confirm that your account has been deactivated today.", "Thanks. Will I get an email when the data is deleted?", "Dear Elena,")]
    [InlineData("de", "Hannah Müller", "Hallo Frau Müller,\n\nIhr Konto ist zur Löschung vorgemerkt.", "Bekomme ich eine Bestätigung, wenn die Daten gelöscht sind?", "Hallo Frau Müller,")]
    [InlineData("en", "Elena Petrova", "Hi there,\n\nThis is to confirm that your account has been deactivated today.", "Thanks. Will I get an email when the data is deleted?", "Hi Elena,")]
    [InlineData("en", "Elena Petrova", "Good morning Elena,\n\nThis is to confirm that your account has been deactivated today.", "Thanks. Will I get an email when the data is deleted?", "Hi Elena,")]
    [InlineData("es", "Lucía Fernández", "Hi Lucía,\n\nI have refunded the duplicate charge today.", "Gracias. ¿Cuándo veré el reembolso en mi cuenta?", "Hola Lucía:")]
    public void TheDraftGreetsTheCustomerAsTheTeamLastDidInItsLanguage(string language, string requester, string ourAnswer, string customer, string greeting)
    {
        var thread = new Threads("Account", requester, locale: language)
            .FromCustomer(language switch { "de" => "Bitte löschen Sie mein Konto und alle meine Daten.", "es" => "Me habéis cobrado dos veces la suscripción.", _ => "Please delete my account and all my data." })
            .FromAgent(ourAnswer, TimeSpan.FromHours(1))
            .FromCustomer(customer, TimeSpan.FromHours(2))
            .Build();

        var draft = Draft(thread);

        Assert.StartsWith(greeting + "\n\n", draft.Text, StringComparison.Ordinal);
        Assert.True(Sendability.Check(draft.Text, language, Detector).Sendable, draft.Text);
    }

    [Fact]
    public void ADraftThatSaysSieAndDuIsNotSendable()
    {
        var verdict = Sendability.Check(
            "Hallo Felix,\n\nDanke für Ihre Nachricht. Das steht dazu in unserem Hilfeartikel:\n\nWenn das Schloss zu bleibt, prüfe, ob Bluetooth an ist und du nah genug am Rad bist.\n\nViele Grüße\nSofia",
            "de", Detector);

        Assert.Contains("mixes formal and informal address", verdict.Problems);
    }

    [Fact]
    public void APortugueseHoldingReplyDoesNotAssumeTheCustomersGender()
    {
        // "volto a contactá-lo" would call Helena "him": the reply says "consigo", which fits anyone.
        var thread = new Threads("Lâmpada da sala a piscar", "Helena Costa", locale: "pt-PT")
            .FromCustomer("Olá, a lâmpada da sala começou a piscar ontem à noite quando a ligo no interruptor.")
            .Build();

        var draft = Draft(thread);

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.Contains("entro em contacto consigo", draft.Text);
        Assert.DoesNotContain("-lo", draft.Text);
    }

    private static DraftText Draft(HelpdeskThread thread, params KnowledgeHit[] sources) => OfflineDrafts.Draft(thread, sources);
}

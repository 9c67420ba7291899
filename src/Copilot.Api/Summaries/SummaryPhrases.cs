using System.Globalization;
using Copilot.Api.Languages;

namespace Copilot.Api.Summaries;

/// <summary>
/// The fixed words of an offline summary in one language (the languages of <see cref="Phrasebook"/>):
/// the four labels, the words that introduce what each side said, and the status and next-step
/// sentences. Quoted words stay in the language they were written in.
/// </summary>
internal sealed record SummaryPhrases(
    string Language,
    string[] Labels,
    string CustomerSays,
    string CustomerAsks,
    string CustomerTried,
    string AgentAsked,
    string AgentSaid,
    string NotSaidYet,
    string NothingTried,
    string New,
    string WaitingOnAgent,
    string WaitingOnAgentAgain,
    string UnansweredFor,
    string WaitingOnCustomerAsked,
    string WaitingOnCustomer,
    string Resolved,
    string Thanked,
    string SolvedQuiet,
    string ResolvedAnswered,
    string ThankedAnswered,
    string WroteAfterSolved,
    string InternalNote,
    string NextFirstReply,
    string NextAnswer,
    string NextRequest,
    string NextBilling,
    string NextReply,
    string NextFollowUp,
    string NextNoReply,
    string NextNothing,
    string NextStepTold,
    string NextAcknowledge,
    string Suggested,
    string NextPassOn,
    string[] Units)
{
    public static SummaryPhrases For(string? language) =>
        language is not null && All.TryGetValue(language, out var phrases) ? phrases : All["en"];

    public string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);

    /// <summary>"5 minutes", "2 hours", "3 days": rounded down, as people say it.</summary>
    public string Duration(TimeSpan span)
    {
        span = span.Duration();
        string Unit(int n, int unit) => n.ToString(CultureInfo.InvariantCulture) + " " + Units[unit * 2 + (n == 1 ? 0 : 1)];
        return span.TotalHours < 1 ? Unit(Math.Max(1, (int)span.TotalMinutes), 0)
            : span.TotalHours < 48 ? Unit((int)span.TotalHours, 1)
            : Unit((int)span.TotalDays, 2);
    }

    private static readonly Dictionary<string, SummaryPhrases> All = new[]
    {
        new SummaryPhrases("en", ["Customer wants", "Tried", "Status", "Next step"],
            "The customer says", "The customer asks:", "The customer already tried:", "The agent asked", "The agent said",
            "The customer has not said yet.", OfflineSummarizer.NothingTried,
            "New: no messages yet.", "Waiting on the agent: no reply yet.", "Waiting on the agent: the customer wrote again.",
            "Unanswered for {0}.", "Waiting on the customer's answer.", "Waiting on the customer.",
            "Resolved: the customer says the issue is solved; no reply is needed.", "The customer thanked us and asks nothing more; no reply is needed.", "Solved: the customer has not written since.", "Resolved: the customer says the issue is solved and we answered last; no reply is needed.", "The customer thanked us and we answered last; no reply is needed.",
            "The customer wrote after the ticket was solved.", "Internal note ({0}): \"{1}\"",
            "Send a first reply.", "Answer the open question: {0}", "Reply to the open request: {0}", "Check the charge and hand to billing if a refund is needed: {0}",
            "Reply to the customer's latest message.", "Follow up if they do not reply.",
            "No reply needed; solve the ticket.", "Nothing to do unless the customer writes again.",
            "The customer says what they will do next and asks nothing more.", "A short acknowledgement is enough; then wait for the customer.",
            "The customer makes a suggestion for the product and asks nothing more.", "Thank them for the suggestion and pass it on to the product team.",
            ["minute", "minutes", "hour", "hours", "day", "days"]),
        new SummaryPhrases("de", ["Kunde möchte", "Versucht", "Status", "Nächster Schritt"],
            "Der Kunde schreibt:", "Der Kunde fragt:", "Der Kunde hat schon versucht:", "Der Agent bat:", "Der Agent schrieb:",
            "Der Kunde hat noch nichts geschrieben.", "Noch nichts festgehalten.",
            "Neu: noch keine Nachrichten.", "Wartet auf den Agenten: der Kunde hat noch keine Antwort.", "Wartet auf den Agenten: der Kunde hat nach unserer Antwort erneut geschrieben.",
            "Seit {0} unbeantwortet.", "Wartet auf den Kunden: der Agent hat um etwas gebeten.", "Wartet auf den Kunden: der Agent hat zuletzt geantwortet.",
            "Gelöst: der Kunde sagt, das Problem ist behoben; keine Antwort nötig.", "Der Kunde hat sich bedankt und bittet um nichts weiter; keine Antwort nötig.", "Gelöst: der Kunde hat seitdem nicht geschrieben.", "Gelöst: der Kunde sagt, das Problem ist behoben, und wir haben zuletzt geantwortet; keine Antwort nötig.", "Der Kunde hat sich bedankt und wir haben zuletzt geantwortet; keine Antwort nötig.",
            "Der Kunde hat nach dem Lösen des Tickets geschrieben.", "Interne Notiz ({0}): \"{1}\"",
            "Eine erste Antwort senden.", "Die offene Frage beantworten: {0}", "Auf die offene Bitte eingehen: {0}", "Die Abbuchung prüfen und bei Erstattung an die Buchhaltung geben: {0}",
            "Auf die letzte Nachricht des Kunden antworten.", "Nachfassen, falls der Kunde nicht antwortet.",
            "Keine Antwort nötig; Ticket lösen.", "Nichts zu tun, solange der Kunde nicht schreibt.",
            "Der Kunde schreibt, was er als Nächstes tut, und bittet um nichts weiter.", "Eine kurze Bestätigung genügt; dann auf den Kunden warten.",
            "Der Kunde macht einen Vorschlag für das Produkt und bittet um nichts weiter.", "Für den Vorschlag danken und ihn an das Produktteam weitergeben.",
            ["Minute", "Minuten", "Stunde", "Stunden", "Tag", "Tagen"]),
        new SummaryPhrases("fr", ["Le client veut", "Essayé", "Statut", "Prochaine étape"],
            "Le client écrit :", "Le client demande :", "Le client a déjà essayé :", "L'agent a demandé :", "L'agent a écrit :",
            "Le client n'a encore rien dit.", "Rien de noté pour l'instant.",
            "Nouveau : aucun message.", "En attente de l'agent : le client n'a pas encore de réponse.", "En attente de l'agent : le client a réécrit après notre réponse.",
            "Sans réponse depuis {0}.", "En attente du client : l'agent a demandé quelque chose.", "En attente du client : l'agent a répondu en dernier.",
            "Résolu : le client dit que le problème est réglé ; aucune réponse n'est nécessaire.", "Le client a remercié et ne demande rien de plus ; aucune réponse n'est nécessaire.", "Résolu : le client n'a pas réécrit depuis.", "Résolu : le client dit que le problème est réglé et nous avons répondu en dernier ; aucune réponse n'est nécessaire.", "Le client a remercié et nous avons répondu en dernier ; aucune réponse n'est nécessaire.",
            "Le client a écrit après la résolution du ticket.", "Note interne ({0}) : \"{1}\"",
            "Envoyer une première réponse.", "Répondre à la question ouverte : {0}", "Donner suite à la demande en cours : {0}", "Vérifier le prélèvement et transmettre à la facturation si un remboursement est nécessaire : {0}",
            "Répondre au dernier message du client.", "Relancer si le client ne répond pas.",
            "Aucune réponse nécessaire ; résoudre le ticket.", "Rien à faire tant que le client ne réécrit pas.",
            "Le client indique ce qu'il va faire et ne demande rien de plus.", "Un bref accusé de réception suffit ; ensuite, attendre le client.",
            "Le client fait une suggestion pour le produit et ne demande rien de plus.", "Le remercier pour la suggestion et la transmettre à l'équipe produit.",
            ["minute", "minutes", "heure", "heures", "jour", "jours"]),
        new SummaryPhrases("es", ["El cliente quiere", "Intentado", "Estado", "Siguiente paso"],
            "El cliente escribe:", "El cliente pregunta:", "El cliente ya probó:", "El agente pidió:", "El agente escribió:",
            "El cliente aún no lo ha dicho.", "Nada registrado todavía.",
            "Nuevo: aún no hay mensajes.", "Esperando al agente: el cliente aún no tiene respuesta.", "Esperando al agente: el cliente volvió a escribir tras nuestra respuesta.",
            "Sin respuesta desde hace {0}.", "Esperando al cliente: el agente le pidió algo.", "Esperando al cliente: el agente respondió el último.",
            "Resuelto: el cliente dice que el problema está solucionado; no hace falta responder.", "El cliente dio las gracias y no pide nada más; no hace falta responder.", "Resuelto: el cliente no ha vuelto a escribir.", "Resuelto: el cliente dice que el problema está solucionado y respondimos los últimos; no hace falta responder.", "El cliente dio las gracias y respondimos los últimos; no hace falta responder.",
            "El cliente escribió después de que se resolviera el ticket.", "Nota interna ({0}): \"{1}\"",
            "Enviar una primera respuesta.", "Responder a la pregunta abierta: {0}", "Atender la petición pendiente: {0}", "Revisar el cobro y pasarlo a facturación si hace falta un reembolso: {0}",
            "Responder al último mensaje del cliente.", "Hacer seguimiento si el cliente no responde.",
            "No hace falta responder; resolver el ticket.", "Nada que hacer salvo que el cliente vuelva a escribir.",
            "El cliente dice lo que va a hacer y no pide nada más.", "Basta con un breve acuse de recibo; después, esperar al cliente.",
            "El cliente hace una sugerencia para el producto y no pide nada más.", "Agradecerle la sugerencia y hacerla llegar al equipo de producto.",
            ["minuto", "minutos", "hora", "horas", "día", "días"]),
        new SummaryPhrases("nl", ["Klant wil", "Geprobeerd", "Status", "Volgende stap"],
            "De klant schrijft:", "De klant vraagt:", "De klant heeft al geprobeerd:", "De agent vroeg:", "De agent schreef:",
            "De klant heeft nog niets gezegd.", "Nog niets vastgelegd.",
            "Nieuw: nog geen berichten.", "Wacht op de agent: de klant heeft nog geen antwoord.", "Wacht op de agent: de klant schreef opnieuw na ons antwoord.",
            "Al {0} onbeantwoord.", "Wacht op de klant: de agent heeft iets gevraagd.", "Wacht op de klant: de agent antwoordde als laatste.",
            "Opgelost: de klant zegt dat het probleem verholpen is; geen antwoord nodig.", "De klant bedankte ons en vraagt niets meer; geen antwoord nodig.", "Opgelost: de klant heeft sindsdien niet geschreven.", "Opgelost: de klant zegt dat het probleem verholpen is en wij antwoordden als laatste; geen antwoord nodig.", "De klant bedankte ons en wij antwoordden als laatste; geen antwoord nodig.",
            "De klant schreef nadat het ticket was opgelost.", "Interne notitie ({0}): \"{1}\"",
            "Stuur een eerste antwoord.", "Beantwoord de open vraag: {0}", "Ga in op het openstaande verzoek: {0}", "Controleer de afschrijving en geef door aan facturatie als terugbetaling nodig is: {0}",
            "Beantwoord het laatste bericht van de klant.", "Volg op als de klant niet reageert.",
            "Geen antwoord nodig; los het ticket op.", "Niets te doen tenzij de klant opnieuw schrijft.",
            "De klant zegt wat hij nu gaat doen en vraagt verder niets.", "Een korte bevestiging is genoeg; wacht daarna op de klant.",
            "De klant doet een suggestie voor het product en vraagt verder niets.", "De klant bedanken voor de suggestie en die doorgeven aan het productteam.",
            ["minuut", "minuten", "uur", "uur", "dag", "dagen"]),
        new SummaryPhrases("pt", ["O cliente quer", "Tentado", "Estado", "Próximo passo"],
            "O cliente escreve:", "O cliente pergunta:", "O cliente já tentou:", "O agente pediu:", "O agente escreveu:",
            "O cliente ainda não disse.", "Nada registado ainda.",
            "Novo: ainda sem mensagens.", "À espera do agente: o cliente ainda não teve resposta.", "À espera do agente: o cliente voltou a escrever depois da nossa resposta.",
            "Sem resposta há {0}.", "À espera do cliente: o agente pediu algo.", "À espera do cliente: o agente respondeu por último.",
            "Resolvido: o cliente diz que o problema está resolvido; não é preciso responder.", "O cliente agradeceu e não pede mais nada; não é preciso responder.", "Resolvido: o cliente não voltou a escrever.", "Resolvido: o cliente diz que o problema está resolvido e respondemos por último; não é preciso responder.", "O cliente agradeceu e respondemos por último; não é preciso responder.",
            "O cliente escreveu depois de o ticket ser resolvido.", "Nota interna ({0}): \"{1}\"",
            "Enviar uma primeira resposta.", "Responder à pergunta em aberto: {0}", "Dar seguimento ao pedido em aberto: {0}", "Verificar a cobrança e passar à faturação se for preciso reembolso: {0}",
            "Responder à última mensagem do cliente.", "Fazer seguimento se o cliente não responder.",
            "Não é preciso responder; resolver o ticket.", "Nada a fazer a menos que o cliente volte a escrever.",
            "O cliente diz o que vai fazer a seguir e não pede mais nada.", "Basta uma breve confirmação; depois, aguardar o cliente.",
            "O cliente faz uma sugestão para o produto e não pede mais nada.", "Agradecer a sugestão e encaminhá-la à equipa de produto.",
            ["minuto", "minutos", "hora", "horas", "dia", "dias"]),
        new SummaryPhrases("it", ["Il cliente vuole", "Tentato", "Stato", "Prossimo passo"],
            "Il cliente scrive:", "Il cliente chiede:", "Il cliente ha già provato:", "L'agente ha chiesto:", "L'agente ha scritto:",
            "Il cliente non l'ha ancora detto.", "Ancora niente di registrato.",
            "Nuovo: nessun messaggio.", "In attesa dell'agente: il cliente non ha ancora avuto risposta.", "In attesa dell'agente: il cliente ha riscritto dopo la nostra risposta.",
            "Senza risposta da {0}.", "In attesa del cliente: l'agente ha chiesto qualcosa.", "In attesa del cliente: l'agente ha risposto per ultimo.",
            "Risolto: il cliente dice che il problema è risolto; non serve rispondere.", "Il cliente ha ringraziato e non chiede altro; non serve rispondere.", "Risolto: il cliente non ha più scritto.", "Risolto: il cliente dice che il problema è risolto e abbiamo risposto per ultimi; non serve rispondere.", "Il cliente ha ringraziato e abbiamo risposto per ultimi; non serve rispondere.",
            "Il cliente ha scritto dopo la risoluzione del ticket.", "Nota interna ({0}): \"{1}\"",
            "Inviare una prima risposta.", "Rispondere alla domanda aperta: {0}", "Dare seguito alla richiesta aperta: {0}", "Verificare l'addebito e passare all'amministrazione se serve un rimborso: {0}",
            "Rispondere all'ultimo messaggio del cliente.", "Sollecitare se il cliente non risponde.",
            "Non serve rispondere; risolvere il ticket.", "Niente da fare finché il cliente non riscrive.",
            "Il cliente dice cosa farà e non chiede altro.", "Basta una breve conferma; poi attendere il cliente.",
            "Il cliente fa un suggerimento per il prodotto e non chiede altro.", "Ringraziare per il suggerimento e inoltrarlo al team di prodotto.",
            ["minuto", "minuti", "ora", "ore", "giorno", "giorni"]),
    }.ToDictionary(p => p.Language, StringComparer.Ordinal);
}

using System.Text.RegularExpressions;

namespace Copilot.Api.Threads;

/// <summary>Phrases that tell what a sentence does, in en, de, fr, es, nl, pt and it.</summary>
internal static partial class Cues
{
    /// <summary>The author asks for something: "can you", "I need", "how do I", "let me know", "könnten Sie", "je voudrais"…</summary>
    [GeneratedRegex(@"(?<![\p{L}])(can you|could you|would you|i need|we need|i want|i'd like|i would like|please|let (me|us) know|keep (me|us) (posted|updated|informed)|how do i|how can i|how to|is it possible|help me|what should|where can|why (does|is|do|did|can't)|when will|k[öo]nnen sie|k[öo]nnten sie|kannst du|ich brauche|geben sie (mir|uns) bescheid|sagen sie (mir|uns) bescheid|halten sie (mich|uns) auf dem laufenden|ich m[öo]chte|ich will|wir brauchen|bitte|wie kann ich|wie mache ich|wie geht|ist es m[öo]glich|helfen sie|warum|wann|pouvez-vous|pourriez-vous|peux-tu|j'ai besoin|tenez-moi au courant|pr[ée]venez-moi|je voudrais|je veux|je souhaite|s'il vous pla[îi]t|svp|comment (puis-je|faire|je)|est-il possible|aidez-moi|pourquoi|quand|puede[sn]?|podr[íi]a[sn]?|necesito|av[íi]s(ame|eme|adme)|mant[ée]n(me|game) informad[oa]|quiero|quisiera|me gustar[íi]a|por favor|c[óo]mo (puedo|hago|se)|es posible|ay[úu]d(a|e)me|por qu[ée]|cu[áa]ndo|kunt u|laat (me|het) (maar )?weten|houd me op de hoogte|kun je|kunnen jullie|ik wil|nodig|ik zou graag|graag|alstublieft|alsjeblieft|hoe kan ik|hoe moet ik|is het mogelijk|waarom|wanneer|pode[ms]?|poderia[ms]?|preciso|me avis[ae]|mantenha-me informad[oa]|quero|gostaria|como (posso|fa[çc]o)|[ée] poss[íi]vel|ajud(?:e|em|a-me)|por que|porque [ée] que|quando|pu[òo]|potete|potresti|ho bisogno|fammi sapere|fatemi sapere|tenetemi aggiornat[oa]|vorrei|voglio|per favore|come (posso|faccio)|[èe] possibile|aiutatemi|perch[ée])(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Request();

    /// <summary>The customer says what they already did: "I already restarted", "habe schon", "j'ai déjà"…</summary>
    [GeneratedRegex(@"(?<![\p{L}])(already|i've tried|i have tried|i tried|we tried|i've (restarted|reset|reinstalled|updated|checked|unplugged|followed|done|sent)|i (restarted|reset|reinstalled|updated|checked|unplugged|followed|sent|rebooted|did)|we (restarted|reset|sent|checked|did)|i have (restarted|reset|reinstalled|updated|checked|unplugged|followed|sent)|(?:schon|bereits)(?! (?:wieder|seit|lange|immer|um|zum)(?![\p{L}]))|ausprobiert|versucht|neu gestartet|zur[üu]ckgesetzt|neu installiert|d[ée]j[àa]|j'ai (essay[ée]|red[ée]marr[ée]|r[ée]initialis[ée]|r[ée]install[ée]|suivi|envoy[ée])|ya (he|hemos|lo|la)|he (intentado|probado|reiniciado|enviado)|reinici[ée]|restablec[íi]|reinstal[ée]|al (ge|opnieuw)|geprobeerd|opnieuw opgestart|gereset|opnieuw ge[ïi]nstalleerd|j[áa] (tentei|fiz|reiniciei|enviei)|tentei|reiniciei|reinstalei|restaurei|ho gi[àa]|ho provato|ho riavviato|ho reinstallato|ho resettato)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Tried();

    /// <summary>
    /// How an agent signs a case off, in English: a short pleasantry that tells nothing done ("Perfect, thanks for confirming,
    /// Marco.", "Enjoy your new lights!", "Glad the porch is back on time."; not "Great, I've refunded it" or "Great news: …")
    /// or closing the ticket ("We'll close this ticket now, but just reply …").
    /// </summary>
    [GeneratedRegex(@"^(?:(?!.*\b(?:i|i've|i'll|i'm|we|we've|we'll|we're|our|news)\b)(?!.*\d)(?:perfect|great|glad|enjoy|happy|good|nice|wonderful|awesome|excellent|brilliant|fantastic|lovely|super)\b(?:\W+\w+){0,7}\W*$|(?:ok(?:ay)?,?\s*)?(?:we'll|we will|i'll|i will|we're|i'm|we are|i am) (?:now |going to |also )?(?:(?:close|closing|mark|marking) (?:this|the|your) (?:ticket|case|request|conversation)\b|(?:mark|marking) (?:this|it) as (?:solved|resolved|closed|done)\b))", RegexOptions.IgnoreCase)]
    public static partial Regex SignOff();

    /// <summary>
    /// An agent checking in after the answer, in English, which tells nothing done: "Were we able to help you resolve your
    /// issue?", "Checking back with you.", "We just wanted to do a quick follow up to check if you need further help.", "Did
    /// that help?", "Is there anything else we can help with?", and asking for a survey ("Help us improve … by answering our
    /// survey"), or only to write back ("Please let us know.", "Give us a shout if there's anything else.", "Yes, please do keep us in the loop.", "Don't hesitate to tweet back if you need further assistance"). Not "Did the reset help with the error code?" beside new steps: only the whole sentence is a check-in.
    /// </summary>
    [GeneratedRegex(@"^(?:hi\W+(?:\w+\W+)?)?(?:(?:(?:we|i) )?(?:just )?(?:wanted|want|would like) to (?:do a )?(?:quick )?(?:follow(?:ing)?[ -]?up|check(?:ing)? (?:in|back))\b.*|(?:just )?(?:checking|following) (?:back|in|up)(?: (?:with|on) you)?(?:\s+(?:to see|on|about|regarding|here)\b[^?.!:]{0,40})?(?:\W+(?:were|was|did|has|have|is|are)\b.*)?|(?:were|was) (?:we|i) able to (?:help|assist|resolve)\b.*|(?:did|does|has) (?:that|this|it|the (?:link|article|above|info(?:rmation)?)) (?:help|work|resolve|fix)\w*(?: (?:you|out|things))?\W*|is there anything else\b.*|(?:help us improve|(?:please )?(?:take|fill (?:in|out)|answer|complete) (?:our|a|this|the) (?:short |quick |brief )?survey|how did we do)\b.*|(?:please )?let (?:us|me) know|(?:yes,? )?(?:please )?(?:do )?keep (?:us|me) (?:in the loop|posted|updated)|(?:yes,? )?(?:please )?(?:do )?(?:let (?:us|me) know|give us a shout|(?:reach|get) (?:out|back) to us|tweet us|dm us) (?:if|when|whenever|should) (?:you (?:need|have|require) (?:any(?:thing)?|further|more|other)|(?:we|i) can (?:help|assist|do)|there(?:'s| is) anything|any (?:further|other|more))\b.*|(?:please )?(?:don't|do not) hesitate to \w+(?: \w+){0,3} (?:if|should|whenever)\b.*)\W*$", RegexOptions.IgnoreCase)]
    public static partial Regex CheckIn();

    /// <summary>
    /// An agent's apology or sympathy that tells nothing done, in English: "We hear your frustration and apologize for any
    /// inconvenience caused.", "I understand how annoying this must be." Not when the sentence goes on to what was done or
    /// why ("We apologise, but the train was cancelled by Network Rail", "I understand; I've refunded the fee").
    /// </summary>
    [GeneratedRegex(@"^(?:(?:we|i) (?:(?:completely|totally|really|truly|sincerely|do|can|fully) )?(?:apologi[sz]e|hear|understand)\b)(?![^.!?]*(?:\d|\b(?:but|however|because|as|since|we've|i've|we'll|i'll|we have|i have|we will|i will|we've|please)\b|[;:]))[^?]*$", RegexOptions.IgnoreCase)]
    public static partial Regex Sympathy();

    /// <summary>Politeness that carries no content: "thanks for reaching out", "sorry for the trouble"…</summary>
    [GeneratedRegex(@"^(thanks?|thank you|sorry|i'm sorry|we're sorry|apologies|hope (this|that) helps|let (me|us) know|happy to help|i hope|danke|vielen dank|entschuldig|es tut (mir|uns) leid|merci|d[ée]sol[ée]|gracias|lo siento|perd[óo]n|bedankt|dank (je|u)|sorry|obrigad[oa]|desculp|lamento|grazie|mi dispiace|scusa)", RegexOptions.IgnoreCase)]
    public static partial Regex Courtesy();

    /// <summary>An apology anywhere in a text: "sorry", "we apologise", "es tut uns leid", "désolé", "lo sentimos", "het spijt", "lamento", "mi dispiace"…</summary>
    [GeneratedRegex(@"(?<![\p{L}])(sorry|apologi[sz]\w*|apologies|entschuldig\w*|tut (?:mir|uns) leid|d[ée]sol[ée]e?s?|(?:nos|mes) excuses|lo (?:siento|sentimos)|disculp\w*|(?:het )?spijt (?:me|ons)|lamento|lamentamos|desculp\w*|(?:mi|ci) dispiace|scusa\w*|ci scusiamo)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Apology();

    /// <summary>
    /// The customer says we should have told them: "why did nobody tell me this the first time?", "no one told me", "hat mir
    /// niemand gesagt", "personne ne m'a prévenu", "nadie me avisó", "niemand heeft me verteld", "ninguém me disse", "nessuno mi
    /// ha detto". A question to answer, so not venting, but a reply owes an apology for it.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:(?:nobody|no one|no-one) (?:ever )?told (?:me|us)|why (?:was|were) (?:i|we) not told|why (?:wasn't|weren't) (?:i|we) told|(?:hat|haben) (?:mir|uns) (?:\w+ ){0,2}(?:niemand|keiner) (?:\w+ )?(?:gesagt|bescheid gegeben)|(?:niemand|keiner) hat (?:mir|uns) (?:\w+ )?gesagt|personne ne (?:m|nous)'a (?:dit|pr[ée]venue?s?)|on ne (?:m|nous)'a rien dit|nadie (?:me|nos) (?:dijo|avis[óo]|ha dicho|ha avisado)|(?:niemand|heeft niemand) (?:heeft )?(?:me|ons) (?:\w+ )?(?:verteld|gezegd|gewaarschuwd)|ningu[ée]m (?:me|nos) (?:disse|avisou)|nessuno (?:mi|ci) ha (?:detto|avvisat[oa])|nessuno (?:mi|ci) (?:ha )?(?:detto|avvisato))(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex NotTold();

    /// <summary>A promo, discount or gift code or voucher: "promo code", "Gutscheincode", "code promo", "código de descuento", "kortingscode", "cupom", "codice sconto"…</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:(?:promo(?:tion(?:al)?)?|discount|voucher|coupon|referral|gift|welcome) ?codes?|vouchers?|coupons?|gutschein\w*|rabattcode\w*|aktionscode\w*|code (?:promo|de (?:r[ée]duction|parrainage))|bon de r[ée]duction|c[óo]digos? (?:promocional(?:es)?|de (?:descuento|desconto|regalo|presente))|cup[óo]n(?:es)?|kortingscode\w*|actiecode\w*|tegoedbon\w*|cupo(?:m|ns)|codic[ei] (?:sconto|promozional[ei])|buono sconto)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Voucher();

    /// <summary>Money matters that billing, not support, usually settles.</summary>
    [GeneratedRegex(@"(?<![\p{L}])(refund\w*|invoice\w*|charged?|charges|billing|billed|payment|receipt|subscription|r[üu]ckerstattung|rechnung|abgebucht|zahlung|abo|erstattung|rembours\w*|facture|pr[ée]lev[ée]|paiement|abonnement|reembolso|factura|cobro|cobrad[oa]s?|cargos?|pago|suscripci[óo]n|terugbetaling|factuur|betaling|afgeschreven|fatura|cobran[çc]a|pagamento|assinatura|rimborso|fattura|addebit\w*|abbonamento)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Billing();

    /// <summary>
    /// A charge the customer disputes or money they want back (a refund, a charge, a debit), not every money word: an
    /// invoice request or a question about payment methods is not for billing to check.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(refund\w*|charged|charges?|overcharg\w*|billed|debited|r[üu]ckerstattung|abgebucht|erstattung|rembours\w*|pr[ée]lev[ée]s?|reembols\w*|cobro|cobrad[oa]|terugbetaling|afgeschreven|cobran[çc]a|rimbors\w*|addebit\w*)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Charge();

    /// <summary>
    /// The customer saw an error, a message or a state on a screen ("an error", "unreachable", "Fehlermeldung", "hors ligne"):
    /// its exact words are worth asking for. A bulb that flickers shows none, and "the app says it's not valid" or "die App
    /// zeigt die richtige Uhrzeit an" already tells what the screen says.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(errors?|error message|message|code|warning|pop-?up|unreachable|offline|not responding|fehler\w*|meldung|nicht erreichbar|erreur|injoignable|hors ligne|mensaje|sin conexi[óo]n|fout\w*|melding|onbereikbaar|erro|mensagem|errore|messaggio|irraggiungibile)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex ShownMessage();

    /// <summary>An order, its delivery or its return: the order number is what the agent needs first.</summary>
    [GeneratedRegex(@"(?<![\p{L}])(order(s|ed)?|shipping|shipment|delivery|delivered|package|parcel|return(s|ed|ing)?|exchange|purchase[ds]?|bestell\w*|lieferung|paket|r[üu]cksendung|commande|livraison|colis|retour|pedido|env[íi]o|paquete|devoluci[óo]n(?!\s+(?:del?|de la|de los|de mi|de mis)\s+(?:dinero|importe|cargos?|cobros?|pagos?|suscripci[óo]n|cuota))(?!\s+en\s+(?:mi|tu|su)\s+cuenta)|bestelling|levering|pakket|encomenda|entrega|devolu[çc][ãa]o(?!\s+(?:do|da|dos|de)\s+(?:dinheiro|valor|valores|pagamento|cobran[çc]a|assinatura))(?!\s+na\s+(?:minha|sua)\s+conta)|ordine|spedizione|pacco|reso)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Order();

    /// <summary>
    /// The agent asked the customer for something (so a silence means waiting on them). Spanish and Portuguese say "you can"
    /// and "can you" alike ("Pode deixá-lo no máximo" is permission, "Pode enviar-me…" a request), so there "puedes" and
    /// "pode" ask only before a verb of sending or answering, or in a question.
    /// </summary>
    [GeneratedRegex(@"(\?|(?<![\p{L}])(could you|can you|please (send|reply|share|let|try|check|confirm)|reply with|let me know|k[öo]nnten sie|bitte (senden|schicken|teilen|pr[üu]fen)|pourriez-vous|merci de|pouvez-vous|podr[íi]as?|puedes (enviar|mandar|confirmar|responder|indicar|compartir)(me|nos|mela|melo)?|env[íi]a(nos|me)|kunt u|kun je|stuur|poderias?|podes? (enviar|mandar|confirmar|responder|indicar|partilhar)|envie|potrebbe|pu[òo] inviar)(?![\p{L}]))", RegexOptions.IgnoreCase)]
    public static partial Regex AsksCustomer();

    /// <summary>An English sentence that opens as a question: "Why does …", "How can …", "Is it …", "May I …".</summary>
    [GeneratedRegex(@"^(?:how|what|when|where|why|who|which|can|could|would|will|do|does|did|is|are|was|were|have|has|should|shall|may)\b", RegexOptions.IgnoreCase)]
    public static partial Regex QuestionOpening();

    /// <summary>Thanks, in the seven languages: "thanks", "cheers", "danke", "merci", "gracias", "bedankt", "obrigado", "grazie".</summary>
    internal const string Thanks = "thanks?|thank you|thank u|thx|thanx|thnx|tysm|ty|cheers|appreciate it|danke|dankesch[öo]n|vielen dank|merci|gracias|bedankt|dank (je|jullie|u)( wel)?|dankjewel|dankuwel|obrigad[oa]|valeu|grazie";

    /// <summary>A fix the customer confirms: "it works now", "that did it", "hat geholfen", "c'est réglé", "ya funciona", "opgelost".</summary>
    private const string FixedWords = @"it works|(it's|it is|that's|all) (working|fixed|sorted|solved|good)|works (now|again|fine|perfectly)|working (now|again)|that (worked|did it|fixed it|helped)|(it |this )?worked (straight away|right away|first time|perfectly|like a charm|a treat)|(problem|issue) (is )?(solved|fixed|resolved|sorted)|all (set|sorted|good)|never ?mind|funktioniert (es |alles |das )?(jetzt |nun )?(wieder|jetzt|nun)|(jetzt|nun) klappt (es|alles|das)|klappt (es |alles |das )?(jetzt |nun )?wieder|(hat|ist) (geholfen|gel[öo]st|erledigt)|[çc]a (marche|fonctionne)|(c'est|est) (r[ée]gl[ée]|r[ée]solu)|(ya|ahora) funciona|(est[áa] )?(resuelto|solucionado)|werkt (het )?(weer|nu)|nu werkt|(is )?opgelost|(j[áa]|agora) funciona|(est[áa] )?resolvido|(ora )?funziona|(è )?risolto";

    /// <summary>The customer says it is sorted: "thanks, it works now", "das hat geholfen", "c'est réglé"…</summary>
    [GeneratedRegex(@"(?<![\p{L}])(" + Thanks + "|" + FixedWords + @")(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Resolved();

    /// <summary>
    /// The customer confirms it is fixed, beyond thanking: "it works now", "that did it", "problem solved", "hat geholfen",
    /// "c'est réglé", "ya funciona", "opgelost" (the <see cref="Resolved"/> cues less the thanks).
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(" + FixedWords + @")(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Fixed();

    /// <summary>
    /// Words that put a fix ahead, not behind, just before it in the sentence: "I look forward to it being resolved", "once it
    /// works", "hopefully fixed soon", "sobald es funktioniert", "dès que ça marche", "cuando funcione".
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(once|when|until|till|if|hope|hopefully|soon as|look(ing)? forward|waiting for|wait for|sobald|wenn|hoffentlich|d[èe]s que|quand|j'esp[èe]re|cuando|hasta que|ojal[áa]|espero|zodra|hopelijk|quando|assim que|spero|appena)(?![\p{L}])[^.!?]{0,40}$", RegexOptions.IgnoreCase)]
    public static partial Regex Ahead();

    /// <summary>
    /// Negations and contrasts that say nothing is wrong: "I didn't even notice", "no worries", "no problem", "not a problem", "no idea why",
    /// "no rush", "but understood", "aber verstanden", "mais d'accord", "pero entendido", "maar begrepen"…
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:(?:i )?didn't (?:even )?(?:notice|realise|realize|know)|no (?:worries|problem|rush|hurry|harm done)|not a problem|no idea why|keine ahnung(?:,? warum)?|aucune id[ée]e pourquoi|ni idea de por qu[ée]|geen idee waarom|n[ãa]o fa[çc]o ideia porqu[êe]|non ho idea del perch[ée]|(?:but|aber|mais|pero|maar|mas|ma),? (?:ok(?:ay)?|understood|fair enough|fine|i understand|i see|verstanden|okay|d'accord|compris|entendido|vale|begrepen|prima|entendi|capito))(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Benign();

    /// <summary>
    /// The customer says they will leave or go public: "I'll take my business elsewhere", "switching to a competitor", "never
    /// ordering from you again", "leaving a one-star review", "ich gehe woanders hin", "j'irai ailleurs", "me voy a la competencia";
    /// in the other languages only after a verb of going or buying ("Die kan ik niet ergens anders kwijt" is where a router stands).
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:(?:take|taking|spend|spending) my (?:business|money) (?:elsewhere|somewhere else)|(?:go|going|switch|switching|move|moving) to (?:a |your )?competitor|never (?:buy|buying|order|ordering|use|using)\b[^.!?\n]{0,20}\b(?:you|again)|(?:bad|negative|1-star|one-star|one star) review|tell (?:everyone|all my friends)|(?:gehe|kaufe|bestelle|wechsle)\b[^.!?\n]{0,20}\b(?:woanders|zur konkurrenz)|woanders (?:kaufen|bestellen|hin)|zur konkurrenz (?:gehen|wechseln)|(?:vais|irai|aller|ach[èe]terai|commanderai|passe|passerai)\b[^.!?\n]{0,20}\b(?:ailleurs|(?:chez )?la concurrence)|(?:me voy|ir[ée]|comprar[ée]|pedir[ée]|me paso|me pasar[ée])\b[^.!?\n]{0,20}\b(?:a la competencia|a otro sitio|en otro sitio)|(?:ga|bestel|koop|stap)\b[^.!?\n]{0,20}\b(?:ergens anders|naar de concurrent|over naar)|(?:vou|irei|comprarei|compro|mudo|mudar)\b[^.!?\n]{0,20}\b(?:noutro lado|noutro s[íi]tio|para a concorr[êe]ncia)|(?:vado|andr[òo]|compro|comprer[òo]|ordino|passo)\b[^.!?\n]{0,20}\b(?:altrove|alla concorrenza))(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Leaving();

    /// <summary>Symptoms, in the seven languages: "flicker", "drops", "disconnects", "crash", "beeps", "flackert", "clignote", "parpadea", "knippert", "pisca", "lampeggia"…</summary>
    private const string Symptoms = @"flicker\w*|blink\w*|flash(?:es|ing)?|drop(?:s|ped|ping)?(?: out)?|disconnect\w*|crash\w*|freez\w*|froze|hang(?:s|ing)?|lag(?:s|ging)?|stutter\w*|beep\w*|buzz\w*|overheat\w*|reboot\w*|restart\w*|go(?:es)? offline|went offline|cut(?:s|ting)? out|error\w*|flacker\w*|blinkt|piep\w*|st[üu]rzt|h[äa]ngt|brummt|trennt|clignot\w*|plante?|bip\w*|d[ée]connect\w*|coupe|parpade\w*|desconect\w*|cuelga|falla|pita|knipper\w*|flikker\w*|crasht|valt|pisca\w*|trava|desliga|falha|lampeggi\w*|sfarfall\w*|disconnett\w*|blocca";

    /// <summary>"Happens", which stopped is a fix ("it doesn't happen anymore", "es passiert nicht mehr") but alone names nothing wrong.</summary>
    private const string Happens = @"happen\w*|passiert|produit|pasa|gebeurt|acontece|succede";

    /// <summary>A symptom named: "the flicker is back", "it beeps", "es flackert" (<see cref="Gone"/> reads the ones that stopped).</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:" + Symptoms + @")(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Symptom();

    /// <summary>
    /// A symptom that has stopped, which is a fix told by a negation: "it doesn't flicker anymore", "no longer drops", "hasn't
    /// disconnected since", "no more errors", "Die Lampe flackert nicht mehr", "ne clignote plus", "ya no parpadea", "knippert
    /// niet meer", "já não pisca", "non lampeggia più". Not "no longer works" nor "nicht mehr an": what stops there is the product.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:no longer (?:" + Symptoms + "|" + Happens + @")|(?:doesn't|does not|don't|do not|won't|isn't|aren't|hasn't|has not|haven't|have not|not)(?: \w+)? (?:" + Symptoms + "|" + Happens + @")(?:[^.!?\n]{0,30}?(?<![\p{L}])(?:anymore|any more|since|again|now))|no more (?:problems|issues|" + Symptoms + "|" + Happens + @")|(?:" + Symptoms + "|" + Happens + @")(?: \w+){0,2} (?:nicht mehr|niet meer)|kein(?:e|en)? (?:Flackern|Fehler\w*|Abbr[üu]che|Abst[üu]rze|Probleme?) mehr|n(?:e |')(?:se |s')?(?:" + Symptoms + "|" + Happens + @") plus|ya no (?:se )?(?:" + Symptoms + "|" + Happens + @")|no (?:se )?(?:" + Symptoms + "|" + Happens + @") m[áa]s|j[áa] n[ãa]o (?:se )?(?:" + Symptoms + "|" + Happens + @")|n[ãa]o (?:se )?(?:" + Symptoms + "|" + Happens + @") mais|non (?:si )?(?:" + Symptoms + "|" + Happens + @") pi[ùu])(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Gone();

    /// <summary>
    /// A sentence that turns to a new problem: "BUT now the app says 2 of the 3 bulbs are unreachable", "Now the strip won't
    /// turn on", "Another problem: …", "One more question", "aber jetzt", "mais maintenant", "pero ahora",
    /// "maar nu", "mas agora", "ma ora", "noch eine Frage", "otro problema"… (a confirmed fix, "now it works", is not one:
    /// <see cref="Fixed"/>). Not "Also, …": it goes on as often about the same problem ("Also I tried restarting the router").
    /// </summary>
    [GeneratedRegex(@"^\W*(?:(?:(?:but|and|however|only|aber|doch|mais|par contre|pero|maar|mas|ma)\s+)?(?:now|jetzt|nun|maintenant|ahora|nu|agora|ora|adesso)|one more (?:thing|question|problem|issue)|(?:i have |i've got |there's |there is )?(?:another|a new|a different|a second) (?:problem|issue|question)|(?:noch )?(?:ein|eine) (?:anderes|weiteres|neues|zweites) problem|noch eine frage|(?:un )?(?:autre|nouveau) (?:probl[èe]me|question)|une autre question|otr[oa] (?:problema|pregunta|cosa)|nuevo problema|(?:nog )?een (?:ander|nieuw) probleem|nog een vraag|outr[oa] (?:problema|pergunta|coisa)|novo problema|(?:un )?altro problema|un'altra domanda|nuovo problema)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex NewProblem();

    /// <summary>
    /// A sentence that only announces what comes ("I have a question about my account.", "Quick question", "I need some help
    /// with my order", "Me again (the accidental subscription one, sorry!)"): the request is in what follows.
    /// </summary>
    [GeneratedRegex(@"^(?:(?:hi|hello|hey)(?: there)?[,!]?\s*)?(?:i(?:'ve| have| had|'ve got| got)? (?:a|one|another|some|two|a few) (?:quick |small |short |simple )?(?:question|query|issue|problem|request|enquiry|inquiry)s?|(?:it'?s |it is |this is )?(?:me|us) again(?: \([^)]*\))?|(?:a )?quick question|i need (?:some |your )?help|(?:can|could) (?:you|someone) help(?: me)?|need (?:some )?help)(?: (?:about|with|regarding|on|concerning|for) (?:my |an? |the |your )?[\p{L}\d'-]+(?: [\p{L}\d'-]+)?)?\s*[.!?:]*$", RegexOptions.IgnoreCase)]
    public static partial Regex Announcement();

    /// <summary>
    /// In English, what the customer did to fix it, said with its action ("I tried", "I've restarted", "already reinstalled",
    /// "I called", "I've done the reset"), not every "already" or "I did" ("I did not forget", "it should already have been done").
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:(?:i|we)(?:'ve| have| had)?(?: already| also| even| just)? (?:tried|restarted|reset|reinstalled|re-installed|rebooted|updated|cleared|deleted|uninstalled|unplugged|logged out|signed out|turned (?:it |them )?(?:off|on)|power[- ]cycled|followed|changed(?! (?:jobs?|my job|my mind|careers?|employers?|companies|schools?|universities)\b)|checked|switched|removed|paired|re-?paired|factory reset|tested|contacted|called|emailed|talked to|spoke to|spoken to)|(?:i|we)(?:'ve| have| had)?(?: already| also| even)? (?:done|did) (?:the |a |another |a full |a hard |a factory )?(?:reset|restart|reboot|reinstall|update|power[- ]cycle|factory reset)s?|already (?:tried|restarted|reset|reinstalled|rebooted|updated|cleared|deleted|unplugged|logged out|followed|done that|did that|checked|contacted|called)|tried (?:that|this|everything|it|again|all|both))(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Attempted();

    /// <summary>"…, but …": what follows an attempt is what went wrong ("I tried to verify it, but the link had expired").</summary>
    [GeneratedRegex(@"(?<![\p{L}])(but|however|aber|jedoch|mais|pero|sin embargo|maar|mas|por[ée]m|ma|per[òo])(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex But();

    /// <summary>Something is wrong: "can't", "doesn't", "not working", "still", "nicht", "toujours pas"…</summary>
    [GeneratedRegex(@"(?<![\p{L}])(still|not|no longer|doesn't|didn't|won't|can't|cannot|isn't|wasn't|broken|error|fails?|failed|immer noch|nicht|kein|kaputt|toujours|pas|todav[íi]a|no|nog steeds|niet|kapot|ainda|n[ãa]o|ancora|non)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Problem();

    /// <summary>The problem goes on despite thanks: "thanks, but it still…", "doesn't work", "funktioniert nicht", "no funciona"…</summary>
    [GeneratedRegex(@"(?<![\p{L}])(still|but|however|immer noch|noch immer|aber|toujours|mais|todav[íi]a|sigue|pero|nog steeds|nog altijd|maar|ainda|mas|ancora|per[òo]|(not|nicht|pas|no|niet|n[ãa]o|non) (work|working|help|helped|fixed|solved|funktioniert|geholfen|gel[öo]st|fonctionne|marche|funciona|werkt|funziona)|(doesn't|don't|didn't|isn't|won't|can't|wasn't) (work|help|fix|solve)|funktioniert (immer noch |noch immer )?nicht|ne (fonctionne|marche) (toujours )?pas|werkt (nog steeds |nog altijd )?niet)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex Ongoing();
}

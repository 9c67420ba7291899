namespace Copilot.Api.Demo;

/// <summary>
/// A sample company's intent list with a few example requests each, as an admin would configure them
/// (<c>Copilot:Tenants:{id}:Intents</c> and <c>IntentExamples</c>). Triage learns from these and from the solved tickets
/// tagged with an intent, so the names are the tags the company's agents use.
/// </summary>
public sealed class DemoIntents(params (string Name, string[] Examples)[] intents)
{
    public string[] Names { get; } = [.. intents.Select(i => i.Name)];

    public Dictionary<string, List<string>> Examples() => intents.ToDictionary(i => i.Name, i => i.Examples.ToList(), StringComparer.Ordinal);

    /// <summary>Lumora Home: its macro categories and the topics its agents tag.</summary>
    public static DemoIntents Lumora { get; } = new(
        ("account", ["I can't log in to my Lumora account", "Please change the email address on my account", "I lost my phone and can't get the 2FA code", "How do I transfer the home to a new owner?"]),
        ("automations", ["My schedule turns the lights on at the wrong time", "The sunset automation runs late", "Away mode does not switch the lights", "Lights don't come on when I arrive home"]),
        ("billing", ["I was charged twice for Lumora Plus", "Please cancel my subscription and refund me", "There is a charge I don't recognise", "Will I be billed when the trial ends?", "Zweimal abgebucht, bitte erstatten"]),
        ("business", ["We need a quote for 40 bulbs for our office", "Can you put our VAT number on the invoice?", "Bulk order for a hotel project"]),
        ("connectivity", ["My light strip keeps showing unreachable", "The bulb in the garden drops off the network", "Lights go offline every night", "Zigbee range problem with one lamp"]),
        ("firmware", ["The firmware update is stuck", "Bridge blinking after the update", "Which firmware version fixes this bug?", "Update failed halfway"]),
        ("privacy", ["Please delete my account and all my data", "I want a copy of the personal data you store", "GDPR request"]),
        ("returns", ["I want to return the bulbs I ordered", "How do I send back the starter kit?", "Wrong item ordered, can I return it?", "Je voudrais retourner ma commande"]),
        ("setup", ["The bridge won't connect to my Wi-Fi during setup", "Setup is stuck at connecting to network", "New bulbs don't show up when I search", "How do I add a bulb to the app?"]),
        ("shipping", ["Where is my order?", "My parcel hasn't arrived yet", "The tracking has not updated for a week", "I paid for express delivery but it's late", "Mi pedido no ha llegado"]),
        ("troubleshooting", ["My bulb flickers at low brightness", "The bulb does not turn on at all", "The light strip colours look wrong", "The lamp buzzes when dimmed"]),
        ("voice", ["Alexa says the lights are not responding", "Google Home shows my lights twice", "How do I link Lumora with Alexa?", "Can't add the bridge to Apple Home"]),
        ("warranty", ["My bulb died after three months, is it under warranty?", "I need a warranty replacement for a dead bridge", "Replacement under guarantee please"]));

    /// <summary>Spokewise: its solution folders and the tags its agents put on tickets.</summary>
    public static DemoIntents Spokewise { get; } = new(
        ("account", ["I can't sign in to my Spokewise account", "I lost my phone and can't get the verification code", "Please change the email address on my account", "Someone else is using my account", "Mijn account is geblokkeerd"]),
        ("billing", ["I was charged twice for one ride", "There is a €10 hold on my card that was never released", "Why was I charged €38 for a six minute ride?", "Doppelte Abbuchung für eine Fahrt", "There is a charge I don't recognise"]),
        ("business", ["We need one monthly invoice for our team", "Can you put our VAT number on the invoice?", "Do you have business accounts for companies?"]),
        ("damage", ["The bike broke and I fell", "I had a small accident with a car door", "The bike was stolen while I was in a shop", "The brakes on this bike don't work"]),
        ("e-bike", ["The e-bike battery died halfway up the hill", "I paid the e-bike price but the battery was empty", "How far does an e-bike go on one charge?"]),
        ("end-ride", ["My ride didn't end after I locked the bike", "The app still shows my ride running", "Fahrt wurde nicht beendet", "I locked the bike but I'm still being charged"]),
        ("out-of-zone", ["I got an out-of-zone fee but I parked inside the zone", "Boete terwijl ik in de zone stond", "Here is a photo: the bike was in the zone"]),
        ("parking", ["Where can I park near the central station?", "Is there a parking zone in Alfama?", "Can I leave the bike at the station overnight?"]),
        ("pass", ["Please cancel my monthly pass", "Can I pause my annual pass while I'm abroad?", "My student pass verification failed", "How much is the monthly pass?"]),
        ("privacy", ["Please delete my account and all my data", "I want a copy of the data you store about me", "Bitte mein Konto und alle Daten löschen"]),
        ("promo", ["The promo code doesn't work", "I invited a friend but got no credit", "El código promocional no funciona"]),
        ("refund", ["Please refund the ride that got stuck", "I want my money back for this month's pass", "Refund the unlock fee please", "Quero meu dinheiro de volta"]),
        ("unlock", ["The bike won't unlock when I scan the code", "The lock stays closed but the ride started", "Rad lässt sich nicht entsperren", "Scanning the QR code does nothing"]));
}

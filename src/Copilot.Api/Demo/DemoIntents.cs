namespace Copilot.Api.Demo;

/// <summary>
/// The demo tenant's intent list — Lumora's macro categories and the topics its agents tag — with a
/// few example requests each, as an admin would configure them (<c>Copilot:Tenants:{id}:IntentExamples</c>).
/// Triage learns from these and from the solved tickets tagged with an intent.
/// </summary>
public static class DemoIntents
{
    public static readonly string[] Names =
    [
        "account", "automations", "billing", "business", "connectivity", "firmware", "privacy",
        "returns", "setup", "shipping", "troubleshooting", "voice", "warranty",
    ];

    public static Dictionary<string, List<string>> Examples() => new(StringComparer.Ordinal)
    {
        ["account"] = ["I can't log in to my Lumora account", "Please change the email address on my account", "I lost my phone and can't get the 2FA code", "How do I transfer the home to a new owner?"],
        ["automations"] = ["My schedule turns the lights on at the wrong time", "The sunset automation runs late", "Away mode does not switch the lights", "Lights don't come on when I arrive home"],
        ["billing"] = ["I was charged twice for Lumora Plus", "Please cancel my subscription and refund me", "There is a charge I don't recognise", "Will I be billed when the trial ends?", "Zweimal abgebucht, bitte erstatten"],
        ["business"] = ["We need a quote for 40 bulbs for our office", "Can you put our VAT number on the invoice?", "Bulk order for a hotel project"],
        ["connectivity"] = ["My light strip keeps showing unreachable", "The bulb in the garden drops off the network", "Lights go offline every night", "Zigbee range problem with one lamp"],
        ["firmware"] = ["The firmware update is stuck", "Bridge blinking after the update", "Which firmware version fixes this bug?", "Update failed halfway"],
        ["privacy"] = ["Please delete my account and all my data", "I want a copy of the personal data you store", "GDPR request"],
        ["returns"] = ["I want to return the bulbs I ordered", "How do I send back the starter kit?", "Wrong item ordered, can I return it?", "Je voudrais retourner ma commande"],
        ["setup"] = ["The bridge won't connect to my Wi-Fi during setup", "Setup is stuck at connecting to network", "New bulbs don't show up when I search", "How do I add a bulb to the app?"],
        ["shipping"] = ["Where is my order?", "My parcel hasn't arrived yet", "The tracking has not updated for a week", "I paid for express delivery but it's late", "Mi pedido no ha llegado"],
        ["troubleshooting"] = ["My bulb flickers at low brightness", "The bulb does not turn on at all", "The light strip colours look wrong", "The lamp buzzes when dimmed"],
        ["voice"] = ["Alexa says the lights are not responding", "Google Home shows my lights twice", "How do I link Lumora with Alexa?", "Can't add the bridge to Apple Home"],
        ["warranty"] = ["My bulb died after three months, is it under warranty?", "I need a warranty replacement for a dead bridge", "Replacement under guarantee please"],
    };
}

using Copilot.Connectors.Models;

namespace Copilot.Api.Tenants;

/// <summary>The <c>Copilot</c> configuration section: the deployment's tenants and its admin credential.</summary>
public sealed class CopilotOptions
{
    public const string Section = "Copilot";

    /// <summary>Sent by operators in the <c>X-Admin-Key</c> header to reach admin routes. Unset: admin routes refuse everyone.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Helpdesk accounts served by this deployment, by tenant id.</summary>
    public Dictionary<string, TenantOptions> Tenants { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One helpdesk account.</summary>
public sealed class TenantOptions
{
    /// <summary><c>zendesk</c> or <c>freshdesk</c>.</summary>
    public string Helpdesk { get; set; } = "zendesk";

    /// <summary><c>https://{subdomain}.zendesk.com</c> or <c>https://{domain}.freshdesk.com</c>, or any URL (a fake or a proxy).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Zendesk: agent email for API-token auth (with <see cref="ApiToken"/>).</summary>
    public string? Email { get; set; }
    public string? ApiToken { get; set; }

    /// <summary>Zendesk: OAuth access token; used instead of email + API token when set.</summary>
    public string? OAuthToken { get; set; }

    /// <summary>Freshdesk: an agent's API key (sent as the Basic user, with <c>X</c> as password).</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The secret of the tenant's app, at least 32 bytes: Zendesk's proxy signs the sidebar's requests with it (HS256);
    /// Freshworks' proxy sends it in the request templates' <c>Authorization</c> header.
    /// </summary>
    public string? SharedSecret { get; set; }

    /// <summary>
    /// The secret of the tenant's helpdesk webhooks (<c>POST /api/webhooks/{helpdesk}/{tenant}</c>): Zendesk's signing
    /// secret, or the value Freshdesk's automation rules send in their secret header. Unset: webhooks are refused.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Summaries and drafts read internal notes too.</summary>
    public bool IncludeInternalNotes { get; set; } = true;

    /// <summary>Index public agent replies of solved tickets as past answers.</summary>
    public bool IndexSolvedTickets { get; set; } = true;

    /// <summary>How often the background sync pulls changed articles and macros; 0 turns it off.</summary>
    public int SyncIntervalMinutes { get; set; } = 15;

    /// <summary>The AI model serving this tenant; offline (no model) by default.</summary>
    public ModelOptions Model { get; set; } = new();

    /// <summary>How replies should sound (e.g. "warm, first names, no exclamation marks"); goes into every draft prompt.</summary>
    public string? ToneGuidelines { get; set; }

    /// <summary>The intents triage may choose from; empty lets the model name one.</summary>
    public List<string> Intents { get; set; } = [];

    /// <summary>
    /// Optional example requests per intent (<c>IntentExamples:billing:0 = "I was charged twice"</c>), learned with the
    /// solved tickets tagged with that intent; each key must be one of <see cref="Intents"/>.
    /// </summary>
    public Dictionary<string, List<string>> IntentExamples { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Offline triage names a learned intent only when its calibrated probability reaches this; below it the intent is "other".</summary>
    public double IntentConfidenceFloor { get; set; } = Copilot.Api.Intents.IntentModels.DefaultFloor;

    /// <summary>
    /// How a draft cites its sources for the customer: <c>link</c> (the article's URL, the default), <c>title</c> (its
    /// title) or <c>none</c>. Only help-centre articles and documents are named; macros and past replies are internal.
    /// </summary>
    public CitationStyle CitationStyle { get; set; } = CitationStyle.Link;

    /// <summary>
    /// An offline draft may answer from a source that shares few of the customer's words when the embedding model found it
    /// close enough to show (a paraphrase). Off: only sources that cover the question's words are answered from — fewer
    /// answers, and fewer from the wrong article (docs/evaluation.md, "Grounding").
    /// </summary>
    public bool OfflineDraftsFromMeaning { get; set; } = true;

    /// <summary>Replace emails, phones, cards, IBANs and addresses with placeholders before text reaches the model.</summary>
    public bool RedactPii { get; set; } = true;

    /// <summary>Where an applied triage goes on the ticket: the intent's field or tag, the priority.</summary>
    public Triage.TriageFieldOptions TriageFields { get; set; } = new();
}

using System.Collections.Concurrent;
using Copilot.Api.Knowledge;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Intents;

/// <summary>What a tenant's intent model was trained on and how well it tells its intents apart.</summary>
public sealed record IntentModelState(
    IntentClassifier? Classifier,
    string Fingerprint,
    DateTimeOffset TrainedAt,
    IReadOnlyDictionary<string, int> ConfiguredExamples,
    IReadOnlyDictionary<string, int> TicketExamples)
{
    /// <summary>The sentence model whose embeddings the classifier reads besides the words; null: words only.</summary>
    public string? EmbeddingModel { get; init; }

    /// <summary>Examples per language they are written in; an example too short to tell (<see cref="IntentModels.AnyLanguage"/>) counts for every language.</summary>
    public IReadOnlyDictionary<string, int> ExamplesByLanguage { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Whether the model has learned enough in <paramref name="language"/> to name a ticket's intent in it: the language
    /// most of its examples are in, or one it has <see cref="IntentModels.MinExamplesInLanguage"/> examples in (counting
    /// those too short to tell).
    /// </summary>
    public bool Reads(string language) =>
        ExamplesByLanguage.Where(p => p.Key != IntentModels.AnyLanguage).MaxBy(p => p.Value).Key is not { } main || main == language
        || ExamplesByLanguage.GetValueOrDefault(language) + ExamplesByLanguage.GetValueOrDefault(IntentModels.AnyLanguage) >= IntentModels.MinExamplesInLanguage;
}

/// <summary>
/// Each tenant's intent model, trained in process from the tenant's own labelled examples — the
/// example phrases of its configuration and its solved tickets whose tags name one of its intents —
/// and kept in memory. A full knowledge sync stores the ticket examples and retrains; every instance
/// also retrains at start and whenever the stored examples or the configuration change. With the built-in
/// sentence model (<see cref="IntentVectors"/>) an English example or ticket is read by its meaning as well as its
/// words, so a request that shares no word with any example still finds the intent whose examples mean the same.
/// </summary>
public sealed class IntentModels(
    IntentExampleStore store, TimeProvider time, ILogger<IntentModels> logger, IntentVectors? vectors = null, Languages.ILanguageDetector? languages = null)
    : ISolvedTicketsObserver
{
    public const double DefaultFloor = 0.5;

    /// <summary>
    /// Examples in a ticket's language the model needs before it names that ticket's intent, unless most examples are in
    /// that language. Below it, the few words the ticket shares with one or two examples decide, with a confidence
    /// calibrated on examples of another language: a French 2FA ticket was "returns" at 0.66 on words it shared with the
    /// demo's two French examples. Such a ticket gets the base rates, so it is "other" (unsure) below the floor rather
    /// than a guess. Ten is a judgement, not a measurement: no labelled data in these languages is at hand.
    /// </summary>
    public const int MinExamplesInLanguage = 10;

    /// <summary>The key under which examples too short to tell their language are counted.</summary>
    public const string AnyLanguage = "*";

    private readonly Languages.ILanguageDetector _languages = languages ?? new Languages.LanguageDetector();
    private readonly ConcurrentDictionary<string, IntentModelState> _models = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _training = new(1, 1);

    public IntentTrainingOptions Options { get; init; } = IntentTrainingOptions.Default;

    public IntentModelState? Current(string tenant) => _models.GetValueOrDefault(tenant);

    /// <summary>The ticket's learned intent; null when the tenant has no model (no intent list, or too few examples).</summary>
    /// <param name="query">The thread's search text (<see cref="Knowledge.ThreadQuery"/>), whose embedding the knowledge search shares.</param>
    /// <param name="language">The ticket's language as the assist detected it: the sentence model reads only its own.</param>
    public async Task<IntentGuess?> ClassifyAsync(Tenant tenant, HelpdeskThread thread, string query, string language, CancellationToken cancellationToken)
    {
        if (Current(tenant.Id) is not { Classifier: { } classifier } state)
        {
            return null;
        }
        // A ticket in a language the model has not learned, one it has learned English in: its helpdesk words in English
        // ("Cobro duplicado" is "charge charged twice double"), as the knowledge search reads them.
        var english = !state.Reads(language) && state.Reads("en") ? Knowledge.CrossLanguage.EnglishQuery.From(query, language) : null;
        var (text, read) = english is null ? (IntentText.Of(thread), language) : (english, "en");
        // A model trained with embeddings reads one, from the model it was trained with only.
        var embedding = state.EmbeddingModel is { } model && vectors?.For(tenant) is { } embedder && embedder.Model == model
            ? await vectors.QueryAsync(embedder, english ?? query, read, cancellationToken)
            : null;
        var scores = state.Reads(read) ? classifier.Predict(text, embedding, gist: english is not null) : classifier.BaseRates();
        return IntentGuess.From(scores, tenant.Options.IntentConfidenceFloor);
    }

    public async Task SolvedTicketsReadAsync(Tenant tenant, IReadOnlyList<SolvedTicket> tickets, CancellationToken cancellationToken)
    {
        var intents = tenant.Options.Intents;
        var examples = tickets
            .Select(t => (Ticket: t, Intent: IntentText.FromTags(t.Tags, intents)))
            .Where(p => p.Intent is not null)
            .Select(p => new TicketExample(p.Ticket.Id, p.Intent!, IntentText.Of(p.Ticket)))
            .Where(e => e.Text.Length > 0)
            .ToList();
        await store.ReplaceAsync(tenant.Id, examples, cancellationToken);
        await RefreshAsync(tenant, cancellationToken);
    }

    /// <summary>Retrains when the tenant's examples changed since the model in memory was trained; otherwise a cheap check.</summary>
    public async Task<IntentModelState> RefreshAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var embedder = vectors?.For(tenant);
        var fingerprint = ConfigFingerprint(tenant.Options) + "|" + await store.FingerprintAsync(tenant.Id, cancellationToken) + "|" + embedder?.Model;
        if (Current(tenant.Id) is { } current && current.Fingerprint == fingerprint)
        {
            return current;
        }
        await _training.WaitAsync(cancellationToken);
        try
        {
            if (Current(tenant.Id) is { } trained && trained.Fingerprint == fingerprint)
            {
                return trained;
            }
            var tickets = tenant.Options.Intents.Count == 0 ? [] : await store.GetAsync(tenant.Id, cancellationToken);
            var configured = tenant.Options.IntentExamples
                .Where(p => tenant.Options.Intents.Contains(p.Key, StringComparer.Ordinal))
                .SelectMany(p => p.Value.Select(text => new LabelledText(text, p.Key)));
            var known = tenant.Options.Intents.ToHashSet(StringComparer.Ordinal);
            var examples = configured.Concat(tickets.Where(t => known.Contains(t.Intent)).Select(t => new LabelledText(t.Text, t.Intent))).ToList();
            var started = time.GetTimestamp();
            var written = examples.Select(e => _languages.Detect(e.Text)).ToList();
            examples = IntentClassifier.WithGists(examples, written.Select(d => d.Code).ToList(), Options);
            if (embedder is not null && examples.Count > 0)
            {
                var embedded = await vectors!.ExamplesAsync(embedder, examples.Select(e => e.Text).ToList(), written.Select(d => d.Code).ToList(), cancellationToken);
                examples = await vectors.EmbedGistsAsync(embedder, examples.Select((e, i) => e with { Embedding = embedded[i] }).ToList(), cancellationToken);
            }
            var options = Options.MinMeaningSimilarity is null && embedder?.BuiltIn is { } spec ? Options with { MinMeaningSimilarity = spec.MeaningSimilarity } : Options;
            var classifier = await Task.Run(() => IntentClassifier.Train(examples, options, cancellationToken), cancellationToken);
            var state = new IntentModelState(classifier, fingerprint, time.GetUtcNow(),
                Count(tenant.Options.IntentExamples.Select(p => (p.Key, p.Value.Count))),
                Count(tickets.GroupBy(t => t.Intent).Select(g => (g.Key, g.Count()))))
            {
                EmbeddingModel = classifier?.ReadsEmbeddings == true ? embedder?.Model : null,
                ExamplesByLanguage = written.GroupBy(d => d.Confidence < MinLanguageConfidence ? AnyLanguage : d.Code)
                    .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            };
            _models[tenant.Id] = state;
            IntentLog.Trained(logger, tenant.Id, classifier?.Intents.Count ?? 0, examples.Count, state.EmbeddingModel ?? "none",
                classifier?.HeldOutAccuracy is { } accuracy ? Math.Round(accuracy, 3) : null, (long)time.GetElapsedTime(started).TotalMilliseconds);
            return state;
        }
        finally
        {
            _training.Release();
        }
    }

    /// <summary>How sure the detected language of an example must be to count for that language alone.</summary>
    private const double MinLanguageConfidence = 0.5;

    private static Dictionary<string, int> Count(IEnumerable<(string Intent, int Count)> counts) =>
        counts.Where(c => c.Count > 0).ToDictionary(c => c.Intent, c => c.Count, StringComparer.Ordinal);

    /// <summary>The configuration the model depends on: the intent list and the configured examples.</summary>
    private static string ConfigFingerprint(TenantOptions o) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
        string.Join('\u001f', o.Intents) + '\u001e'
        + string.Join('\u001e', o.IntentExamples.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + '\u001f' + string.Join('\u001f', p.Value))))));
}

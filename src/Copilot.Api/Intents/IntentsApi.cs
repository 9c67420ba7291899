using Copilot.Api.Knowledge;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Intents;

/// <summary>One of the tenant's intents and how many examples taught it.</summary>
public sealed record LearnedIntentDto(string Name, int ConfiguredExamples, int TicketExamples);

/// <summary>What the tenant's intent model learned. <c>trained</c> false: fewer than two intents have examples, and triage falls back.</summary>
/// <param name="ExamplesByLanguage">
/// Examples per language they are written in ("*": too short to tell, counted for every language); a ticket in a language
/// other than most examples' with fewer than <see cref="IntentModels.MinExamplesInLanguage"/> is "other" rather than a guess.
/// </param>
/// <param name="TranslatedTemperature">
/// The temperature of a ticket read by its helpdesk words in English (a language the examples lack), fitted on
/// <c>translatedHeldOutExamples</c> held-out English examples cut to those words; 0 of them: twice <c>temperature</c>.
/// </param>
public sealed record IntentModelDto(
    string Tenant,
    bool Trained,
    IReadOnlyList<LearnedIntentDto> Intents,
    int Examples,
    DateTimeOffset? TrainedAt,
    double? HeldOutAccuracy,
    int HeldOutExamples,
    double? Temperature,
    double? TranslatedTemperature,
    int TranslatedHeldOutExamples,
    double ConfidenceFloor,
    string? SentenceModel,
    IReadOnlyDictionary<string, int> ExamplesByLanguage);

public static class IntentsApi
{
    /// <summary>Per-tenant intent learning: the models in memory, their store, their training at start and on every full sync.</summary>
    public static WebApplicationBuilder AddIntents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IntentExampleStore>();
        builder.Services.AddSingleton<IntentVectors>();
        builder.Services.AddSingleton<IntentModels>();
        builder.Services.AddSingleton<ISolvedTicketsObserver>(sp => sp.GetRequiredService<IntentModels>());
        builder.Services.AddHostedService<IntentTraining>();
        return builder;
    }

    /// <param name="tenant"><c>/api/admin/tenants/{tenant}</c> (<see cref="Routes.RouteGroups.AdminTenant"/>).</param>
    public static RouteGroupBuilder MapIntentsApi(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/intents", GetIntentsAsync)
            .WithName("GetLearnedIntents")
            .WithSummary("The tenant's intents, how many examples taught each, when the model was trained and its held-out accuracy.");
        return tenant;
    }

    internal static async Task<Results<Ok<IntentModelDto>, ProblemHttpResult>> GetIntentsAsync(
        string tenant, TenantRegistry tenants, IntentModels models, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is not { } t)
        {
            return Admin.AdminApi.UnknownTenant(tenant);
        }
        var state = await models.RefreshAsync(t, cancellationToken);
        var classifier = state.Classifier;
        var intents = t.Options.Intents
            .Select(i => new LearnedIntentDto(i, state.ConfiguredExamples.GetValueOrDefault(i), state.TicketExamples.GetValueOrDefault(i)))
            .ToList();
        return TypedResults.Ok(new IntentModelDto(
            t.Id, classifier is not null, intents, classifier?.Examples ?? 0, state.TrainedAt,
            classifier?.HeldOutAccuracy is { } a ? Math.Round(a, 3) : null, classifier?.HeldOutCount ?? 0,
            classifier is null ? null : Math.Round(classifier.Temperature, 3),
            classifier is null ? null : Math.Round(classifier.GistTemperature, 3), classifier?.HeldOutGists ?? 0,
            t.Options.IntentConfidenceFloor, state.EmbeddingModel,
            state.ExamplesByLanguage));
    }
}

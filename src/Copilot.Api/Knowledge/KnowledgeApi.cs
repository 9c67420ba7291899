using Copilot.Api.Hosting;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.ModelTasks;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Knowledge;

/// <summary>Admin routes of the knowledge index: sync now, import documents, search diagnostics, status.</summary>
public static class KnowledgeApi
{
    /// <summary>
    /// Characters in <c>q</c>. Any 2,000 characters fit the URL limit (<see cref="Hosting.RequestLimits.MaxTargetBytes"/>)
    /// even when each is sent as nine percent-encoded bytes.
    /// </summary>
    public const int MaxQueryLength = 2_000;
    public const int MaxK = 50;

    /// <param name="group"><c>/api/admin/tenants/{tenant}</c> (<see cref="Routes.RouteGroups.AdminTenant"/>).</param>
    public static RouteGroupBuilder MapKnowledgeApi(this RouteGroupBuilder group)
    {
        group.MapPost("/sync", SyncAsync);
        group.MapPost("/import", ImportAsync).DescribesBody(
            "JSON Lines ({\"id\",\"title\",\"body\",\"url\"?,\"locale\"?} per line) or one Markdown file (?id=&title=).",
            OpenApiBodies.Text("The documents"), "application/x-ndjson", "text/markdown");
        group.MapGet("/knowledge/search", SearchAsync);
        group.MapGet("/knowledge/status", StatusAsync);
        return group;
    }

    public static async Task<Results<Ok<SyncResponse>, ProblemHttpResult>> SyncAsync(
        string tenant, bool? full, TenantRegistry tenants, KnowledgeSync sync, TenantModels models, PassageEmbedding embedding,
        PassageVectors vectors, IOptions<KnowledgeOptions> options, ILogger<KnowledgeIndex> logger, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is not { } t)
        {
            return UnknownTenant(tenant);
        }
        var result = await sync.RunAsync(t, full ?? false, cancellationToken);
        if (options.Value.EmbedPassagesOnChange)
        {
            await EmbedNowAsync(t, result.Indexed, models, embedding, logger, cancellationToken);
        }
        return TypedResults.Ok(SyncResponse.From(t.Id, result, await VectorsAsync(t, models, vectors, cancellationToken)));
    }

    /// <summary>What was just written, searched by meaning when the call returns rather than at the embedding service's next pass.</summary>
    private static async Task EmbedNowAsync(Tenant tenant, int indexed, TenantModels models, PassageEmbedding embedding, ILogger logger, CancellationToken cancellationToken)
    {
        if (indexed == 0 || models.Embedder(tenant) is null)
        {
            return;
        }
        try
        {
            await embedding.EmbedNowAsync(tenant, cancellationToken);
        }
        catch (ModelException e)
        {
            KnowledgeLog.EmbeddingNowFailed(logger, tenant.Id, e.Failure);
        }
    }

    public static async Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string tenant, string? id, string? title, string? url, string? locale,
        HttpRequest request, TenantRegistry tenants, KnowledgeIndex index, TimeProvider time, TenantModels models, PassageEmbedding embedding,
        PassageVectors vectors, ILogger<KnowledgeIndex> logger, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is not { } t)
        {
            return UnknownTenant(tenant);
        }
        var mediaType = (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var markdown = mediaType is "text/markdown" or "text/x-markdown";
        var jsonLines = JsonLines.IsMediaType(mediaType);
        if (!markdown && !jsonLines)
        {
            return TypedResults.Problem(
                title: "Unsupported content type",
                detail: "Send JSON Lines as application/x-ndjson, or one Markdown file as text/markdown.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        using var reader = new StreamReader(request.Body);
        var content = await reader.ReadToEndAsync(cancellationToken);
        var parsed = markdown
            ? KnowledgeImport.ParseMarkdown(content, id, title, url, locale, time.GetUtcNow())
            : KnowledgeImport.ParseJsonLines(content, time.GetUtcNow());
        if (!parsed.IsValid)
        {
            return TypedResults.ValidationProblem(parsed.Errors, title: "The import has invalid documents; nothing was imported",
                detail: $"{parsed.Errors.Count} problem(s); fix them and send the whole file again.");
        }
        var upsert = await index.UpsertAsync(t.Id, parsed.Documents, cancellationToken);
        KnowledgeLog.Imported(logger, t.Id, parsed.Documents.Count);
        await EmbedNowAsync(t, upsert.Indexed, models, embedding, logger, cancellationToken);
        return TypedResults.Ok(new ImportResponse(t.Id, parsed.Documents.Count, upsert.Indexed, upsert.Unchanged,
            await VectorsAsync(t, models, vectors, cancellationToken)));
    }

    /// <summary>
    /// Counted now, not read from <see cref="EmbeddingProgress"/>: a count kept there from just after a sync would stand for
    /// the searches of the next seconds (<see cref="EmbeddingProgress.MaxAge"/>) though the passages were embedded meanwhile.
    /// </summary>
    internal static async Task<VectorsResponse?> VectorsAsync(Tenant tenant, TenantModels models, PassageVectors vectors, CancellationToken cancellationToken)
    {
        if (models.Embedder(tenant) is not { } embedder)
        {
            return null;
        }
        var (passages, embedded) = await vectors.ProgressAsync(tenant, cancellationToken);
        return new VectorsResponse(embedder.Model, passages, embedded);
    }

    public static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        string tenant, string? q, int? k, string? kind, string? locale,
        TenantRegistry tenants, KnowledgeIndex index, IKnowledgeSearch search, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is not { } t)
        {
            return UnknownTenant(tenant);
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(q) || q.Length > MaxQueryLength)
        {
            errors["q"] = [$"Give a query of 1 to {MaxQueryLength} characters."];
        }
        if (k is < 1 or > MaxK)
        {
            errors["k"] = [$"k must be between 1 and {MaxK}."];
        }
        SourceKind[]? kinds = null;
        if (kind is not null)
        {
            kinds = SourceKinds.TryParse(kind, out var parsed) ? [parsed] : null;
            if (kinds is null)
            {
                errors["kind"] = [KindError];
            }
        }
        if (locale is not null && !KnowledgeImport.Locale().IsMatch(locale))
        {
            errors["locale"] = ["locale must look like 'en' or 'en-US'."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid search");
        }
        // The search the assist runs (keywords fused with the tenant's model where it has one), and the terms keywords read.
        var query = new KnowledgeQuery(q!, k ?? 5, kinds, locale);
        var hits = await search.SearchAsync(t.Id, query, cancellationToken);
        var terms = (await index.RankAsync(t.Id, query with { Limit = 1 }, cancellationToken)).Terms;
        return TypedResults.Ok(new SearchResponse(q!, terms, hits.Select(SearchHitResponse.From).ToList()));
    }

    public static async Task<Results<Ok<StatusResponse>, ProblemHttpResult>> StatusAsync(
        string tenant, TenantRegistry tenants, KnowledgeIndex index, SyncStateStore state, TenantModels models, PassageVectors vectors,
        CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is not { } t)
        {
            return UnknownTenant(tenant);
        }
        var (sources, passages) = await index.CountAsync(t.Id, cancellationToken);
        var s = await state.GetAsync(t.Id, cancellationToken);
        return TypedResults.Ok(new StatusResponse(
            t.Id, sources.ToDictionary(kv => kv.Key.ToName(), kv => kv.Value), passages,
            s?.LastSync, s?.LastFullSync, s?.LastIncrementalStart, s?.LastError, s?.LastErrorAt, await VectorsAsync(t, models, vectors, cancellationToken)));
    }

    /// <summary>The problem of a <c>kind</c> parameter that names no kind of source.</summary>
    internal const string KindError = "kind must be article, macro, past-reply or document.";

    internal static ProblemHttpResult UnknownTenant(string tenant) =>
        TypedResults.Problem(title: "Unknown tenant", detail: $"No tenant '{tenant}' is configured.", statusCode: StatusCodes.Status404NotFound);
}

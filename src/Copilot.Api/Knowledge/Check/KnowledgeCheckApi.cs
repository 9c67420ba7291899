using Copilot.Api.Hosting;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.ModelTasks;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Knowledge.Check;

/// <summary><c>POST /api/admin/tenants/{tenant}/knowledge/check</c>: the tenant's customers' questions, and where their answers come.</summary>
public static class KnowledgeCheckApi
{
    public static RouteGroupBuilder MapKnowledgeCheck(this RouteGroupBuilder group)
    {
        group.MapPost("/knowledge/check", CheckAsync).DescribesBody(
            "JSON Lines: {\"question\", \"expected\": source id or [ids], \"locale\"?} per line, at most 1,000.",
            OpenApiBodies.Text("The questions"), "application/x-ndjson");
        return group;
    }

    public static async Task<Results<Ok<CheckResponse>, ValidationProblem, ProblemHttpResult>> CheckAsync(
        string tenant, string? kind, HttpRequest request, TenantRegistry tenants, KnowledgeCheck check, TenantModels models,
        PassageVectors vectors, ILogger<KnowledgeCheck> logger, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is not { } t)
        {
            return KnowledgeApi.UnknownTenant(tenant);
        }
        if (!JsonLines.IsMediaType(request.ContentType))
        {
            return TypedResults.Problem(title: "Unsupported content type",
                detail: "Send the questions as JSON Lines (application/x-ndjson), one {\"question\", \"expected\"} object per line.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        var panelKind = SourceKind.Article;
        if (kind is not null && !SourceKinds.TryParse(kind, out panelKind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [KnowledgeApi.KindError] },
                title: "Invalid check");
        }
        using var reader = new StreamReader(request.Body);
        var parsed = KnowledgeCheckFile.Parse(await reader.ReadToEndAsync(cancellationToken));
        if (!parsed.IsValid)
        {
            return TypedResults.ValidationProblem(parsed.Errors, title: "The check has invalid questions; none was asked",
                detail: $"{parsed.Errors.Count} problem(s); fix them and send the whole file again.");
        }
        var panel = KnowledgeCheck.PanelOf(panelKind);
        var unknown = await check.UnknownAsync(t.Id, parsed.Questions, panel, cancellationToken);
        if (unknown.Count > 0)
        {
            var what = panelKind is SourceKind.Article or SourceKind.Document ? "article or document" : panelKind.ToName();
            return TypedResults.ValidationProblem(
                unknown.ToDictionary(u => $"line {u.Key}", u => new[] { $"'expected' names no {what} in the index: {string.Join(", ", u.Value)}." }),
                title: "The check expects sources the index does not hold; none was asked",
                detail: "Sync or import them first, or correct the ids (GET …/knowledge/search shows the ids the index holds).");
        }
        var outcome = await check.RunAsync(t.Id, parsed.Questions, panel, cancellationToken);
        var read = await KnowledgeApi.VectorsAsync(t, models, vectors, cancellationToken);
        var byMeaning = read is { } v && HybridKnowledgeSearch.ReadsByMeaning(v.Passages, v.Embedded);
        KnowledgeLog.Checked(logger, t.Id, outcome.Results.Count, outcome.Results.Count(r => r.Rank == 1), byMeaning);
        return TypedResults.Ok(CheckResponse.From(t.Id, panel[0], byMeaning, read, outcome));
    }
}

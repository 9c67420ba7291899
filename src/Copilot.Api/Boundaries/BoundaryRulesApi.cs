using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Boundaries;

/// <summary>Admin routes to read, replace, reset and try a tenant's boundary rules.</summary>
public static class BoundaryRulesApi
{
    public const int MaxTestTextLength = 20_000;

    /// <param name="tenant"><c>/api/admin/tenants/{tenant}</c> (<see cref="Routes.RouteGroups.AdminTenant"/>).</param>
    public static RouteGroupBuilder MapBoundaryRulesApi(this RouteGroupBuilder tenant)
    {
        var group = tenant.MapGroup("/boundary-rules");
        group.MapGet("/", GetRules).WithName("GetBoundaryRules");
        group.MapPut("/", PutRules).WithName("PutBoundaryRules");
        group.MapDelete("/", ResetRules).WithName("ResetBoundaryRules");
        group.MapPost("/test", TestRules).WithName("TestBoundaryRules");
        return tenant;
    }

    public static async Task<Results<Ok<BoundaryRulesResponse>, ProblemHttpResult>> GetRules(
        string tenant, TenantRegistry tenants, BoundaryRuleService rules, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is null)
        {
            return UnknownTenant(tenant);
        }
        return TypedResults.Ok(BoundaryRulesResponse.From(tenant, await rules.GetAsync(tenant, cancellationToken)));
    }

    public static async Task<Results<Ok<BoundaryRulesResponse>, ValidationProblem, ProblemHttpResult>> PutRules(
        string tenant, PutBoundaryRulesRequest? body, TenantRegistry tenants, BoundaryRuleService rules, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is null)
        {
            return UnknownTenant(tenant);
        }
        var errors = BoundaryRuleValidator.Validate(body?.Rules);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The boundary rules were not saved", detail: "Fix the fields listed in 'errors'; the stored rules are unchanged.");
        }
        var saved = await rules.ReplaceAsync(tenant, body!.Rules!.Select(r => r!).ToList(), cancellationToken);
        return TypedResults.Ok(BoundaryRulesResponse.From(tenant, saved));
    }

    public static async Task<Results<Ok<BoundaryRulesResponse>, ProblemHttpResult>> ResetRules(
        string tenant, TenantRegistry tenants, BoundaryRuleService rules, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is null)
        {
            return UnknownTenant(tenant);
        }
        return TypedResults.Ok(BoundaryRulesResponse.From(tenant, await rules.ResetAsync(tenant, cancellationToken)));
    }

    /// <summary>Evaluates the tenant's rules (or the unsaved <c>rules</c> in the body) on a text written by a customer.</summary>
    public static async Task<Results<Ok<BoundaryTestResponse>, ValidationProblem, ProblemHttpResult>> TestRules(
        string tenant, BoundaryTestRequest? body, TenantRegistry tenants, BoundaryRuleService rules, TimeProvider time, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is null)
        {
            return UnknownTenant(tenant);
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body?.Text) || body.Text.Length > MaxTestTextLength)
        {
            errors["text"] = [$"Required, at most {MaxTestTextLength} characters."];
        }
        if (body?.Rules is not null)
        {
            foreach (var (key, messages) in BoundaryRuleValidator.Validate(body.Rules))
            {
                errors[key] = messages;
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The test request is not valid");
        }

        var thread = SampleThread(body!.Text!, time.GetUtcNow());
        var warnings = body.Rules is null
            ? await rules.EvaluateAsync(tenant, thread, cancellationToken)
            : BoundaryRuleService.EvaluateUnsaved(body.Rules.Select(r => r!).ToList(), thread);
        return TypedResults.Ok(new BoundaryTestResponse(
            warnings.Any(w => w.Action == BoundaryAction.Handoff),
            warnings.Select(w => BoundaryWarningDto.From(w with { CommentId = null })).ToList()));
    }

    private static HelpdeskThread SampleThread(string text, DateTimeOffset now)
    {
        var customer = new HelpdeskUser(1, "Test customer", null, AuthorRole.Customer, null);
        var ticket = new HelpdeskTicket(0, "", "open", null, customer, null, [], now, now);
        return new HelpdeskThread(ticket, [new HelpdeskComment(1, customer, true, text, now)]);
    }

    private static ProblemHttpResult UnknownTenant(string tenant) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown tenant", detail: $"No tenant '{tenant}' is configured.");
}

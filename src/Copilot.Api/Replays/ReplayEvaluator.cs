using System.Diagnostics;
using Copilot.Api.Assist;
using Copilot.Api.Boundaries;
using Copilot.Api.Drafts;
using Copilot.Api.ModelTasks;
using Copilot.Api.Privacy;
using Copilot.Api.Replays.Measures;
using Copilot.Api.Replays.Sources;
using Copilot.Api.Tenants;
using Copilot.Api.Triage;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Replays;

/// <summary>
/// Replays one solved ticket: the thread as it stood before the agent's first reply goes through the assist, the draft
/// and triage with the tenant's current provider and knowledge — computed only: no suggestion is recorded and the
/// helpdesk is not called — and what they produced is compared with what the agent did.
/// </summary>
public sealed class ReplayEvaluator(AssistService assist, DraftService drafts, TriageService triage, ArticleUse articles, TenantModels models)
{
    public async Task<TicketResult> EvaluateAsync(Tenant tenant, ReplayTicket ticket, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (ThreadCut.Of(ticket.Thread, out var skip) is not { } cut)
        {
            return new TicketResult { TicketId = ticket.Id, Skipped = skip, Intent = ticket.Intent, Group = ticket.Group, SolvedAt = ticket.Thread.Ticket.UpdatedAt };
        }
        var context = await assist.ComputeAsync(tenant, cut.Before, cancellationToken);
        var draft = await drafts.ComposeAsync(tenant, context, cut.Reply.Author.Name, cancellationToken);
        var labels = await triage.LabelAsync(tenant, context, cancellationToken);
        var reply = cut.Reply.Text;
        var used = await articles.FindAsync(tenant.Id, reply, context.Articles, ticket.UsedArticles, cancellationToken);
        var people = ticket.Thread.Comments.Select(c => c.Author.Name).Append(ticket.Thread.Ticket.Requester.Name).Distinct().ToList();
        string Mask(string text) => CaseDetails.Scrub(text, people).Text;
        var belonged = (ticket.Escalated ?? PersonAsked.EscalatedByTags(ticket.Thread.Ticket.Tags)) || PersonAsked.InText(cut.CustomerText);
        var result = new TicketResult
        {
            TicketId = ticket.Id,
            Subject = Mask(ticket.Thread.Ticket.Subject),
            SolvedAt = ticket.Thread.Ticket.UpdatedAt,
            Group = ticket.Group,
            Intent = ticket.Intent,
            PredictedIntent = labels.Intent.Value,
            IntentRight = ticket.Intent is null ? null : string.Equals(ticket.Intent, labels.Intent.Value, StringComparison.OrdinalIgnoreCase),
            Surfaced = context.Articles.Count,
            ArticlesUsed = used.Used,
            HitRank = used.Rank,
            KeptWithHuman = context.Handoff,
            Rules = context.Warnings.Where(w => w.Action == BoundaryAction.Handoff).Select(w => w.Name).ToList(),
            BelongedWithPerson = belonged,
            Provider = draft.Provider.Name,
            Customer = Mask(cut.CustomerText),
            Reply = Mask(reply),
        };
        if (draft.Text is not { } text)
        {
            return result with { Band = Usefulness.Withheld, Ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
        }
        var m = DraftMeasures.Of(reply, text, await CosineAsync(text, reply, cancellationToken));
        return result with
        {
            RougeL = Math.Round(m.RougeL, 4),
            TokenF1 = Math.Round(m.TokenF1, 4),
            Cosine = m.Cosine is { } c ? Math.Round(c, 4) : null,
            Facts = m.Facts.Count,
            FactsFound = m.Found.Count,
            FactsMissing = m.Facts.Except(m.Found).Select(f => $"{f.Kind.ToString().ToLowerInvariant()}: {Mask(f.Text)}").ToList(),
            NewPromises = m.Promises.Select(p => $"{p.Kind.ToString().ToLowerInvariant()}: {Mask(p.Phrase)}").ToList(),
            Band = m.Band,
            Score = m.Score,
            Draft = Mask(text),
            Ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        };
    }

    /// <summary>The cosine of the draft and the reply with the measuring model (<see cref="TenantModels.Measuring"/>); null when it is off.</summary>
    private async Task<double?> CosineAsync(string draft, string reply, CancellationToken cancellationToken)
    {
        if (models.Measuring is not { } generator)
        {
            return null;
        }
        var vectors = await generator.GenerateAsync([draft, reply], cancellationToken: cancellationToken);
        return Measures.Cosine.Of(vectors[0].Vector.Span, vectors[1].Vector.Span);
    }
}

using System.Net;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Knowledge;

public sealed class RankProbeTests(AcmeFixture fixture, ITestOutputHelper output) : IClassFixture<AcmeFixture>
{
    static string q0(FakeTicket t) => t.Subject + " || " + System.Text.RegularExpressions.Regex.Replace(t.Comments[0].HtmlBody, "<[^>]+>", " ");
    [Theory]
    [InlineData(128)]
    [InlineData(127)]
    [InlineData(137)]
    [InlineData(139)]
    public async Task Probe(long source)
    {
        var t = fixture.Zendesk.Data.FindTicket(source)!;
        var id = 9500 + source;
        var first = t.Comments[0];
        fixture.Zendesk.Data.AddTicket(new FakeTicket { Id = id, Subject = t.Subject, Status = "open", RequesterId = t.RequesterId, CreatedAt = t.CreatedAt, UpdatedAt = t.CreatedAt,
            Comments = [new FakeComment { Id = id * 100 + 1, AuthorId = first.AuthorId, CreatedAt = first.CreatedAt, HtmlBody = first.HtmlBody }] });
        var assist = await fixture.GetJsonAsync<JsonElement>($"/api/tickets/{id}/assist");
        await Task.Delay(source == 128 ? 30000 : 0);
        output.WriteLine(q0(t));
        var search = fixture.Host.Services.GetRequiredService<Copilot.Api.Knowledge.IKnowledgeSearch>();
        var q = (t.Subject + "\n" + System.Text.RegularExpressions.Regex.Replace(first.HtmlBody, "<[^>]+>", " "));
        foreach (var h in await search.SearchAsync(CopilotTestHost.TenantId, new Copilot.Api.Knowledge.KnowledgeQuery(q, 10, [Copilot.Api.Knowledge.SourceKind.Article], "en"), default))
            output.WriteLine($"{h.SourceId} {h.Title} score={h.Score:0.0} kw={h.KeywordScore:0.00} rel={h.KeywordRelevance:0.00} sim={h.Similarity:0.000} | {h.Passage[..Math.Min(80, h.Passage.Length)]}");
        foreach (var kind in new[] { "articles", "macros", "similarTickets" })
        {
            if (!assist.TryGetProperty(kind, out var list)) continue;
            foreach (var a in list.EnumerateArray()) output.WriteLine($"{kind}: {a}");
        }
    }
}

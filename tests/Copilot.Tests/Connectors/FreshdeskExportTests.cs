using Copilot.Fakes.Freshdesk;

namespace Copilot.Tests.Connectors;

/// <summary>Freshdesk's ticket list answers no page past the 300th: an export goes on from the last change it read.</summary>
public sealed class FreshdeskExportTests
{
    [Fact]
    public async Task AnExportPastTheListsLastPageGoesOnFromTheLastChangeReadAndMissesNoTicket()
    {
        var at = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        // 2 pages answered of 100 tickets each (the fake's cap lowered to 2 pages, and the client's); 450 tickets, two
        // changed in each second, every fifth one still open.
        var data = new FakeFreshdeskData { MaxTicketListPage = 2 };
        data.Tickets.AddRange(Enumerable.Range(0, 450).Select(i => new FakeFdTicket
        {
            Id = 1 + i, Subject = $"Ticket {i}", Status = i % 5 == 0 ? 2 : 4, RequesterId = 7,
            CreatedAt = at, UpdatedAt = at.AddSeconds(i / 2),
        }));
        await using var fd = await FreshdeskHarness.StartAsync(data, o => o.MaxTicketListPage = 2);

        var seen = new List<long>();
        string? next = null;
        var calls = 0;
        do
        {
            var page = await fd.Client.ExportSolvedAsync(at, next, CancellationToken.None);
            seen.AddRange(page.Tickets.Select(t => t.Id));
            next = page.Next;
        }
        while (next is not null && ++calls < 20);

        Assert.Null(next);
        Assert.Equal(Enumerable.Range(0, 450).Where(i => i % 5 != 0).Select(i => 1L + i), seen.Distinct().Order());
        Assert.DoesNotContain(fd.Fake.Requests, r => r.Query.Contains("page=3", StringComparison.Ordinal));
    }
}

using System.Text;
using Copilot.Api.Webhooks;

namespace Copilot.Tests.Webhooks;

/// <summary>Freshdesk's statuses (2 open, 3 pending, 4 resolved, 5 closed, 6+ the account's own) as outcomes, and the times its placeholders print.</summary>
public sealed class FreshdeskEventParserTests
{
    [Theory]
    [InlineData("{status:{from:2,to:4}}", TicketEventKind.Solved)]
    [InlineData("{status:{from:3,to:5}}", TicketEventKind.Solved)]
    [InlineData("{status:{from:6,to:4}}", TicketEventKind.Solved)]
    [InlineData("{status:{from:4,to:5}}", TicketEventKind.Ignored)]
    [InlineData("{status:{from:4,to:2}}", TicketEventKind.Reopened)]
    [InlineData("{status:{from:5,to:3}}", TicketEventKind.Reopened)]
    [InlineData("{status:{from:5,to:7}}", TicketEventKind.Reopened)]
    [InlineData("{status:{from:2,to:3}}", TicketEventKind.Ignored)]
    [InlineData("{status:{from:2,to:6}}", TicketEventKind.Ignored)]
    [InlineData("{ status: { from: Open, to: Resolved } }", TicketEventKind.Solved)]
    [InlineData("{status:{from:Closed,to:Waiting on Customer}}", TicketEventKind.Reopened)]
    public void AStatusChangeIsTheOutcomeItsStatusesMean(string triggered, TicketEventKind expected)
    {
        var e = Parse($$"""{"event":"status-changed","ticket_id":"7","triggered_event":"{{triggered}}","time":"2026-11-10T12:00:00Z"}""");

        Assert.Equal(expected, e.Kind);
    }

    [Theory]
    [InlineData("2026-11-10 12:00:00 UTC", "2026-11-10T12:00:00Z")]
    [InlineData("2026-11-10 17:30:00 +0530", "2026-11-10T12:00:00Z")]
    [InlineData("2026-11-10 07:00:00 -0500", "2026-11-10T12:00:00Z")]
    [InlineData("2026-11-10T13:00:00+01:00", "2026-11-10T12:00:00Z")]
    [InlineData("Tue, 10 Nov 2026 12:00:00 GMT", "2026-11-10T12:00:00Z")]
    public void TheTimeIsReadAsFreshdeskPrintsIt(string time, string expected)
    {
        var e = Parse($$"""{"event":"comment-added","ticket_id":7,"time":"{{time}}"}""");

        Assert.Equal(expected, e.Time);
    }

    [Fact]
    public void TheDeliveryIsNamedByWhatItSaysSoARetryIsTheSameEventAndAnotherChangeIsNot()
    {
        const string body = """{"event":"status-changed","ticket_id":"7","triggered_event":"{status:{from:2,to:4}}","time":"2026-11-10 12:00:00 UTC"}""";

        var first = Parse(body);
        var retry = Parse(body);
        var later = Parse(body.Replace("12:00:00", "12:00:01", StringComparison.Ordinal));
        var other = Parse(body.Replace("to:4", "to:5", StringComparison.Ordinal));

        Assert.Equal(first.Id, retry.Id);
        Assert.NotEqual(first.Id, later.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal("freshdesk:status-changed", first.Type);
    }

    [Fact]
    public void ARatingIsKeptOnlyForASatisfactionEvent()
    {
        var rated = Parse("""{"event":"satisfaction-rated","ticket_id":"7","rating":"Good","time":"2026-11-10T12:00:00Z"}""");
        var comment = Parse("""{"event":"comment-added","ticket_id":"7","rating":"bad","time":"2026-11-10T12:00:00Z"}""");

        Assert.Equal((TicketEventKind.SatisfactionRated, "good"), (rated.Kind, rated.Satisfaction));
        Assert.Null(comment.Satisfaction);
    }

    private static TicketEvent Parse(string body)
    {
        var errors = new Dictionary<string, string[]>();
        var e = FreshdeskEventParser.Parse(Encoding.UTF8.GetBytes(body), errors);
        Assert.True(e is not null, string.Join("; ", errors.Select(kv => $"{kv.Key}: {string.Join(" ", kv.Value)}")));
        return e!;
    }
}

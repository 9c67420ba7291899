using System.Net;
using System.Text.Json;
using Copilot.Api.Ask;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Ask;

/// <summary>
/// Asking with no model (tenant "acme" on the Lumora Home account, knowledge synced): the answer quotes the sentences of
/// the tenant's knowledge that answer the question, cites their sources, says it is offline, and is recorded once as a
/// suggestion of kind answer; a question nothing covers gets "I don't know" and cites nothing.
/// </summary>
public sealed class AskOfflineTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    [Fact]
    public async Task AnAnswerInTheKnowledgeIsQuotedFromTheArticleThatHoldsItAndCitesIt()
    {
        var before = await SuggestionsAsync("answer");

        var (status, answer) = await AskClient.AskAsync(fixture.Client, 101, "How long do customers have to return hardware they bought in the web shop?");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("answered", answer.GetProperty("status").GetString());
        Assert.Contains("4400027", AskClient.CitedIds(answer));
        var text = answer.GetProperty("text").GetString()!;
        Assert.Contains("30 days of delivery", text);
        Assert.Contains("Return hardware within 30 days (https://lumora.zendesk.com/hc/en-us/articles/4400027)", text);
        Assert.DoesNotContain("[1]", text);
        var quotes = answer.GetProperty("quotes").EnumerateArray().ToList();
        Assert.InRange(quotes.Count, 1, 3);
        Assert.All(quotes, q => Assert.Contains(q.GetProperty("text").GetString()!, text));
        Assert.True(answer.GetProperty("provider").GetProperty("offline").GetBoolean());
        Assert.Equal(AskService.OfflineLabel, answer.GetProperty("label").GetString());
        var id = answer.GetProperty("suggestionId").GetString()!;
        Assert.Equal(before + 1, await SuggestionsAsync("answer"));
        Assert.Equal(text, await fixture.Host.ScalarTextAsync($"SELECT text FROM suggestions WHERE id = '{id}' AND kind = 'answer' AND ticket_id = 101"));
    }

    [Fact]
    public async Task AQuestionNothingCoversGetsIDontKnowWithNoCitationsAndIsNoSuggestion()
    {
        var before = await SuggestionsAsync("answer");

        var (status, answer) = await AskClient.AskAsync(fixture.Client, 101, "What is the airspeed velocity of an unladen swallow?");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("unknown", answer.GetProperty("status").GetString());
        Assert.Equal("I don't know — nothing in your knowledge covers this.", answer.GetProperty("text").GetString());
        Assert.Empty(answer.GetProperty("citations").EnumerateArray());
        Assert.False(answer.TryGetProperty("suggestionId", out var id) && id.ValueKind != JsonValueKind.Null);
        Assert.Equal(before, await SuggestionsAsync("answer"));
    }

    [Fact]
    public async Task AFollowUpIsReadWithTheEarlierQuestion()
    {
        const string followUp = "and for the monthly one?";
        var (_, alone) = await AskClient.AskAsync(fixture.Client, 102, followUp);
        Assert.DoesNotContain("partial months", alone.GetProperty("text").GetString());

        var (_, first) = await AskClient.AskAsync(fixture.Client, 102, "What refund do we give when a customer cancels the yearly Lumora Plus plan?");
        Assert.Equal("answered", first.GetProperty("status").GetString());
        Assert.Contains("prorated refund", first.GetProperty("text").GetString());
        Assert.DoesNotContain("partial months", first.GetProperty("text").GetString());
        var conversation = first.GetProperty("conversationId").GetString();
        Assert.False(first.GetProperty("followUp").GetBoolean());

        var (status, second) = await AskClient.AskAsync(fixture.Client, 102, followUp, conversation);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(conversation, second.GetProperty("conversationId").GetString());
        Assert.Equal(2, second.GetProperty("turn").GetInt32());
        Assert.True(second.GetProperty("followUp").GetBoolean());
        Assert.Contains("monthly Lumora Plus payments", second.GetProperty("text").GetString());
        Assert.Contains("partial months", second.GetProperty("text").GetString());
        Assert.NotEmpty(AskClient.CitedIds(second));
    }

    [Fact]
    public async Task WordsOfTheQuestionNoQuotedSourceMentionsAreNamed()
    {
        var (_, answer) = await AskClient.AskAsync(fixture.Client, 105, "Do we refund refurbished items?");

        Assert.Equal("answered", answer.GetProperty("status").GetString());
        Assert.Equal(["refurbished"], answer.GetProperty("notCovered").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task AConversationIsTheAgentsOwnOnItsTicket()
    {
        var sam = CopilotTestHost.Session(fixture.Host.Services, "2001");
        var kim = CopilotTestHost.Session(fixture.Host.Services, "2002");
        var (_, first) = await AskClient.AskAsync(fixture.Client, 103, "What refund do we give when a customer cancels the yearly Lumora Plus plan?", token: sam);
        var conversation = first.GetProperty("conversationId").GetString();

        var (_, otherAgent) = await AskClient.AskAsync(fixture.Client, 103, "and for the monthly one?", conversation, token: kim);
        var (_, otherTicket) = await AskClient.AskAsync(fixture.Client, 104, "and for the monthly one?", conversation, token: sam);

        foreach (var answer in new[] { otherAgent, otherTicket })
        {
            Assert.NotEqual(conversation, answer.GetProperty("conversationId").GetString());
            Assert.False(answer.GetProperty("followUp").GetBoolean());
            Assert.Equal(1, answer.GetProperty("turn").GetInt32());
        }
    }

    [Fact]
    public async Task TheAnswerStreamsLikeADraft()
    {
        var (response, events) = await AskClient.StreamAsync(fixture.Client, 101, "How long do customers have to return hardware they bought in the web shop?");

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["sources", "delta", "done"], events.Select(e => e.Name));
        Assert.Contains("4400027", events[0].Data["sources"]!.AsArray().Select(s => s!["sourceId"]!.GetValue<string>()));
        Assert.Equal(events[2].Data["text"]!.GetValue<string>(), events[1].Data["text"]!.GetValue<string>());
        Assert.Equal("answered", events[2].Data["status"]!.GetValue<string>());
        response.Dispose();
    }

    [Theory]
    [InlineData("", "question")]
    [InlineData("   ", "question")]
    [InlineData(null, "question")]
    public async Task AnEmptyQuestionIs400AndRecordsNothing(string? question, string field)
    {
        var before = await SuggestionsAsync("answer");
        using var request = AskClient.Request(101, new { question });
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await SuggestionsAsync("answer"));
    }

    [Fact]
    public async Task AQuestionOver2000CharactersIs400AndAsksNoHelpdesk()
    {
        fixture.Zendesk.ClearRequests();
        var (status, problem) = await AskClient.AskAsync(fixture.Client, 101, new string('a', 2001));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 2000 characters", problem.GetProperty("errors").GetProperty("question")[0].GetString());
        Assert.Empty(fixture.Zendesk.Requests);
        var (ok, _) = await AskClient.AskAsync(fixture.Client, 101, "Is there a fee for returns? " + new string('x', 2000 - 28));
        Assert.Equal(HttpStatusCode.OK, ok);
    }

    [Fact]
    public async Task AConversationIdThatIsNotOneIs400()
    {
        var (status, problem) = await AskClient.AskAsync(fixture.Client, 101, "What is the refund policy?", "'; DROP TABLE suggestions; --");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("conversationId", out _));
    }

    [Fact]
    public async Task AnUnknownTicketIs404()
    {
        var (status, problem) = await AskClient.AskAsync(fixture.Client, 987654, "What is the refund policy?");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    private Task<long> SuggestionsAsync(string kind) => fixture.Host.ScalarAsync($"SELECT COUNT(*) FROM suggestions WHERE kind = '{kind}'");
}

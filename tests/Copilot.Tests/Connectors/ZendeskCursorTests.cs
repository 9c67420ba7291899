using System.Net;
using System.Net.Http.Headers;
using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Zendesk;
using Microsoft.AspNetCore.WebUtilities;
using static Copilot.Tests.Connectors.WireHelpdesk;
using static Copilot.Tests.Connectors.WireZendesk;

namespace Copilot.Tests.Connectors;

/// <summary>
/// Cursor paging (<c>page[after]</c>): the fake Zendesk refuses a cursor it did not issue as Zendesk does, the client sends
/// back the cursor of Zendesk's next link untouched, and a cursor Zendesk refuses is a helpdesk error in Zendesk's words.
/// </summary>
public sealed class ZendeskCursorTests
{
    /// <summary>Zendesk's 400 for an invalid cursor, as its OpenAPI description gives it (Errors schema, InvalidPaginationParameter).</summary>
    public const string Refused = """{"errors":[{"code":"InvalidPaginationParameter","title":"page[after] is not valid"}]}""";

    [Theory]
    [InlineData("api/v2/tickets/200/comments?page[size]=100&page[after]=not-a-cursor")]
    [InlineData("api/v2/tickets/200/comments?page[after]=eDEwMA%3D%3D")]
    [InlineData("api/v2/users?page[size]=2&page[after]=aS0x")]
    [InlineData("api/v2/help_center/en-us/articles?page[size]=2&page[after]=aTEwMA")]
    public async Task ACursorTheAccountDidNotIssueIsRefusedWithZendesksInvalidPaginationError(string path)
    {
        var data = ZendeskTestData.Build();
        await using var zendesk = await FakeZendesk.StartAsync(data);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(zendesk.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", data.OAuthToken);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Refused, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheCursorOfZendesksNextLinkIsSentBackExactlyAsItWasGiven()
    {
        // Zendesk's cursors are base64: '+', '/' and '=' must reach it as they left it, not as a space or an escape.
        const string cursor = "eyJvIjoiLWlkIn0+/w==";
        using var zd = Start();
        zd.Server.Given(Get(TicketPath)).RespondWith(Json(TicketJson));
        zd.Server.Given(Get(CommentsPath)).InScenario("pages").WillSetStateTo("first read").RespondWith(Json(FirstCommentsPage(cursor)));
        zd.Server.Given(Get(CommentsPath)).InScenario("pages").WhenStateIs("first read").RespondWith(Json(CommentsJson));

        var thread = await zd.Client.GetThreadAsync(Ticket, CancellationToken.None);

        Assert.Equal([1000L, 1001L], thread!.Comments.Select(c => c.Id));
        var second = zd.Server.LogEntries.Last(e => e.RequestMessage.Path == CommentsPath).RequestMessage.RawQuery;
        Assert.Equal(cursor, QueryHelpers.ParseQuery(second)["page[after]"].ToString());
    }

    [Fact]
    public async Task ACursorZendeskRefusesIsAHelpdeskErrorInZendesksWordsAndIsNotRetried()
    {
        using var zd = Start();
        zd.Server.Given(Get(TicketPath)).RespondWith(Json(TicketJson));
        zd.Server.Given(Get(CommentsPath)).InScenario("pages").WillSetStateTo("first read").RespondWith(Json(FirstCommentsPage("c3RhbGU=")));
        zd.Server.Given(Get(CommentsPath)).InScenario("pages").WhenStateIs("first read").RespondWith(Json(Refused, 400));

        var error = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(Ticket, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("InvalidPaginationParameter – page[after] is not valid", error.Message);
        Assert.False(error.NotSent);
        Assert.Null(error.RetryAfter);
        Assert.Equal(2, zd.Calls(CommentsPath));
    }

    /// <summary>A first page of one comment whose next link carries <paramref name="cursor"/>, escaped as a URL query escapes it.</summary>
    private static string FirstCommentsPage(string cursor) => $$$"""
        {"comments": [{"id": 1000, "author_id": 10, "html_body": "<p>Hello?</p>", "public": true, "created_at": "2026-03-01T08:00:00Z"}],
         "meta": {"has_more": true, "after_cursor": "{{{cursor}}}"},
         "links": {"next": "https://test.zendesk.com/api/v2/tickets/100/comments.json?include=users&page%5Bafter%5D={{{Uri.EscapeDataString(cursor)}}}&page%5Bsize%5D=100&sort=created_at"}}
        """;
}

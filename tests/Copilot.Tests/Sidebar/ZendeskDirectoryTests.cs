using System.Net;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Copilot.Tests.Sidebar;

public sealed class ZendeskDirectoryTests : IAsyncLifetime
{
    private WebApplication _server = null!;
    private HelpdeskConnection _connection = null!;
    private readonly List<string> _authorization = [];
    private readonly ServiceProvider _connectors = Copilot.Tests.Connectors.ZendeskHarness.Connectors(new Copilot.Tests.Connectors.LogCapture(), o => o.MaxRetries = 0);
    private IHelpdeskDirectory Directory => _connectors.GetRequiredService<IHelpdeskDirectory>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.Use(async (http, next) => { _authorization.Add(http.Request.Headers.Authorization.ToString()); await next(http); });
        _server.MapGet("/api/v2/search", (HttpContext http) => http.Request.Query["query"] == "type:ticket"
            ? Results.Json(new
            {
                results = new object[]
                {
                    new { id = 7, subject = "Older", status = "open", result_type = "ticket", updated_at = "2026-09-01T10:00:00Z" },
                    new { id = 9, subject = "Newer", status = "pending", result_type = "ticket", updated_at = "2026-09-02T10:00:00Z" },
                    new { id = 3, name = "Not a ticket", result_type = "user", updated_at = "2026-09-03T10:00:00Z" },
                },
            })
            : Results.BadRequest());
        _server.MapGet("/api/v2/users/{id}", (string id) => id == "429"
            ? Results.Text("{}", "application/json", statusCode: 429)
            : Results.Json(new { error = "RecordNotFound" }, statusCode: 404));
        await _server.StartAsync();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _connection = new HelpdeskConnection("zendesk", new Uri(address + "/"), "bot@acme.example", "secret-token");
    }

    public async Task DisposeAsync()
    {
        await _connectors.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task TicketsAreListedNewestFirstFromSearchAndOnlyTickets()
    {
        var tickets = await Directory.ListTicketsAsync(_connection, 10, CancellationToken.None);
        Assert.Equal([9L, 7L], tickets.Select(t => t.Id));
        Assert.Equal("pending", tickets[0].Status);
    }

    [Fact]
    public async Task CallsCarryZendeskApiTokenAuthentication()
    {
        await Directory.ListTicketsAsync(_connection, 10, CancellationToken.None);
        var expected = "Basic " + Convert.ToBase64String("bot@acme.example/token:secret-token"u8.ToArray());
        Assert.Equal(expected, Assert.Single(_authorization));
    }

    [Fact]
    public async Task AnUnknownUserIsNull()
    {
        Assert.Null(await Directory.GetUserAsync(_connection, 404, CancellationToken.None));
    }

    [Fact]
    public async Task ARateLimitBecomesAHelpdeskException()
    {
        var e = await Assert.ThrowsAsync<HelpdeskException>(() => Directory.GetUserAsync(_connection, 429, CancellationToken.None));
        Assert.True(e.IsRateLimited);
        Assert.Equal("zendesk", e.Helpdesk);
    }

    [Fact]
    public async Task AnUnreachableHelpdeskBecomesAHelpdeskException()
    {
        var gone = _connection with { BaseUrl = new Uri("http://127.0.0.1:1/") };
        var e = await Assert.ThrowsAsync<HelpdeskException>(() => Directory.ListAgentsAsync(gone, CancellationToken.None));
        Assert.Null(e.StatusCode);
    }
}

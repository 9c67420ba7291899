using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.DependencyInjection;
using Copilot.Fakes.Zendesk;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Tests.Connectors;

/// <summary>The fake Zendesk's users, app key and signed loads, read through the product's own Zendesk directory.</summary>
public sealed class FakeZendeskIdentityTests : IAsyncLifetime
{
    private FakeZendesk _zendesk = null!;
    private readonly HttpClient _http = new();
    private readonly ServiceProvider _connectors = ZendeskHarness.Connectors(new LogCapture());
    private IHelpdeskDirectory _directory = null!;
    private HelpdeskConnection _connection = null!;

    public async Task InitializeAsync()
    {
        var data = FakeZendeskData.LoadDemo();
        data.Users.Add(new FakeUser { Id = 2090, Name = "Lena Lead", Email = "lena@lumora-home.example", Role = "agent", CustomRoleId = 77 });
        data.Users.Add(new FakeUser { Id = 2091, Name = "Gone Agent", Email = "gone@lumora-home.example", Role = "agent", Active = false });
        _zendesk = await FakeZendesk.StartAsync(data);
        _directory = _connectors.GetRequiredService<IHelpdeskDirectory>();
        _connection = new HelpdeskConnection("zendesk", _zendesk.BaseUrl, data.Email, data.ApiToken);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connectors.DisposeAsync();
        await _zendesk.DisposeAsync();
    }

    [Fact]
    public async Task AUserIsServedWithRoleCustomRoleAndActiveState()
    {
        var lead = await _directory.GetUserAsync(_connection, 2090, CancellationToken.None);
        var gone = await _directory.GetUserAsync(_connection, 2091, CancellationToken.None);

        Assert.Equal(new DirectoryUser(2090, "Lena Lead", "lena@lumora-home.example", "agent", 77, null, true), lead);
        Assert.False(gone!.IsStaff);
        Assert.Null(await _directory.GetUserAsync(_connection, 987654, CancellationToken.None));
    }

    [Fact]
    public async Task GroupsForHandoffsAreListedAcrossPages()
    {
        _zendesk.Data.Groups.AddRange(Enumerable.Range(1, 120).Select(i => new FakeGroup { Id = 370000 + i, Name = $"Region {i}" }));

        var groups = await _directory.ListGroupsAsync(_connection, CancellationToken.None);

        Assert.Equal(123, groups.Count);
        Assert.Contains(new HelpdeskGroup(360001, "Billing team"), groups);
        Assert.Equal(2, _zendesk.Requests.Count(r => r.Path == "/api/v2/groups"));
    }

    [Fact]
    public async Task TheAgentListHoldsActiveAgentsAndAdminsOnly()
    {
        var agents = await _directory.ListAgentsAsync(_connection, CancellationToken.None);

        var expected = _zendesk.Data.Users.Where(u => u.Role is "agent" or "admin" && u.Active).Select(u => u.Id).Order();
        Assert.Equal(expected, agents.Select(a => a.Id).Order());
        Assert.DoesNotContain(agents, a => a.Id == 2091);
    }

    [Fact]
    public async Task TheCallerIsTheUserOfTheApiCredentials()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_zendesk.BaseUrl, "api/v2/users/me.json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _zendesk.Data.OAuthToken);
        using var response = await _http.SendAsync(request);
        var user = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("user");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_zendesk.Data.Email, user.GetProperty("email").GetString());
    }

    [Fact]
    public async Task TheAppKeyIsServedOnlyForThatAppAndOnlyWithCredentials()
    {
        var pem = await _directory.GetAppPublicKeyAsync(_connection, _zendesk.App.AppId, CancellationToken.None);
        using var anonymous = await _http.GetAsync(new Uri(_zendesk.BaseUrl, $"api/v2/apps/{_zendesk.App.AppId}/public_key.pem"));

        Assert.Equal(_zendesk.App.PublicKeyPem, pem);
        Assert.Null(await _directory.GetAppPublicKeyAsync(_connection, _zendesk.App.AppId + 1, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task ASignedLoadCarriesZendesksClaimsAndVerifiesWithTheServedKey()
    {
        var pem = await _directory.GetAppPublicKeyAsync(_connection, _zendesk.App.AppId, CancellationToken.None);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var origin = _zendesk.BaseUrl.GetLeftPart(UriPartial.Authority);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(_zendesk.SignLoad(2001), new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(rsa),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidIssuer = _zendesk.BaseUrl.Authority,
            ValidAudience = $"{origin}/api/v2/apps/installations/{_zendesk.App.InstallationId}.json",
            RequireExpirationTime = true,
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal($"{origin}/api/v2/users/2001.json", token.Subject);
        Assert.True(token.ValidTo > DateTime.UtcNow && token.ValidTo <= DateTime.UtcNow.AddMinutes(6));
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Copilot.Fakes.Zendesk;

/// <summary>A Zendesk user as the fake serves it (<c>role</c>: end-user, agent or admin).</summary>
public sealed record FakeAppUser(long Id, string Name, string Email, string Role, long? CustomRoleId = null, bool Active = true);

/// <summary>
/// The part of Zendesk behind a signed sidebar load: the app's public key
/// (<c>/api/v2/apps/{id}/public_key.pem</c>) and users (<c>/api/v2/users/{id}</c>,
/// <c>/api/v2/users</c>), in Zendesk's wire shapes, on 127.0.0.1. Calls without an
/// Authorization header get 401, as from Zendesk.
/// </summary>
public sealed class FakeZendeskApps : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _keyFetches;

    private FakeZendeskApps(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>How often the public key was fetched (callers should cache it).</summary>
    public int KeyFetches => Volatile.Read(ref _keyFetches);

    public static async Task<FakeZendeskApps> StartAsync(long appId, string publicKeyPem, IEnumerable<FakeAppUser> users, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeZendeskApps(app);
        var byId = users.ToDictionary(u => u.Id);
        app.Use(async (http, next) =>
        {
            if (!http.Request.Headers.ContainsKey("Authorization"))
            {
                http.Response.StatusCode = 401;
                await http.Response.WriteAsJsonAsync(new { error = "Couldn't authenticate you" }, cancellationToken);
                return;
            }
            await next(http);
        });
        app.MapGet("/api/v2/apps/{id:long}/public_key.pem", (long id) =>
        {
            Interlocked.Increment(ref fake._keyFetches);
            return id == appId ? Results.Text(publicKeyPem, "application/x-pem-file") : NotFound();
        });
        app.MapGet("/api/v2/users/{id}", (string id) =>
            long.TryParse(id.Replace(".json", "", StringComparison.Ordinal), out var n) && byId.TryGetValue(n, out var u)
                ? Results.Json(new { user = Shape(u) }) : NotFound());
        app.MapGet("/api/v2/users", (HttpContext http) =>
        {
            var roles = http.Request.Query["role[]"].Select(r => r ?? "").ToHashSet(StringComparer.Ordinal);
            var list = byId.Values.Where(u => roles.Count == 0 || roles.Contains(u.Role)).OrderBy(u => u.Id).Select(Shape);
            return Results.Json(new { users = list, meta = new { has_more = false }, links = new { next = (string?)null } });
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    private static IResult NotFound() =>
        Results.Json(new { error = "RecordNotFound", description = "Not found" }, statusCode: StatusCodes.Status404NotFound);

    private static Dictionary<string, object?> Shape(FakeAppUser u) => new()
    {
        ["id"] = u.Id,
        ["name"] = u.Name,
        ["email"] = u.Email,
        ["role"] = u.Role,
        ["custom_role_id"] = u.CustomRoleId,
        ["locale"] = "en-US",
        ["active"] = u.Active,
        ["created_at"] = "2026-01-05T09:00:00Z",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using Copilot.Fakes.Helpdesk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Copilot.Fakes.Shop;

/// <summary>One request the shop received: its path and the key it carried (null when none).</summary>
public sealed record FakeShopRequest(string Host, string Path, string? Key);

/// <summary>
/// A web shop's order API on 127.0.0.1, for configured lookups: <c>GET /api/orders/{order}</c> answers the order's
/// status when <c>X-Shop-Key</c> is <see cref="Key"/> (401 otherwise, 404 for an unknown order); <c>/slow/{order}</c>
/// answers after <see cref="SlowDelay"/>; <c>/moved/{order}</c> redirects to the same order on another host name
/// (<c>localhost</c>), so a client that follows redirects shows up in <see cref="Requests"/>.
/// </summary>
public sealed class FakeShop : IAsyncDisposable
{
    public const string Key = "shop-key-5f2c9a1e7b3d";
    public const string KeyHeader = "X-Shop-Key";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeShopRequest> _requests = new();

    private FakeShop(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public IReadOnlyList<FakeShopRequest> Requests => _requests.ToArray();
    public ConcurrentDictionary<string, string> Orders { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LUM-2026-48213"] = "Order LUM-2026-48213: shipped 2026-11-18 with DHL, tracking 00340434161234567890; 1 × Lumora Bridge.",
    };
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    public static async Task<FakeShop> StartAsync(CancellationToken cancellationToken = default)
    {
        var app = FakeHost.Create();
        var shop = new FakeShop(app);
        app.Use(async (http, next) =>
        {
            shop._requests.Enqueue(new FakeShopRequest(http.Request.Host.Host, http.Request.Path, http.Request.Headers[KeyHeader].FirstOrDefault()));
            await next(http);
        });
        app.MapGet("/api/orders/{order}", (HttpContext http, string order) => shop.Order(http, order));
        app.MapGet("/slow/{order}", async (HttpContext http, string order) =>
        {
            await Task.Delay(shop.SlowDelay, http.RequestAborted);
            return shop.Order(http, order);
        });
        app.MapGet("/moved/{order}", (HttpContext http, string order) =>
            Results.Redirect($"http://localhost:{http.Connection.LocalPort}/api/orders/{Uri.EscapeDataString(order)}"));
        shop.BaseUrl = await FakeHost.StartAsync(app, cancellationToken);
        return shop;
    }

    private IResult Order(HttpContext http, string order) =>
        http.Request.Headers[KeyHeader] != Key ? Results.Json(new { error = "unauthorized" }, statusCode: StatusCodes.Status401Unauthorized)
        : Orders.TryGetValue(order, out var status) ? Results.Json(new { order, status })
        : Results.Json(new { error = "no such order" }, statusCode: StatusCodes.Status404NotFound);

    public void ClearRequests() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

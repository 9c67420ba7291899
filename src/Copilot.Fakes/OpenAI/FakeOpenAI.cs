using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Copilot.Fakes.OpenAI;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (Kestrel, random port) for tests and demo mode:
/// chat completions (plain and SSE streaming, structured output) and embeddings, under any base
/// path: the OpenAI path <c>/v1/…</c>, Azure OpenAI's deployment paths <c>/openai/deployments/{name}/…</c>, or another. Chat answers come from
/// fixtures keyed by a hash of the request, else from <see cref="Responder"/>. Records every
/// request and plays injected faults.
/// </summary>
public sealed class FakeOpenAI : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeChatReply> _fixtures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeFault> _faults = new();
    private readonly ConcurrentQueue<FakeOpenAIRequest> _requests = new();

    private FakeOpenAI(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary><c>http://127.0.0.1:{port}/</c></summary>
    public Uri BaseUrl { get; }

    /// <summary>What to configure as an OpenAI or compatible endpoint.</summary>
    public Uri OpenAIEndpoint => new(BaseUrl, "v1/");

    /// <summary>What to configure as an Azure OpenAI resource endpoint.</summary>
    public Uri AzureEndpoint => new(BaseUrl, "openai/v1/");

    /// <summary>Answers chat requests no fixture matches. Unset: echoes the last user message.</summary>
    public Func<FakeChatRequest, FakeChatReply>? Responder { get; set; }

    /// <summary>Vector length when a request names none.</summary>
    public int EmbeddingDimensions { get; set; } = 256;

    /// <summary>When set, requests without this key (as Bearer or api-key) get 401.</summary>
    public string? RequiredApiKey { get; set; }

    public IReadOnlyList<FakeOpenAIRequest> Requests => [.. _requests];

    public static async Task<FakeOpenAI> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeOpenAI? fake = null;
        app.Use(async (http, next) =>
        {
            await fake!.RecordAsync(http);
            await next(http);
        });
        // Any base path works (/v1, /openai/deployments/{name} for Azure, /anything/v1 for a compatible server behind a proxy).
        app.MapPost("/{**path}", (HttpContext http, string path) =>
            path.EndsWith("chat/completions", StringComparison.Ordinal) ? fake!.ChatAsync(http)
            : path.EndsWith("embeddings", StringComparison.Ordinal) ? fake!.EmbeddingsAsync(http)
            : FakeOpenAIWire.WriteErrorAsync(http, 404, $"Unknown path /{path}.", "invalid_request_error"));
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeOpenAI(app, new Uri(bound.TrimEnd('/') + "/"));
        return fake;
    }

    /// <summary>Answer requests whose <see cref="FakeChatRequest.Key"/> is <paramref name="key"/> with <paramref name="reply"/>.</summary>
    public void AddFixture(string key, FakeChatReply reply) => _fixtures[key] = reply;

    /// <summary>
    /// Loads every <c>*.json</c> file in <paramref name="directory"/>: an array of
    /// <c>{"key": "…", "content": "…", "finishReason": "stop"}</c> (finishReason optional). Returns how many were loaded.
    /// </summary>
    public int AddFixtures(string directory)
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var fixtures = System.Text.Json.JsonSerializer.Deserialize<FixtureFile[]>(File.ReadAllText(file), FixtureJson)
                ?? throw new InvalidDataException($"{file} holds no fixtures.");
            foreach (var f in fixtures)
            {
                if (string.IsNullOrEmpty(f.Key) || f.Content is null)
                {
                    throw new InvalidDataException($"{file}: every fixture needs a key and a content.");
                }
                AddFixture(f.Key, new FakeChatReply(f.Content) { FinishReason = f.FinishReason ?? "stop" });
                count++;
            }
        }
        return count;
    }

    private static readonly System.Text.Json.JsonSerializerOptions FixtureJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private sealed record FixtureFile(string Key, string? Content, string? FinishReason);

    /// <summary>The next <paramref name="times"/> requests (chat or embeddings) fail with <paramref name="fault"/>.</summary>
    public void Inject(FakeFault fault, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>The vector this fake returns for <paramref name="text"/> at <paramref name="dimensions"/>.</summary>
    public static float[] EmbeddingFor(string text, int dimensions) => FakeOpenAIEmbeddings.Vector(text, dimensions);

    public void ClearRequests() => _requests.Clear();

    /// <summary>Drops faults queued by <see cref="Inject"/> that no request has met yet.</summary>
    public void ClearFaults() => _faults.Clear();

    internal FakeFault? NextFault() => _faults.TryDequeue(out var fault) ? fault : null;

    internal FakeChatReply Answer(FakeChatRequest request) =>
        _fixtures.TryGetValue(request.Key, out var fixture) ? fixture
        : Responder?.Invoke(request) ?? new FakeChatReply($"Echo: {request.LastUserMessage}");

    private Task ChatAsync(HttpContext http) => FakeOpenAIChat.HandleAsync(this, http, BodyOf(http));

    private Task EmbeddingsAsync(HttpContext http) => FakeOpenAIEmbeddings.HandleAsync(this, http, BodyOf(http));

    private static string BodyOf(HttpContext http) => (string)http.Items[nameof(FakeOpenAIRequest)]!;

    private async Task RecordAsync(HttpContext http)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        http.Items[nameof(FakeOpenAIRequest)] = body;
        var (auth, value) = ReadAuth(http.Request.Headers);
        var request = new FakeOpenAIRequest(http.Request.Method, http.Request.Path.Value ?? "/", [.. http.Request.Headers.Keys], auth, value, body)
        {
            ReceivedAt = receivedAt,
            Query = http.Request.QueryString.Value ?? "",
            Headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        };
        http.Response.OnStarting(() =>
        {
            request.RecordResponseHeaders(http.Response.Headers);
            return Task.CompletedTask;
        });
        _requests.Enqueue(request);
    }

    private static (FakeAuth Auth, string? Value) ReadAuth(IHeaderDictionary headers)
    {
        var auth = FakeAuth.None;
        string? value = null;
        if (headers.Authorization.ToString() is { } bearer && bearer.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            auth |= FakeAuth.Bearer;
            value = bearer["Bearer ".Length..];
        }
        if (headers.TryGetValue("api-key", out var apiKey))
        {
            auth |= FakeAuth.ApiKey;
            value = apiKey.ToString();
        }
        return (auth, value);
    }

    /// <summary>401 in OpenAI's shape, echoing part of the key as OpenAI does.</summary>
    internal async Task<bool> RejectUnauthorizedAsync(HttpContext http)
    {
        if (RequiredApiKey is null)
        {
            return false;
        }
        var sent = ReadAuth(http.Request.Headers).Value;
        if (sent == RequiredApiKey)
        {
            return false;
        }
        await FakeOpenAIWire.WriteErrorAsync(http, 401, $"Incorrect API key provided: {sent}. You can find your API key in your account settings.", "invalid_request_error", "invalid_api_key");
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

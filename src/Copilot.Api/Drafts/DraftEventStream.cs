using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Drafts;

/// <summary>
/// Writes a draft as server-sent events: <c>sources</c>, then <c>delta</c> {text} as the model writes,
/// then <c>done</c> with the checked text, suggestion id, citations, usage and flags. A failure after
/// the stream started becomes an <c>error</c> event in problem shape. Each event is flushed at once.
/// </summary>
public sealed class DraftEventStream(IAsyncEnumerable<DraftEvent> events) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var cancellationToken = http.RequestAborted;
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.StartAsync(cancellationToken);
        try
        {
            await foreach (var e in events.WithCancellation(cancellationToken))
            {
                var (name, data) = e switch
                {
                    DraftSourcesEvent s => ("sources", JsonSerializer.Serialize(new { sources = s.Sources }, json)),
                    DraftDeltaEvent d => ("delta", JsonSerializer.Serialize(new { text = d.Text }, json)),
                    DraftDoneEvent done => ("done", JsonSerializer.Serialize(done.Response, json)),
                    _ => throw new InvalidOperationException($"Unknown draft event {e.GetType().Name}."),
                };
                await WriteAsync(http, name, data, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var logger = http.RequestServices.GetRequiredService<ILogger<DraftEventStream>>();
            logger.LogError(e, "Draft stream failed");
            var problem = new { type = "about:blank", title = "The draft failed", status = 502, detail = "Writing the draft failed; try again." };
            await WriteAsync(http, "error", JsonSerializer.Serialize(problem, json), CancellationToken.None);
        }
    }

    private static async Task WriteAsync(HttpContext http, string name, string data, CancellationToken cancellationToken)
    {
        var text = new StringBuilder(data.Length + name.Length + 16).Append("event: ").Append(name).Append("\ndata: ").Append(data).Append("\n\n").ToString();
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}

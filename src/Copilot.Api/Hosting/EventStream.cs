using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Hosting;

/// <summary>
/// Writes a feature's events as server-sent events, each flushed at once: <c>event: {name}</c> and its JSON
/// <c>data</c>. A failure after the stream started becomes an <c>error</c> event in problem shape (status 502),
/// with the feature's own words. Drafts and asks stream this way (<c>sources</c>, <c>delta</c>…, <c>done</c>).
/// </summary>
public abstract class EventStream<TEvent>(IAsyncEnumerable<TEvent> events) : IResult
{
    /// <summary>The event's name and the object its data is serialized from.</summary>
    protected abstract (string Name, object Data) Describe(TEvent e);

    /// <summary>The error event's title and detail.</summary>
    protected abstract (string Title, string Detail) Failure { get; }

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
                var (name, data) = Describe(e);
                await WriteAsync(http, name, JsonSerializer.Serialize(data, data.GetType(), json), cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());
            logger.LogError(e, "Event stream failed");
            var (title, detail) = Failure;
            var problem = new { type = "about:blank", title, status = 502, detail };
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

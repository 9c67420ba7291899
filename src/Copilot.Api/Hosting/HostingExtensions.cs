using System.Text.Json;
using System.Text.Json.Serialization;
using Copilot.Api.Vocabulary;
using Microsoft.AspNetCore.Http.Json;

namespace Copilot.Api.Hosting;

public static class HostingExtensions
{
    /// <summary>Largest request body we read; bigger ones get 413 before any work is done.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddCopilotHosting(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            RequestLimits.ApplyTo(k.Limits);
            k.AddServerHeader = false;
        });
        builder.AddLogEscaping();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            RefusalText.Apply(ctx.HttpContext, ctx.ProblemDetails);
        });
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonForAnyAccept>(); // after the framework's writer: the fallback
        builder.Services.AddExceptionHandler<CopilotExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // Words only: a number is not a word of the vocabulary (and could name no member at all).
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(Wire.Naming, allowIntegerValues: false));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddOpenApi(o => o.AddCallerSecurity().AddVocabulary().DescribeNumbersAsNumbers());
        return builder;
    }

    public static WebApplication UseCopilotHosting(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseRequestLimits();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/v1.json"); // the one document: any other name is a 404 like any unknown path
        return app;
    }
}

using Copilot.Fakes.OpenAI;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.Operations;

/// <summary>
/// The real host (tenants "acme" and "other") on a fake Zendesk with the Lumora Home account; with a model,
/// "acme" calls a fake OpenAI-compatible server (no retries) and "other" stays offline.
/// </summary>
internal sealed class OperationsHost : IAsyncDisposable
{
    public const string ChatModel = "gpt-operations-test";

    private OperationsHost(FakeZendesk zendesk, FakeOpenAI? model, CopilotTestHost host)
    {
        Zendesk = zendesk;
        Model = model;
        Host = host;
    }

    public FakeZendesk Zendesk { get; }
    public FakeOpenAI? Model { get; }
    public CopilotTestHost Host { get; }
    public HttpClient Client => Host.Client;
    public IServiceProvider Services => Host.Services;

    public static async Task<OperationsHost> StartAsync(Dictionary<string, string?> settings, bool withModel = false, Action<TestHostBuilder>? configure = null)
    {
        var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        var model = withModel ? await FakeOpenAI.StartAsync() : null;
        if (model is not null)
        {
            const string key = $"Copilot:Tenants:{CopilotTestHost.TenantId}:Model:";
            settings[key + "Provider"] = "openai-compatible";
            settings[key + "Endpoint"] = model.OpenAIEndpoint.ToString();
            settings[key + "ApiKey"] = "sk-test";
            settings[key + "ChatModel"] = ChatModel;
            settings[key + "MaxRetries"] = "0";
        }
        return new OperationsHost(zendesk, model, await CopilotTestHost.StartAsync(zendesk, settings, configure));
    }

    public Task<long> ScalarAsync(string sql) => Host.ScalarAsync(sql);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (Model is not null)
        {
            await Model.DisposeAsync();
        }
        await Zendesk.DisposeAsync();
    }
}

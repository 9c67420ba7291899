using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Copilot.Api.Assist;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Microsoft.Extensions.AI;

namespace Copilot.Api.ModelTasks;

/// <summary>
/// Runs every AI task the same way. A ticket that handoff rules keep with a human never reaches the
/// model; a tenant without a model, or a model that fails (error, timeout, open breaker, an answer the
/// task cannot use), gets the task's offline answer, and <c>provider</c> says which and why. A model
/// answer carries its audit: model, prompt version, tokens, cost, first-token and total time, flags.
/// </summary>
public sealed class ModelTaskRunner(TenantModels models, TimeProvider time, ILogger<ModelTaskRunner> logger)
{
    public async Task<ModelTaskResult<T>> RunAsync<T>(Tenant tenant, ModelTask<T> task, CancellationToken cancellationToken) where T : class
    {
        await foreach (var e in StreamAsync(tenant, task, cancellationToken))
        {
            if (e.Result is { } result)
            {
                return result;
            }
        }
        throw new InvalidOperationException($"The {task.Name} task ended without a result.");
    }

    /// <summary>The model's text as it streams (shaped by the task), then the result.</summary>
    public async IAsyncEnumerable<ModelTaskEvent<T>> StreamAsync<T>(
        Tenant tenant, ModelTask<T> task, [EnumeratorCancellation] CancellationToken cancellationToken) where T : class
    {
        var started = time.GetTimestamp();
        var provider = task.OfflineProvider;
        ModelException? failure = null;
        var streamed = false;
        if (models.Chat(tenant) is { } chat)
        {
            if (task.KeptWithHuman.Count > 0)
            {
                provider = ProviderInfo.KeptFromModel(tenant, task.KeptWithHuman);
            }
            else if (task.NotNeeded is { } why)
            {
                provider = ProviderInfo.NotNeeded(tenant, why);
            }
            else
            {
                var call = new Call<T>();
                // A yield cannot sit in a try with a catch: the enumerator is driven by hand.
                await using var deltas = CallAsync(chat, tenant, task, call, cancellationToken).GetAsyncEnumerator(cancellationToken);
                while (true)
                {
                    try
                    {
                        if (!await deltas.MoveNextAsync())
                        {
                            break;
                        }
                    }
                    catch (ModelException e)
                    {
                        failure = e;
                        break;
                    }
                    streamed = true;
                    yield return new ModelTaskEvent<T>(deltas.Current, null);
                }
                if (failure is null)
                {
                    yield return new ModelTaskEvent<T>(null, new ModelTaskResult<T>(call.Value!, ProviderInfo.Model(tenant),
                        SuggestionOrigin.ByModel(TenantModels.ProviderName(tenant), call.PromptVersion!, call.Audit!)));
                    yield break;
                }
                ModelLog.FellBack(logger, failure.Provider, tenant.Id, task.Name, failure.Failure, failure.StatusCode);
                provider = ProviderInfo.Unavailable(tenant, failure);
            }
        }
        var value = await task.Offline(cancellationToken);
        var origin = SuggestionOrigin.Offline(task.OfflineVersion, time.GetElapsedTime(started).TotalMilliseconds);
        yield return new ModelTaskEvent<T>(null, new ModelTaskResult<T>(value, provider, origin) { Failure = failure, Interrupted = streamed });
    }

    /// <summary>One model call: yields the shown deltas of a streamed answer; fills <paramref name="call"/> when the answer is usable.</summary>
    private async IAsyncEnumerable<string> CallAsync<T>(
        IChatClient chat, Tenant tenant, ModelTask<T> task, Call<T> call, [EnumeratorCancellation] CancellationToken cancellationToken) where T : class
    {
        var prompt = task.Prompt();
        chat = task.Client?.Invoke(chat) ?? chat;
        var started = time.GetTimestamp();
        double? firstToken = null;
        UsageDetails? usage;
        string raw;
        if (task.Stream is { } shape)
        {
            var shaper = shape(prompt);
            var text = new StringBuilder();
            usage = null;
            await foreach (var update in chat.GetStreamingResponseAsync(prompt.Messages, prompt.Options, cancellationToken))
            {
                // A task with tools makes a call per round: its usage is every round's.
                foreach (var part in update.Contents.OfType<UsageContent>())
                {
                    (usage ??= new UsageDetails()).Add(part.Details);
                }
                if (string.IsNullOrEmpty(update.Text))
                {
                    continue;
                }
                firstToken ??= time.GetElapsedTime(started).TotalMilliseconds;
                text.Append(update.Text);
                if (shaper.Push(update.Text) is { Length: > 0 } shown)
                {
                    yield return shown;
                }
            }
            if (shaper.Flush() is { Length: > 0 } rest)
            {
                yield return rest;
            }
            raw = text.ToString();
        }
        else
        {
            var response = await chat.GetResponseAsync(prompt.Messages, prompt.Options, cancellationToken);
            usage = response.Usage;
            raw = response.Text;
        }
        var total = time.GetElapsedTime(started).TotalMilliseconds;
        var value = Parse(tenant, task, new ModelAnswer(raw, prompt));
        // Not streamed: the first token arrives with the last.
        call.Audit = ModelAudit.From(tenant.Options.Model, usage, firstToken ?? total, total, task.Flags(value));
        call.Value = value;
        call.PromptVersion = prompt.Version;
        ModelLog.Completed(logger, task.Name, tenant.Id, task.TicketId, usage?.InputTokenCount, usage?.OutputTokenCount, call.Audit.FirstTokenMs, total);
    }

    private static T Parse<T>(Tenant tenant, ModelTask<T> task, ModelAnswer answer) where T : class
    {
        if (answer.Text.Trim().Length == 0)
        {
            throw Unusable(tenant, $"The model's {task.Name} answer was empty.");
        }
        try
        {
            return task.Parse(answer) ?? throw Unusable(tenant, $"The model's {task.Name} answer did not fit its task.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw Unusable(tenant, $"The model's {task.Name} answer did not match its output schema.");
        }
    }

    private static ModelException Unusable(Tenant tenant, string message) =>
        new(TenantModels.ProviderName(tenant), null, message, failure: ModelFailure.InvalidResponse);

    private sealed class Call<T>
    {
        public T? Value { get; set; }
        public ModelAudit? Audit { get; set; }
        public string? PromptVersion { get; set; }
    }
}

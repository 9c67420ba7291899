using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Copilot.Connectors.Models;

/// <summary>
/// Runs every call of the inner client (Microsoft.Extensions.AI's adapter over the OpenAI or Azure
/// OpenAI SDK) under the tenant's <see cref="ModelCallPolicy"/>: retries and the breaker until a
/// stream's first chunk, then a deadline per chunk and one for the whole call, on the policy's
/// <see cref="TimeProvider"/>. A stream that ends without a finish reason (cut off, or an error event
/// the SDK swallows) is a failure.
/// </summary>
public sealed class ModelCallChatClient(IChatClient inner, ModelCallPolicy policy) : DelegatingChatClient(inner)
{
    public ModelCallPolicy Policy => policy;

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sent = messages.ToList();
        options = Strict(options);
        return policy.ExecuteAsync(token => base.GetResponseAsync(sent, options, token), cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sent = messages.ToList();
        options = Strict(options);

        // The SDK sends nothing until the first MoveNext, so the first chunk is awaited under the retry policy.
        var (stream, call) = await policy.StartStreamAsync(async token =>
        {
            var e = base.GetStreamingResponseAsync(sent, options, token).GetAsyncEnumerator(token);
            try
            {
                if (!await e.MoveNextAsync().ConfigureAwait(false))
                {
                    throw new ModelException(policy.Provider, null, $"{policy.Provider} ended the stream before sending anything.", failure: ModelFailure.InvalidResponse);
                }
                return e;
            }
            catch
            {
                await e.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);

        // The call's deadline keeps running across chunks: a provider trickling chunks just under the
        // per-chunk timeout still ends when the call's time is up.
        using var _ = call;
        await using var __ = stream.ConfigureAwait(false);
        var finished = false;
        do
        {
            var update = stream.Current;
            finished |= update.FinishReason is not null;
            yield return update;
            call.ResetChunkDeadline();
        }
        while (await call.MoveNextAsync(stream).ConfigureAwait(false));

        if (!finished)
        {
            throw new ModelException(policy.Provider, null, $"{policy.Provider} ended the stream without finishing the answer.", failure: ModelFailure.InvalidResponse);
        }
    }

    /// <summary>
    /// Asks for strict structured output whenever a JSON schema is given: the provider then returns JSON
    /// that matches it, instead of treating the schema as a hint.
    /// </summary>
    private static ChatOptions? Strict(ChatOptions? options)
    {
        if (options?.ResponseFormat is not ChatResponseFormatJson { Schema: not null } || options.AdditionalProperties?.ContainsKey(StrictKey) == true)
        {
            return options;
        }
        var strict = options.Clone();
        (strict.AdditionalProperties ??= [])[StrictKey] = true;
        return strict;
    }

    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key Microsoft.Extensions.AI.OpenAI reads for strict schemas.</summary>
    private const string StrictKey = "strict";

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ModelCallPolicy) ? policy : base.GetService(serviceType, serviceKey);
}

using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Copilot.Connectors.Models;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI SDK's <see cref="ChatClient"/>, for OpenAI, Azure OpenAI
/// and compatible servers. Calls run under the tenant's <see cref="ModelCallPolicy"/>; a stream that
/// ends without a finish reason (cut off, or an error event the SDK swallows) is a failure.
/// </summary>
public sealed class OpenAIChatClientAdapter(ChatClient client, ModelCallPolicy policy, Uri endpoint, string model) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new(policy.Provider, endpoint, model);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sdkMessages = OpenAIChatMapping.ToSdkMessages(messages, options);
        var sdkOptions = OpenAIChatMapping.ToSdkOptions(options);
        var completion = await policy.ExecuteAsync(
            async token => (await client.CompleteChatAsync(sdkMessages, sdkOptions, token).ConfigureAwait(false)).Value,
            cancellationToken).ConfigureAwait(false);
        return OpenAIChatMapping.ToResponse(completion);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sdkMessages = OpenAIChatMapping.ToSdkMessages(messages, options);
        var sdkOptions = OpenAIChatMapping.ToSdkOptions(options);

        // The SDK sends nothing until the first MoveNext, so the first chunk is awaited under the retry policy.
        var (stream, call) = await policy.StartStreamAsync(async source =>
        {
            var e = client.CompleteChatStreamingAsync(sdkMessages, sdkOptions, source.Token).GetAsyncEnumerator(source.Token);
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
            finished |= stream.Current.FinishReason is not null;
            if (OpenAIChatMapping.ToUpdate(stream.Current) is { } update)
            {
                yield return update;
            }
            call.ResetChunkDeadline();
        }
        while (await MoveNextAsync(stream, call).ConfigureAwait(false));

        if (!finished)
        {
            throw new ModelException(policy.Provider, null, $"{policy.Provider} ended the stream without finishing the answer.", failure: ModelFailure.InvalidResponse);
        }
    }

    private static async Task<bool> MoveNextAsync(IAsyncEnumerator<StreamingChatCompletionUpdate> stream, ModelCall call)
    {
        try
        {
            return await stream.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (call.Translate(e, call.Chunk?.Token ?? call.Token) is { } failure)
        {
            throw failure;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType == typeof(ModelCallPolicy) ? policy
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The SDK client holds no per-instance resources; its transport is shared.
    }
}

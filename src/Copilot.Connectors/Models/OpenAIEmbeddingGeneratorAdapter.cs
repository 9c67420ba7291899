using Microsoft.Extensions.AI;
using OpenAI.Embeddings;
using AIEmbeddingOptions = Microsoft.Extensions.AI.EmbeddingGenerationOptions;
using SdkEmbeddingOptions = OpenAI.Embeddings.EmbeddingGenerationOptions;

namespace Copilot.Connectors.Models;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over the OpenAI SDK's <see cref="EmbeddingClient"/>.
/// Large inputs go in batches; every batch runs under the tenant's <see cref="ModelCallPolicy"/>.
/// </summary>
public sealed class OpenAIEmbeddingGeneratorAdapter(EmbeddingClient client, ModelCallPolicy policy, Uri endpoint, string model, int? dimensions)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Well under the providers' 2,048-input limit, and small enough that one retry repeats little work.</summary>
    public const int BatchSize = 256;

    private readonly EmbeddingGeneratorMetadata _metadata = new(policy.Provider, endpoint, model, dimensions);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, AIEmbeddingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        var sdkOptions = new SdkEmbeddingOptions { Dimensions = options?.Dimensions ?? dimensions };
        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        long inputTokens = 0, totalTokens = 0;
        foreach (var batch in inputs.Chunk(BatchSize))
        {
            var collection = await policy.ExecuteAsync(
                async token => (await client.GenerateEmbeddingsAsync(batch, sdkOptions, token).ConfigureAwait(false)).Value,
                cancellationToken).ConfigureAwait(false);
            if (collection.Count != batch.Length)
            {
                throw new ModelException(policy.Provider, null, $"{policy.Provider} returned {collection.Count} embeddings for {batch.Length} inputs.", failure: ModelFailure.InvalidResponse);
            }
            foreach (var embedding in collection.OrderBy(e => e.Index))
            {
                result.Add(new Embedding<float>(embedding.ToFloats()) { ModelId = collection.Model, CreatedAt = DateTimeOffset.UtcNow });
            }
            inputTokens += collection.Usage?.InputTokenCount ?? 0;
            totalTokens += collection.Usage?.TotalTokenCount ?? 0;
        }
        result.Usage = new UsageDetails { InputTokenCount = inputTokens, TotalTokenCount = totalTokens };
        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType == typeof(ModelCallPolicy) ? policy
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // Nothing per instance: the SDK's transport is shared.
    }
}

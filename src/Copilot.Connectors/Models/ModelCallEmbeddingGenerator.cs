using Microsoft.Extensions.AI;

namespace Copilot.Connectors.Models;

/// <summary>
/// Runs the inner generator (Microsoft.Extensions.AI's adapter over the SDK's embedding client) in
/// batches, each under the tenant's <see cref="ModelCallPolicy"/>, and checks that every input got
/// its vector.
/// </summary>
public sealed class ModelCallEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, ModelCallPolicy policy)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    /// <summary>Well under the providers' 2,048-input limit, and small enough that one retry repeats little work.</summary>
    public const int BatchSize = 256;

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        long inputTokens = 0, totalTokens = 0;
        foreach (var batch in inputs.Chunk(BatchSize))
        {
            var generated = await policy.ExecuteAsync(token => base.GenerateAsync(batch, options, token), cancellationToken).ConfigureAwait(false);
            if (generated.Count != batch.Length)
            {
                throw new ModelException(policy.Provider, null, $"{policy.Provider} returned {generated.Count} embeddings for {batch.Length} inputs.", failure: ModelFailure.InvalidResponse);
            }
            result.AddRange(generated);
            inputTokens += generated.Usage?.InputTokenCount ?? 0;
            totalTokens += generated.Usage?.TotalTokenCount ?? 0;
        }
        result.Usage = new UsageDetails { InputTokenCount = inputTokens, TotalTokenCount = totalTokens };
        return result;
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ModelCallPolicy) ? policy : base.GetService(serviceType, serviceKey);
}

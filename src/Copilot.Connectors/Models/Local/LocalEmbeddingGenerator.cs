using Microsoft.Extensions.AI;

namespace Copilot.Connectors.Models.Local;

/// <summary>
/// The offline provider's <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>: a built-in sentence model in
/// process, no network and no cost. Inputs are passages unless the options say
/// <see cref="EmbeddingPurpose.Query"/>; queries get the model's query instruction (if it has one) and a shorter
/// token budget (a query's first tokens carry its point, and time grows with length).
/// </summary>
/// <param name="maxQueryTokens">Query tokens read, the instruction included; unset: the model's own (<see cref="LocalModelSpec.QueryTokens"/>).</param>
public sealed class LocalEmbeddingGenerator(LocalEmbeddingModel model, int? maxQueryTokens = null)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly int _maxQueryTokens = maxQueryTokens ?? model.Spec.QueryTokens;

    /// <summary>
    /// Vectors of passages embedded lately, by a hash of the text: a re-sync that gives unchanged text new
    /// passage ids, and several hosts in one process indexing the same articles, pay once. ~1.5 KB each.
    /// </summary>
    private const int RecentCapacity = 8_192;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, float[]> Recent = new(StringComparer.Ordinal);

    /// <summary>The text's hash under the model's name: the 8-bit and the float model never share a vector.</summary>
    private string Key(string text) =>
        model.Name + ":" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    private readonly EmbeddingGeneratorMetadata _metadata = new("offline", null, model.Name, LocalEmbeddingModel.Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var query = EmbeddingPurpose.IsQuery(options);
        var texts = values.ToList();
        var vectors = new float[texts.Count][];
        // Passages only: queries are remembered by the search that asks for them.
        var keys = query ? null : texts.Select(Key).ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => keys is null || !Recent.TryGetValue(keys[i], out vectors[i]!)).ToList();
        var tokenized = missing.Select(i => query
            ? model.Tokenize(model.QueryPrefix + texts[i], _maxQueryTokens)
            : model.Tokenize(texts[i], model.MaxTokens)).ToList();
        // One input (a query) runs on the calling thread; a batch (indexing) spreads over the cores.
        var threads = tokenized.Count <= 1 ? 1 : Environment.ProcessorCount;
        float[][] computed;
        try
        {
            computed = tokenized.Count == 0 ? [] : model.Embed(tokenized, threads, cancellationToken);
        }
        catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException e)
        {
            throw new ModelException("offline", null, "The local embedding model failed.", failure: ModelFailure.InvalidResponse, inner: e);
        }
        if (keys is not null && Recent.Count + computed.Length > RecentCapacity)
        {
            Recent.Clear();
        }
        for (var k = 0; k < missing.Count; k++)
        {
            vectors[missing[k]] = computed[k];
            if (keys is not null)
            {
                Recent[keys[missing[k]]] = computed[k];
            }
        }
        var now = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = model.Name, CreatedAt = now }))
        {
            Usage = new UsageDetails { InputTokenCount = tokenized.Sum(t => (long)t.Length), TotalTokenCount = tokenized.Sum(t => (long)t.Length) },
        };
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The model is shared by the process.
    }
}

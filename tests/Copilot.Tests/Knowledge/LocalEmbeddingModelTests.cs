using System.Numerics.Tensors;
using Copilot.Connectors.Models;
using Copilot.Connectors.Models.Local;

namespace Copilot.Tests.Knowledge;

public sealed class LocalEmbeddingModelTests
{
    private static readonly LocalEmbeddingGenerator Generator = new(LocalEmbeddingModel.Instance
        ?? throw new InvalidOperationException("The built-in embedding model did not load: " + LocalEmbeddingModel.LoadError));

    private static async Task<float[]> QueryAsync(string text) => (await Generator.GenerateAsync([text], EmbeddingPurpose.Query))[0].Vector.ToArray();

    private static async Task<float[][]> PassagesAsync(params string[] texts) => (await Generator.GenerateAsync(texts)).Select(e => e.Vector.ToArray()).ToArray();

    [Fact]
    public async Task AParaphraseWithNoSharedWordIsNearerThanAnUnrelatedPassage()
    {
        var query = await QueryAsync("my lamps keep going dark and bright again like a strobe");
        var passages = await PassagesAsync(
            "Fix flickering bulbs\nFlicker usually comes from an incompatible dimmer switch or old firmware.",
            "Refund policy\nRefunds go back to the original payment method within 10 business days.");

        Assert.True(TensorPrimitives.Dot(query, passages[0]) > TensorPrimitives.Dot(query, passages[1]) + 0.05,
            $"flicker {TensorPrimitives.Dot(query, passages[0]):0.000}, refund {TensorPrimitives.Dot(query, passages[1]):0.000}");
    }

    [Fact]
    public async Task VectorsHaveUnitLengthAndTheModelsWidth()
    {
        var vectors = await PassagesAsync("Reset a bulb to factory settings.", "", new string('x', 5));

        Assert.All(vectors, v =>
        {
            Assert.Equal(LocalEmbeddingModel.Dimensions, v.Length);
            Assert.Equal(1.0, Math.Sqrt(TensorPrimitives.SumOfSquares(v)), 3);
        });
    }

    [Fact]
    public async Task ABatchGivesEachTextTheVectorItGetsAloneInItsOrder()
    {
        var texts = Enumerable.Range(0, 20).Select(i => string.Join(" ", Enumerable.Repeat($"word{i} order shipping", 1 + i % 7))).ToArray();

        var batch = await PassagesAsync(texts);
        var alone = await PassagesAsync(texts[13]);

        Assert.Equal(1.0, TensorPrimitives.Dot(batch[13], alone[0]), 4);
        Assert.True(TensorPrimitives.Dot(batch[12], alone[0]) < 0.999);
    }

    [Fact]
    public async Task ArcticEmbedsQueriesWithItsInstructionAndMiniLmEmbedsThemAsPassages()
    {
        var arctic = new LocalEmbeddingGenerator(LocalEmbeddingModel.Get(LocalModelSpec.ArcticXs, quantized: true)!);
        var arcticQuery = (await arctic.GenerateAsync(["cancel my subscription"], EmbeddingPurpose.Query))[0].Vector.ToArray();
        var arcticPassage = (await arctic.GenerateAsync(["cancel my subscription"]))[0].Vector.ToArray();
        var miniQuery = await QueryAsync("cancel my subscription");
        var miniPassage = (await PassagesAsync("cancel my subscription"))[0];

        Assert.Same(LocalModelSpec.MiniLM, LocalEmbeddingModel.Instance!.Spec);
        Assert.True(TensorPrimitives.Dot(arcticQuery, arcticPassage) < 0.99);
        Assert.Equal(1.0, TensorPrimitives.Dot(miniQuery, miniPassage), 4);
    }

    [Fact]
    public async Task TextLongerThanTheModelReadsIsCutNotRefused()
    {
        var essay = string.Join(" ", Enumerable.Repeat("the bridge light blinks orange after the firmware update", 400));

        var vector = (await PassagesAsync(essay))[0];

        Assert.Equal(LocalEmbeddingModel.Dimensions, vector.Length);
        Assert.Equal(LocalModelSpec.MiniLM.MaxTokens, LocalEmbeddingModel.Instance!.Tokenize(essay, 10_000).Length);
        Assert.Equal(LocalModelSpec.MiniLM.QueryTokens, LocalEmbeddingModel.Instance.Tokenize(essay, LocalModelSpec.MiniLM.QueryTokens).Length);
    }

    [Theory]
    [InlineData("all-minilm-l6-v2")]
    [InlineData("arctic-embed-xs")]
    public async Task TheEightBitModelGivesTheFloatModelsVectorsAndRanking(string name)
    {
        var spec = LocalModelSpec.Named(name)!;
        using var exact = LocalEmbeddingModel.Load(spec, quantized: false);
        var reference = new LocalEmbeddingGenerator(exact);
        var quantized = LocalEmbeddingModel.Get(spec, quantized: true)!;
        var generator = new LocalEmbeddingGenerator(quantized);
        string[] passages =
        [
            "Fix flickering bulbs\nFlicker usually comes from an incompatible dimmer switch or old firmware.",
            "Refund policy\nRefunds go back to the original payment method within 10 business days.",
            "Reset your password\nOpen Settings, choose Security, then Reset password and follow the email link.",
            "Shipping times\nOrders leave our warehouse within two days; tracking numbers arrive by email.",
        ];
        var queries = new[] { "lights strobe on and off", "money back for a return", "can't log in, forgot my password", "where is my parcel" };

        var quantizedPassages = (await generator.GenerateAsync(passages)).Select(e => e.Vector.ToArray()).ToArray();
        var exactPassages = (await reference.GenerateAsync(passages)).Select(e => e.Vector.ToArray()).ToArray();
        for (var q = 0; q < queries.Length; q++)
        {
            var quantizedQuery = (await generator.GenerateAsync([queries[q]], EmbeddingPurpose.Query))[0].Vector.ToArray();
            var exactQuery = (await reference.GenerateAsync([queries[q]], EmbeddingPurpose.Query))[0].Vector.ToArray();
            Assert.True(TensorPrimitives.Dot(quantizedQuery, exactQuery) > 0.99, $"query {q}: {TensorPrimitives.Dot(quantizedQuery, exactQuery):0.0000}");
            Assert.Equal(q, Best(quantizedQuery, quantizedPassages));
            Assert.Equal(q, Best(exactQuery, exactPassages));
        }
        Assert.All(passages.Select((_, p) => TensorPrimitives.Dot(quantizedPassages[p], exactPassages[p])), cosine => Assert.True(cosine > 0.99, $"{cosine:0.0000}"));
        Assert.Equal(name + "-int8", quantized.Name);
        Assert.Equal(name, exact.Name);
        Assert.Equal(name + "-int8+2", quantized.Model(2));
    }

    private static int Best(float[] query, float[][] passages) =>
        Enumerable.Range(0, passages.Length).MaxBy(p => TensorPrimitives.Dot(query, passages[p]));
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.Connectors.Models;
using Copilot.Fakes.OpenAI;

namespace Copilot.Tests.Models;

public sealed class EmbeddingAdapterTests : FakeModelTests
{
    [Fact]
    public async Task EmbeddingsArriveInInputOrderWithTheConfiguredDimensions()
    {
        var generator = new ModelClientFactory().CreateEmbeddingGenerator("t1", Options())!;

        var result = await generator.GenerateAsync(["refund policy", "shipping to Germany", ""]);

        Assert.Equal(3, result.Count);
        Assert.Equal(FakeOpenAI.EmbeddingFor("refund policy", 32), result[0].Vector.ToArray());
        Assert.Equal(FakeOpenAI.EmbeddingFor("shipping to Germany", 32), result[1].Vector.ToArray());
        Assert.Equal(FakeOpenAI.EmbeddingFor("", 32), result[2].Vector.ToArray());
        Assert.True(result.Usage?.InputTokenCount > 0);
        var sent = Fake.Requests.Single().Json!;
        Assert.Equal("base64", sent["encoding_format"]!.GetValue<string>());
        Assert.Equal(32, sent["dimensions"]!.GetValue<int>());
        Assert.Equal("embed-test", sent["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task FakeAnswersFloatArraysWhenAskedForFloats()
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync(new Uri(Fake.OpenAIEndpoint, "embeddings"),
            new { model = "embed-test", input = new[] { "refund policy" }, encoding_format = "float", dimensions = 16 });

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var vector = body["data"]![0]!["embedding"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
        Assert.Equal(FakeOpenAI.EmbeddingFor("refund policy", 16), vector);
    }

    [Fact]
    public void TextsSharingWordsAreCloserThanUnrelatedTexts()
    {
        static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();
        var refund = FakeOpenAI.EmbeddingFor("how do I get a refund for my order", 256);
        var similar = FakeOpenAI.EmbeddingFor("refund for a damaged order", 256);
        var other = FakeOpenAI.EmbeddingFor("lamp assembly instructions", 256);

        Assert.True(Dot(refund, similar) > Dot(refund, other));
    }

    [Fact]
    public async Task EmbeddingCallIsRetriedAfterARateLimit()
    {
        Fake.Inject(FakeFault.RateLimited(TimeSpan.FromMilliseconds(20)));
        var generator = new ModelClientFactory().CreateEmbeddingGenerator("t1", Options())!;

        var result = await generator.GenerateAsync(["refund policy"]);

        Assert.Equal(FakeOpenAI.EmbeddingFor("refund policy", 32), result[0].Vector.ToArray());
        Assert.Equal(2, Fake.Requests.Count);
    }

    [Fact]
    public void NoEmbeddingModelMeansNoGenerator()
    {
        var options = Options();
        options.EmbeddingModel = null;

        Assert.Null(new ModelClientFactory().CreateEmbeddingGenerator("t1", options));
    }

    [Fact]
    public async Task LargeInputsAreSentInBatches()
    {
        var generator = new ModelClientFactory().CreateEmbeddingGenerator("t1", Options())!;
        var inputs = Enumerable.Range(0, ModelCallEmbeddingGenerator.BatchSize + 3).Select(i => $"text {i}").ToList();

        var result = await generator.GenerateAsync(inputs);

        Assert.Equal(inputs.Count, result.Count);
        Assert.Equal(2, Fake.Requests.Count);
        Assert.Equal(FakeOpenAI.EmbeddingFor($"text {inputs.Count - 1}", 32), result[^1].Vector.ToArray());
    }
}

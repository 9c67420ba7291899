using Copilot.Connectors.Models;
using Copilot.Fakes.OpenAI;
using Microsoft.Extensions.AI;

namespace Copilot.Tests.Models;

public sealed class ProviderEndpointTests : FakeModelTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "Hello")];

    [Fact]
    public async Task AzureOpenAiCallsTheResourceV1PathWithApiKeyHeaderAndNoAuthorization()
    {
        var client = new ModelClientFactory().CreateChatClient("t1", Options(ModelProviders.AzureOpenAI));

        await client.GetResponseAsync(Hello);

        var request = Fake.Requests.Single();
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal(FakeAuth.ApiKey, request.Auth);
        Assert.Equal(Key, request.AuthValue);
        Assert.Equal(Key, request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("gpt-test", request.Json!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task AzureEmbeddingsAlsoUseTheApiKeyHeader()
    {
        var generator = new ModelClientFactory().CreateEmbeddingGenerator("t1", Options(ModelProviders.AzureOpenAI))!;

        await generator.GenerateAsync(["refund policy"]);

        var request = Fake.Requests.Single();
        Assert.Equal("/openai/v1/embeddings", request.Path);
        Assert.Equal(FakeAuth.ApiKey, request.Auth);
        Assert.Equal(Key, request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task OpenAiSendsTheKeyAsABearerToken()
    {
        var client = new ModelClientFactory().CreateChatClient("t1", Options(ModelProviders.OpenAI));

        await client.GetResponseAsync(Hello);

        var request = Fake.Requests.Single();
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal(FakeAuth.Bearer, request.Auth);
        Assert.Equal(Key, request.AuthValue);
        Assert.Equal($"Bearer {Key}", request.Header("Authorization"));
        Assert.Null(request.Header("api-key"));
    }

    [Fact]
    public async Task OpenAiCompatibleServerIsCalledUnderItsOwnBaseUrl()
    {
        var options = Options(ModelProviders.OpenAICompatible, new Uri(Fake.BaseUrl, "ollama/v1").ToString());
        var client = new ModelClientFactory().CreateChatClient("t1", options);

        var response = await client.GetResponseAsync(Hello);

        var request = Fake.Requests.Single();
        Assert.Equal("/ollama/v1/chat/completions", request.Path);
        Assert.Equal("Echo: Hello", response.Text);
        Assert.Equal($"Bearer {Key}", request.Header("Authorization"));
        Assert.Null(request.Header("api-key"));
        Assert.Equal(FakeAuth.Bearer, request.Auth);
    }

    [Fact]
    public async Task RejectedKeyNeverAppearsInTheException()
    {
        Fake.RequiredApiKey = "the-right-key";
        var options = Options();
        options.ApiKey = "sk-wrong-secret-abcdef123456";

        var failure = await Assert.ThrowsAsync<ModelException>(() => new ModelClientFactory().CreateChatClient("t1", options).GetResponseAsync(Hello));

        Assert.Equal(401, failure.StatusCode);
        Assert.Contains("Incorrect API key", failure.Message);
        Assert.DoesNotContain("abcdef123456", failure.ToString());
        Assert.Single(Fake.Requests);
    }

    [Fact]
    public void OfflineProviderHasNoClientAndNoEmbeddings()
    {
        var options = new ModelOptions { Provider = ModelProviders.Offline };

        Assert.Null(new ModelClientFactory().CreateEmbeddingGenerator("t1", options));
        Assert.Throws<InvalidOperationException>(() => new ModelClientFactory().CreateChatClient("t1", options));
    }

    [Fact]
    public void ValidationNamesEveryMissingKey()
    {
        var errors = new ModelOptions { Provider = ModelProviders.AzureOpenAI }.Validate("Copilot:Tenants:acme:Model");

        Assert.Contains(errors, e => e.StartsWith("Copilot:Tenants:acme:Model:Endpoint", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Copilot:Tenants:acme:Model:ApiKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Copilot:Tenants:acme:Model:ChatModel", StringComparison.Ordinal));
        Assert.Contains("Provider must be one of", new ModelOptions { Provider = "gemini" }.Validate("M").Single());
        Assert.Empty(Options().Validate("M"));
    }

    [Theory]
    [InlineData("EUR", true)]
    [InlineData("usd", false)]
    [InlineData("EURO", false)]
    [InlineData("", false)]
    public void PriceCurrencyIsAnIsoCode(string currency, bool valid)
    {
        var options = Options();
        options.Prices.Currency = currency;

        Assert.Equal(valid, !options.Validate("M").Any(e => e.StartsWith("M:Prices:Currency", StringComparison.Ordinal)));
        Assert.Equal("USD", new ModelPrices().Currency);
    }

    [Fact]
    public void CostFollowsThePriceTable()
    {
        var prices = new ModelPrices { InputPerMillionTokens = 2.5m, OutputPerMillionTokens = 10m };

        var cost = prices.ChatCost(new UsageDetails { InputTokenCount = 2_000, OutputTokenCount = 500 });

        Assert.Equal(0.01m, cost);
    }
}

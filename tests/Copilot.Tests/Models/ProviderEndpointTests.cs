using Copilot.Connectors.Models;
using Copilot.Fakes.OpenAI;
using Microsoft.Extensions.AI;

namespace Copilot.Tests.Models;

public sealed class ProviderEndpointTests : FakeModelTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "Hello")];

    [Fact]
    public async Task AzureOpenAiCallsTheDeploymentPathWithApiKeyHeaderAndNoAuthorization()
    {
        var client = new ModelClientFactory().CreateChatClient("t1", Options(ModelProviders.AzureOpenAI));

        await client.GetResponseAsync(Hello);

        var request = Fake.Requests.Single();
        // The configured v1 URL (…/openai/v1/) is cut back to the resource; Azure.AI.OpenAI adds the deployment path.
        Assert.Equal("/openai/deployments/gpt-test/chat/completions", request.Path);
        Assert.StartsWith("?api-version=", request.Query, StringComparison.Ordinal);
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
        Assert.Equal("/openai/deployments/embed-test/embeddings", request.Path);
        Assert.Equal(FakeAuth.ApiKey, request.Auth);
        Assert.Equal(Key, request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task AzureWithEntraIdSendsTheIdentitysTokenAndNoKey()
    {
        var options = Options(ModelProviders.AzureOpenAI);
        options.Authentication = ModelAuthentication.EntraId;
        options.ApiKey = null;
        var credential = new StaticTokenCredential("entra-token-123");
        var factory = new ModelClientFactory(azureCredential: credential);

        await factory.CreateChatClient("t1", options).GetResponseAsync(Hello);
        await factory.CreateEmbeddingGenerator("t1", options)!.GenerateAsync(["refund policy"]);

        Assert.All(Fake.Requests, request =>
        {
            Assert.Equal("Bearer entra-token-123", request.Header("Authorization"));
            Assert.Null(request.Header("api-key"));
        });
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes.Distinct());
    }

    [Fact]
    public void EntraIdIsForAzureOnlyAndNeedsNoKeyThere()
    {
        var azure = Options(ModelProviders.AzureOpenAI);
        azure.Authentication = ModelAuthentication.EntraId;
        azure.ApiKey = null;
        var openai = Options(ModelProviders.OpenAI);
        openai.Authentication = ModelAuthentication.EntraId;
        var unknown = Options(ModelProviders.AzureOpenAI);
        unknown.Authentication = "password";

        Assert.Empty(azure.Validate("M"));
        Assert.Contains(openai.Validate("M"), e => e.StartsWith("M:Authentication", StringComparison.Ordinal));
        Assert.Contains(unknown.Validate("M"), e => e.StartsWith("M:Authentication", StringComparison.Ordinal) && e.Contains("'password'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://contoso.openai.azure.com/openai/v1/", "https://contoso.openai.azure.com/")]
    [InlineData("https://contoso.openai.azure.com/openai/v1", "https://contoso.openai.azure.com/")]
    [InlineData("https://contoso.openai.azure.com/", "https://contoso.openai.azure.com/")]
    [InlineData("https://gateway.example.com/team-a/openai/", "https://gateway.example.com/team-a/")]
    public void AzureEndpointIsTheResourceWhicheverFormIsConfigured(string configured, string resource)
    {
        var options = new ModelOptions { Provider = ModelProviders.AzureOpenAI, Endpoint = configured };

        Assert.Equal(new Uri(resource), options.AzureResourceEndpoint());
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

    /// <summary>A Microsoft Entra ID credential that hands out one token and records the scopes asked for.</summary>
    private sealed class StaticTokenCredential(string token) : Azure.Core.TokenCredential
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Scopes { get; } = [];

        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                Scopes.Add(scope);
            }
            return new Azure.Core.AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

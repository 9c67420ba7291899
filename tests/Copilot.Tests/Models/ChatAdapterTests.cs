using System.Text.Json;
using System.Text.Json.Nodes;
using Copilot.Connectors.Models;
using Copilot.Fakes.OpenAI;
using Microsoft.Extensions.AI;

namespace Copilot.Tests.Models;

public sealed class ChatAdapterTests : FakeModelTests
{
    private static readonly ChatMessage[] Conversation =
    [
        new(ChatRole.System, "You summarise support tickets."),
        new(ChatRole.User, "My lamp arrived broken."),
    ];

    private IChatClient Client() => new ModelClientFactory().CreateChatClient("t1", Options());

    [Fact]
    public async Task NonStreamingAnswerComesFromTheFixtureWithUsageAndFinishReason()
    {
        var key = FakeOpenAIKeys.ForChat("gpt-test", [("system", "You summarise support tickets."), ("user", "My lamp arrived broken.")]);
        Fake.AddFixture(key, new FakeChatReply("The customer's lamp arrived broken.") { PromptTokens = 21, CompletionTokens = 7 });

        var response = await Client().GetResponseAsync(Conversation, new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 300 });

        Assert.Equal("The customer's lamp arrived broken.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(21, response.Usage?.InputTokenCount);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
        Assert.Equal(28, response.Usage?.TotalTokenCount);
        Assert.Equal("gpt-test", response.ModelId);
        var sent = Fake.Requests.Single().Json!;
        Assert.Equal(300, sent["max_completion_tokens"]!.GetValue<int>());
        Assert.Equal(0.2, sent["temperature"]!.GetValue<double>(), 3);
        Assert.Equal("system", sent["messages"]![0]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task FixturesLoadFromFilesUnderTheKeyTheRecordedRequestReports()
    {
        await Client().GetResponseAsync(Conversation);
        var key = Fake.Requests.Single().ChatKey!;
        var directory = Directory.CreateTempSubdirectory("fake-openai-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "summaries.json"),
                new JsonArray(new JsonObject { ["key"] = key, ["content"] = "From a file.", ["finishReason"] = "length" }).ToJsonString());

            Assert.Equal(1, Fake.AddFixtures(directory.FullName));
            var response = await Client().GetResponseAsync(Conversation);

            Assert.Equal("From a file.", response.Text);
            Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task UnmatchedRequestIsAnsweredByTheTestsResponder()
    {
        Fake.Responder = request => new FakeChatReply($"Seen {request.Messages.Count} messages");

        var response = await Client().GetResponseAsync(Conversation);

        Assert.Equal("Seen 2 messages", response.Text);
    }

    [Fact]
    public async Task StreamingDeliversDeltasInOrderThenFinishReasonAndUsage()
    {
        Fake.Responder = _ => new FakeChatReply("Hello there, agent") { Chunks = ["Hello", " there", ",", " agent"], PromptTokens = 10, CompletionTokens = 4 };

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Client().GetStreamingResponseAsync(Conversation))
        {
            updates.Add(update);
        }

        var texts = updates.Select(u => u.Text).Where(t => t.Length > 0).ToList();
        Assert.Equal(["Hello", " there", ",", " agent"], texts);
        Assert.Contains(updates, u => u.FinishReason is not null);
        Assert.All(updates.Where(u => u.FinishReason is not null), u => Assert.Equal(ChatFinishReason.Stop, u.FinishReason));
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details;
        Assert.Equal(10, usage.InputTokenCount);
        Assert.Equal(4, usage.OutputTokenCount);
        var combined = updates.ToChatResponse();
        Assert.Equal("Hello there, agent", combined.Text);
        var sent = Fake.Requests.Single().Json!;
        Assert.True(sent["stream"]!.GetValue<bool>());
        Assert.True(sent["stream_options"]!["include_usage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task StreamEndingWithAnErrorEventInsteadOfAFinishIsAFailure()
    {
        Fake.Responder = _ => new FakeChatReply("one two three four");
        Fake.Inject(FakeFault.MidStreamError());

        var received = new List<string>();
        var failure = await Assert.ThrowsAsync<ModelException>(async () =>
        {
            await foreach (var update in Client().GetStreamingResponseAsync(Conversation))
            {
                received.Add(update.Text);
            }
        });

        Assert.Equal(ModelFailure.InvalidResponse, failure.Failure);
        Assert.Contains("one", string.Concat(received));
        Assert.DoesNotContain("four", string.Concat(received));
    }

    [Fact]
    public async Task ConnectionDroppedMidStreamIsANetworkFailure()
    {
        Fake.Responder = _ => new FakeChatReply("one two three four");
        Fake.Inject(FakeFault.ConnectionReset());
        // Without retries: a reset that lands before the first chunk was read would otherwise be retried.
        var options = Options();
        options.MaxRetries = 0;
        var client = new ModelClientFactory().CreateChatClient("t1", options);

        var failure = await Assert.ThrowsAsync<ModelException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync(Conversation))
            {
            }
        });

        Assert.Equal(ModelFailure.Network, failure.Failure);
        Assert.Single(Fake.Requests);
    }

    [Fact]
    public async Task GarbledChunkMidStreamIsAFailure()
    {
        Fake.Responder = _ => new FakeChatReply("one two three four");
        Fake.Inject(FakeFault.Garbled());

        var failure = await Assert.ThrowsAsync<ModelException>(async () =>
        {
            await foreach (var _ in Client().GetStreamingResponseAsync(Conversation))
            {
            }
        });

        Assert.Equal(ModelFailure.InvalidResponse, failure.Failure);
    }

    [Fact]
    public async Task GarbledResponseBodyIsAnInvalidResponse()
    {
        var options = Options();
        options.MaxRetries = 0;
        Fake.Inject(FakeFault.Garbled());

        var failure = await Assert.ThrowsAsync<ModelException>(() => new ModelClientFactory().CreateChatClient("t1", options).GetResponseAsync(Conversation));

        Assert.Equal(ModelFailure.InvalidResponse, failure.Failure);
    }

    [Fact]
    public async Task StructuredOutputSendsAStrictJsonSchemaAndReturnsTheFixtureJson()
    {
        var schema = JsonElement.Parse("""{"type":"object","properties":{"summary":{"type":"string"}},"required":["summary"],"additionalProperties":false}""");
        var format = new JsonObject
        {
            ["type"] = "json_schema",
            ["json_schema"] = new JsonObject
            {
                ["name"] = "ticket_summary",
                ["description"] = "A ticket summary",
                ["schema"] = JsonNode.Parse(schema.GetRawText()),
                ["strict"] = true,
            },
        };
        var key = FakeOpenAIKeys.ForChat("gpt-test", [("system", "You summarise support tickets."), ("user", "My lamp arrived broken.")], format.ToJsonString());
        Fake.AddFixture(key, new FakeChatReply("""{"summary":"Broken lamp on arrival."}"""));

        var response = await Client().GetResponseAsync(Conversation, new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "ticket_summary", "A ticket summary"),
        });

        Assert.Equal("Broken lamp on arrival.", JsonDocument.Parse(response.Text).RootElement.GetProperty("summary").GetString());
        var sent = Fake.Requests.Single().Json!["response_format"]!;
        Assert.Equal("json_schema", sent["type"]!.GetValue<string>());
        Assert.True(sent["json_schema"]!["strict"]!.GetValue<bool>());
        Assert.Equal("ticket_summary", sent["json_schema"]!["name"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(schema.GetRawText()), sent["json_schema"]!["schema"]));
    }

    [Fact]
    public async Task CallerCancellationStaysACancellation()
    {
        Fake.Inject(FakeFault.Slow(TimeSpan.FromSeconds(30)));
        using var cts = new CancellationTokenSource();
        var call = Client().GetResponseAsync(Conversation, cancellationToken: cts.Token);
        while (Fake.Requests.Count == 0)
        {
            await Task.Delay(10);
        }
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task EachCallIsASpanWithItsModelAndTokenCounts()
    {
        var spans = new System.Collections.Concurrent.ConcurrentBag<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == ModelClientFactory.TelemetrySource,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        Fake.Responder = _ => new FakeChatReply("Noted.") { PromptTokens = 12, CompletionTokens = 3 };

        await Client().GetResponseAsync(Conversation);

        var span = Assert.Single(spans, s => s.GetTagItem("gen_ai.request.model") as string == "gpt-test");
        Assert.Equal(12, Convert.ToInt32(span.GetTagItem("gen_ai.usage.input_tokens"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, Convert.ToInt32(span.GetTagItem("gen_ai.usage.output_tokens"), System.Globalization.CultureInfo.InvariantCulture));
        // Prompts and answers are customer data: they stay out of telemetry.
        Assert.DoesNotContain(span.Tags, t => t.Value?.Contains("lamp", StringComparison.OrdinalIgnoreCase) == true);
    }
}

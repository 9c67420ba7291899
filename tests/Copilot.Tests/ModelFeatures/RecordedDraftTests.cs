using System.Collections.Concurrent;
using Copilot.Fakes.OpenAI;

namespace Copilot.Tests.ModelFeatures;

/// <summary>
/// A draft answered from a checked-in fixture keyed by the hash of its request: any change to what the
/// draft prompt sends (instructions, snippets, sources, thread, redaction) changes the hash and fails
/// here, naming the new hash and how to re-record, until someone has looked at the new prompt.
/// </summary>
public sealed class RecordedDraftTests(ModelTenantFixture fixture) : IClassFixture<ModelTenantFixture>
{
    private const string File = "draft-ticket-132.json";

    [Fact]
    public async Task TheDraftPromptOfTicket132IsAnsweredByItsRecordedFixture()
    {
        fixture.Reset();
        var recorded = RecordedReplies.Read(File)[0]!;
        var key = recorded["key"]!.GetValue<string>();
        var answer = recorded["content"]!.GetValue<string>();
        Assert.NotEqual(0, fixture.Model.AddFixtures(RecordedReplies.OutputDirectory));
        var unrecorded = new ConcurrentQueue<FakeChatRequest>();
        fixture.Model.Responder = r =>
        {
            if (r.Stream)
            {
                unrecorded.Enqueue(r);
            }
            return ModelReplies.Cooperative(r);
        };

        var (_, body) = await fixture.PostAsync("/api/tickets/132/draft");

        if (unrecorded.TryPeek(out var request))
        {
            if (RecordedReplies.Recording)
            {
                var path = RecordedReplies.Rerecord(File, 0, request);
                Assert.Fail($"Re-recorded {path} for request hash {request.Key}. Review the diff of its request, then run the tests again without {RecordedReplies.RecordVariable}.");
            }
            Assert.Fail(
                $"No recorded answer for the draft request with hash {request.Key}; Fixtures/openai/{File} is recorded for {key}. "
                + "The draft prompt (or what it is built from) changed. Check that the recorded answer still fits the new prompt, then re-record: "
                + $"{RecordedReplies.RecordVariable}=1 dotnet test tests/Copilot.Tests --filter FullyQualifiedName~{nameof(RecordedDraftTests)} "
                + "(rewrites the fixture's key and request, keeps its answer).");
        }
        Assert.Equal(key, Assert.Single(fixture.DraftCalls()).ChatKey);
        // The recorded answer, its [n] markers written as the cited articles' links, each once (the tenant's default style).
        var text = body["text"]!.GetValue<string>();
        Assert.DoesNotMatch(@"\[\d+\]", text);
        var urls = body["citations"]!.AsArray().Where(c => c!["kind"]!.GetValue<string>() == "article").Select(c => c!["url"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape($" ({u})"))));
        // The model greets the placeholder it was given for the requester's first name; the draft has her name back.
        Assert.StartsWith("Hi [NAME_1],", answer, StringComparison.Ordinal);
        var restored = answer.Replace("[NAME_1]", "Olivia", StringComparison.Ordinal);
        Assert.Equal(System.Text.RegularExpressions.Regex.Replace(restored.Trim(), @" ?\[\d+(, \d+)*\]", ""), urls.Aggregate(text, (t, u) => t.Replace($" ({u})", "", StringComparison.Ordinal)));
        Assert.Equal("drafted", body["status"]!.GetValue<string>());
        Assert.Equal(2, body["citations"]!.AsArray().Count);
        Assert.Empty(body["flags"]!.AsArray());
    }
}

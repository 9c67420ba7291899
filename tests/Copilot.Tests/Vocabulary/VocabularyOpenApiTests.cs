using System.Text.Json;
using System.Text.Json.Nodes;
using Copilot.Api.Suggestions;
using Copilot.Api.Vocabulary;
using Copilot.Tests.Analytics;

namespace Copilot.Tests.Vocabulary;

/// <summary>The vocabulary is defined once, in C#, and the OpenAPI document the sidebar's types are generated from publishes it.</summary>
public sealed class VocabularyOpenApiTests
{
    /// <summary>The copy of <c>/openapi/v1.json</c> that <c>sidebar-app/src/lib/api/generated.ts</c> is generated from.</summary>
    public static readonly string CommittedDocument = Path.Combine(RepoRoot(), "sidebar-app", "src", "lib", "api", "openapi.json");

    [Fact]
    public async Task TheOpenApiDocumentListsEveryWordOfTheVocabularyAsAnEnum()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        Assert.Equal(["accepted", "edited", "rejected"], Enum(schemas["FeedbackOutcome"]));
        Assert.Equal(["wrong-facts", "wrong-tone", "outdated-article", "missing-context", "policy", "other"], Enum(schemas["RejectionReason"]));
        Assert.Equal(["0-10", "10-25", "25-50", "50+"], Enum(schemas["EditBucket"]));
        Assert.Equal(Wire.AllNames<SuggestionKind>(), Enum(schemas["SuggestionKind"]));
        Assert.Equal(IsoWeek.Pattern, (string?)schemas["IsoWeek"]!["pattern"]);
        // The feedback request reads text (so a wrong word gets a problem naming the field), typed as the enums.
        Assert.Equal(Wire.AllNames<FeedbackOutcome>(), Enum(schemas["FeedbackRequest"]!["properties"]!["outcome"]));
        Assert.Equal(Wire.AllNames<RejectionReason>(), Enum(schemas["FeedbackRequest"]!["properties"]!["reason"]));
        // Maps keyed by a word have one required property per word.
        var byReason = schemas["SummaryRow"]!["properties"]!["rejectedByReason"]!;
        Assert.Equal(Wire.AllNames<RejectionReason>(), byReason["required"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(Wire.AllNames<EditBucket>(), schemas["SummaryRow"]!["properties"]!["editSize"]!["required"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task TheSidebarsWireShapesNameTheirClosedSetsAndTheirProblems()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!;
        Assert.Equal(["handoff", "caution"], Enum(schemas["WarningDto"]!["properties"]!["action"]));
        Assert.Equal(["drafted", "withheld"], Enum(schemas["DraftResponse"]!["properties"]!["status"]));
        Assert.Equal(["answer", "holding", "acknowledgement", "other-language", "follow-up", "closed", "feedback"], Enum(schemas["DraftResponse"]!["properties"]!["draftKind"]));
        Assert.Equal(["article", "macro", "past-reply", "document"], Enum(schemas["SourceDto"]!["properties"]!["kind"]));
        // Display reports name their items in the vocabulary's words (every kind an assist holds among them).
        var shownItems = schemas["ShownRequest"]!["properties"]!["kinds"]!["items"]!;
        var shownWords = shownItems["$ref"] is { } reference ? Enum(schemas[((string)reference!).Split('/')[^1]]) : Enum(shownItems);
        Assert.Equal(Wire.AllNames<SuggestionKind>(), shownWords);
        Assert.All(Copilot.Api.Assist.AssistShown.Kinds.Select(Wire.Name), k => Assert.Contains(k, shownWords));
        Assert.Equal(Copilot.Api.Rewrite.RewritePrompt.Actions.Keys, Enum(schemas["RewriteRequest"]!["properties"]!["action"]));
        // Enums the API writes are strings; a nullable one is nullable where it is used, not in its words.
        foreach (var name in new[] { "CommitmentKind", "DraftFlagCode", "MatchStatus" })
        {
            Assert.Equal("string", (string?)schemas[name]!["type"]);
            Assert.DoesNotContain(null, schemas[name]!["enum"]!.AsArray());
        }
        // Only what a request must carry is required.
        Assert.Equal(["eventId", "outcome"], schemas["FeedbackRequest"]!["required"]!.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal));
        Assert.Null(schemas["DraftRequest"]!["required"]);
        // The problems the sidebar tells apart from a passing failure are in the document.
        var feedback = document["paths"]!["/api/suggestions/{id}/feedback"]!["post"]!["responses"]!.AsObject();
        Assert.Contains("404", feedback.Select(r => r.Key));
        Assert.Contains("409", feedback.Select(r => r.Key));
        var shown = document["paths"]!["/api/tickets/{id}/assist/{assistId}/shown"]!["post"]!["responses"]!.AsObject();
        Assert.Contains("409", shown.Select(r => r.Key));
    }

    [Fact]
    public void SuggestionKindConstantsAreTheVocabularysWords()
    {
        var constants = typeof(SuggestionKinds).GetFields().Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal);
        Assert.Equal(Wire.AllNames<SuggestionKind>().Order(StringComparer.Ordinal), constants);
    }

    /// <summary>
    /// Fails when the backend's document changed and the sidebar's copy was not regenerated: run
    /// <c>npm run api:types</c> in sidebar-app (it sets COPILOT_WRITE_OPENAPI and runs this test, then openapi-typescript).
    /// </summary>
    [Fact]
    public async Task TheSidebarsCopyOfTheOpenApiDocumentIsTheBackends()
    {
        var served = (await DocumentAsync()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("COPILOT_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedDocument, served);
        }
        Assert.True(File.Exists(CommittedDocument), $"{CommittedDocument} is missing: run `npm run api:types` in sidebar-app.");
        var committed = await File.ReadAllTextAsync(CommittedDocument);
        Assert.True(committed.ReplaceLineEndings("\n") == served,
            "sidebar-app/src/lib/api/openapi.json differs from the backend's /openapi/v1.json: run `npm run api:types` in sidebar-app and commit the result.");
    }

    /// <summary>The served document, without its <c>servers</c> (the test host's random port).</summary>
    public static async Task<JsonObject> DocumentAsync()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var document = JsonNode.Parse(await host.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        document.Remove("servers");
        return document;
    }

    private static IEnumerable<string> Enum(JsonNode? schema) => schema!["enum"]!.AsArray().Select(n => (string)n!);

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Copilot.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Copilot.sln not found above the test's directory.");
    }
}

using System.Text.Json;
using Copilot.Api.Vocabulary;

namespace Copilot.Tests.Vocabulary;

/// <summary>
/// The edit-size vectors both test suites read (tests/vectors/edit-size.json; the sidebar's in
/// sidebar-app/test/edit-size-vectors.test.ts): the backend counts words, distance and ratio exactly as listed.
/// </summary>
public sealed class EditSizeVectorTests
{
    public static TheoryData<string> Cases() => [.. Vectors().Select(v => v.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheBackendMeasuresEachSharedVectorAsListed(string name)
    {
        var v = Vectors().Single(c => c.GetProperty("name").GetString() == name);
        var (suggested, sent) = (v.GetProperty("suggested").GetString()!, v.GetProperty("sent").GetString()!);
        Assert.Equal(Strings(v, "suggestedWords"), EditSize.Words(suggested));
        Assert.Equal(Strings(v, "sentWords"), EditSize.Words(sent));
        var result = EditSize.Measure(suggested, sent);
        Assert.Equal(v.GetProperty("distance").GetInt32(), result.Distance);
        Assert.Equal(v.GetProperty("ratio").GetDouble(), result.Ratio);
    }

    [Fact]
    public void EachRatioFallsInTheBucketItsBoundsName()
    {
        Assert.Equal(EditBucket.Under10, EditBuckets.Of(0.0999));
        Assert.Equal(EditBucket.From10To25, EditBuckets.Of(0.10));
        Assert.Equal(EditBucket.From25To50, EditBuckets.Of(0.25));
        Assert.Equal(EditBucket.From50, EditBuckets.Of(0.50));
        Assert.Equal(EditBucket.From50, EditBuckets.Of(1));
    }

    private static IEnumerable<JsonElement> Vectors()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "edit-size.json")));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static IEnumerable<string> Strings(JsonElement v, string property) =>
        v.GetProperty(property).EnumerateArray().Select(e => e.GetString()!);
}

using System.Buffers;
using Copilot.Api.Assist;
using Copilot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Copilot.Tests.Assist;

/// <summary>An assist read back from Redis by another instance is the assist that was computed: every field, the same answer.</summary>
public sealed class AssistEntrySerializerTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    [Fact]
    public async Task AComputedAssistComesBackFromItsSerializedFormUnchanged()
    {
        var cache = fixture.Host.Services.GetRequiredService<AssistCache>();
        var json = fixture.Host.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var serializer = new AssistEntrySerializer();
        var tickets = new long[] { 101, 103, 110, 122, 127, 131, 149 };
        var contexts = new List<AssistContext>();
        foreach (var ticket in tickets)
        {
            using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist"));
            response.EnsureSuccessStatusCode();
            contexts.Add((await cache.GetLastAsync(CopilotTestHost.TenantId, ticket))!);
        }
        // The sample holds what an assist can carry: found sources with their scores, and a rule that fired.
        Assert.Contains(contexts, c => c.Articles.Count > 0 && c.Macros.Count > 0);
        Assert.Contains(contexts, c => c.Warnings.Count > 0);

        foreach (var context in contexts)
        {
            var entry = new AssistEntry(context, DateTimeOffset.UtcNow.AddMinutes(10), Invalidated: false, AssistEntry.NewStamp());
            var written = new ArrayBufferWriter<byte>();
            serializer.Serialize(entry, written);
            var read = serializer.Deserialize(new ReadOnlySequence<byte>(written.WrittenMemory));
            var again = new ArrayBufferWriter<byte>();
            serializer.Serialize(read, again);

            Assert.Equal(written.WrittenSpan.ToArray(), again.WrittenSpan.ToArray());
            Assert.Equal((entry.FreshUntil, entry.Invalidated, entry.Stamp), (read.FreshUntil, read.Invalidated, read.Stamp));
            Assert.True(read.Context.ShowsTheSameAs(context));
            Assert.Equal(context.AssistId, read.Context.AssistId);
            // The sidebar gets the same bytes from either instance.
            Assert.Equal(context.ToResponse(cached: true) is var r ? System.Text.Json.JsonSerializer.Serialize(r, json) : null,
                System.Text.Json.JsonSerializer.Serialize(read.Context.ToResponse(cached: true), json));
        }
    }
}

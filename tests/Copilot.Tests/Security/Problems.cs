using System.Net;
using System.Text.Json;

namespace Copilot.Tests.Security;

internal static class Problems
{
    /// <summary>The answer is the given 4xx status as problem+json whose body names the same status.</summary>
    public static async Task AssertAsync(HttpResponseMessage response, HttpStatusCode status, string because)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{because}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{because}: not problem+json but '{response.Content.Headers.ContentType}'");
        Assert.Equal((int)status, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }
}

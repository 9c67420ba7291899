using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Copilot.Api.Hosting;
using Copilot.Api.Knowledge;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Security;

/// <summary>Requests too large for the server's limits get problem+json, as every other error does.</summary>
public sealed class RequestLimitTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    [Fact]
    public async Task AUrlLongerThanTheLimitIs414ProblemJson()
    {
        using var response = await fixture.Client.GetAsync("/api/tickets/101/assist?pad=" + new string('a', RequestLimits.MaxTargetBytes));
        await Problems.AssertAsync(response, HttpStatusCode.RequestUriTooLong, "a 32 KB query string");
    }

    [Fact]
    public async Task HeadersLargerThanTheLimitAre431ProblemJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tickets/101/assist");
        request.Headers.Add("X-Pad", new string('a', RequestLimits.MaxHeaderBytes));
        using var response = await fixture.Client.SendAsync(request);
        await Problems.AssertAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "a 32 KB header");
    }

    [Fact]
    public async Task MoreHeadersThanTheLimitAre431ProblemJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tickets/101/assist");
        for (var i = 0; i <= RequestLimits.MaxHeaderCount; i++)
        {
            request.Headers.Add($"X-Pad-{i}", "a");
        }
        using var response = await fixture.Client.SendAsync(request);
        await Problems.AssertAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "101 headers");
    }

    [Theory]
    [InlineData("é")] // two UTF-8 bytes, six as sent
    [InlineData("語")] // three UTF-8 bytes, nine as sent: the longest any character gets
    [InlineData("a ")]
    public async Task AKnowledgeSearchQueryOfTheDocumentedLongestLengthIsAnswered(string unit)
    {
        var q = string.Concat(Enumerable.Repeat(unit, KnowledgeApi.MaxQueryLength / unit.Length));
        Assert.Equal(KnowledgeApi.MaxQueryLength, q.Length);

        using var longest = await SearchAsync(q);
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        Assert.Equal(q, (await longest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("query").GetString());

        using var tooLong = await SearchAsync(q + "x");
        await Problems.AssertAsync(tooLong, HttpStatusCode.BadRequest, "one character over the limit");
    }

    [Fact]
    public async Task ABodyWithBrokenChunkedEncodingIs400ProblemJson()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(fixture.Host.BaseUrl.Host, fixture.Host.BaseUrl.Port);
        var stream = socket.GetStream();
        var request = "POST /api/rewrite HTTP/1.1\r\n" +
            $"Host: {fixture.Host.BaseUrl.Authority}\r\n" +
            $"Authorization: Bearer {CopilotTestHost.MintToken()}\r\n" +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
            "zz\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
    }

    private Task<HttpResponseMessage> SearchAsync(string q) =>
        fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get,
            $"/api/admin/tenants/{CopilotTestHost.TenantId}/knowledge/search?k=3&q={Uri.EscapeDataString(q)}"));
}

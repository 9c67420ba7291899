using System.Net;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Operations;

/// <summary>The address the copilot listens on is the host's own setting: ASPNETCORE_URLS, as a container or service manager sets it.</summary>
public sealed class ListeningAddressTests
{
    [Fact]
    public async Task AspNetCoreUrlsFromTheEnvironmentIsWhereItListens()
    {
        var folder = Directory.CreateTempSubdirectory("copilot-urls-").FullName;
        try
        {
            await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["Copilot:Demo:Enabled"] = "false",
                ["Copilot:Store:Path"] = Path.Combine(folder, "copilot.db"),
            });

            Assert.Equal("127.0.0.1", api.BaseUrl.Host);
            using var live = await api.Client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            TestApp.DeleteDirectory(folder);
        }
    }
}

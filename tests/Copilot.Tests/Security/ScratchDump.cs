namespace Copilot.Tests.Security;
public sealed class ScratchDump(SecurityFixture fixture) : IClassFixture<SecurityFixture>
{
    [Fact]
    public async Task Dump()
    {
        File.WriteAllText("/tmp/sec/openapi.json", await fixture.Client.GetStringAsync("/openapi/v1.json"));
        File.WriteAllLines("/tmp/sec/routes.txt", HostRoute.Of(fixture.Host.Services).Select(r => $"{r} auth={r.RequiresAuthorization} described={r.Described}"));
    }
}

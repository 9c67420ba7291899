using Copilot.Api.Sidebar;
using Copilot.Api.Tenants;
using Microsoft.Extensions.Options;

namespace Copilot.Tests.Sidebar;

public class SessionTokensTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Monitor(SidebarOptions value) : IOptionsMonitor<SidebarOptions>
    {
        public SidebarOptions CurrentValue => value;
        public SidebarOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<SidebarOptions, string?> listener) => null;
    }

    private static (SessionTokens Sessions, Tenant Tenant, Clock Clock) Create()
    {
        var registry = new TenantRegistry(Options.Create(new CopilotOptions()));
        var tenant = registry.Add("acme", new TenantOptions
        {
            BaseUrl = "https://acme.zendesk.com", Email = "bot@acme.example", ApiToken = "token",
            SharedSecret = "acme-shared-secret-0123456789-abcdefghij",
        });
        var clock = new Clock(DateTimeOffset.UtcNow);
        return (new SessionTokens(registry, new Monitor(new SidebarOptions()), clock), tenant, clock);
    }

    [Fact]
    public async Task ASessionRememberedAfterItsFirstCheckStillExpires()
    {
        var (sessions, tenant, clock) = Create();
        var (token, _) = sessions.Issue(tenant, "2001", "Sam", AgentRoles.Agent, clock.Now);

        Assert.Equal("2001", (await sessions.ValidateAsync(token))?.AgentId);
        Assert.Equal("2001", (await sessions.ValidateAsync(token))?.AgentId);

        clock.Now = clock.Now.AddMinutes(new SidebarOptions().SessionMinutes + 1);
        Assert.Null(await sessions.ValidateAsync(token));
    }

    [Fact]
    public async Task AnAlteredSessionIsNotTakenForTheRememberedOne()
    {
        var (sessions, tenant, clock) = Create();
        var (token, _) = sessions.Issue(tenant, "2001", "Sam", AgentRoles.Agent, clock.Now);
        Assert.NotNull(await sessions.ValidateAsync(token));

        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        var forged = $"{parts[0]}.{parts[1]}.{new string(signature)}";
        Assert.Null(await sessions.ValidateAsync(forged));
    }
}

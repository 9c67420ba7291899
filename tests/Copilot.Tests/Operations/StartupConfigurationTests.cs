using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Configuration;
using Copilot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Operations;

/// <summary>
/// The real host started with one malformed setting of each kind: it refuses to start, writes one line
/// naming the key and what is wrong with its value, and has touched nothing (no store file).
/// </summary>
public sealed class StartupConfigurationTests
{
    private const string Tenant = "Copilot:Tenants:acme:";

    [Theory]
    [InlineData(Tenant + "RedactPii", "maybe", "'maybe' is not true or false")]
    [InlineData(Tenant + "SyncIntervalMinutes", "abc", "'abc' is not a whole number")]
    [InlineData(Tenant + "SyncIntervalMinutes", "-5", "must be 0 (no background sync) or 1 to 10080 minutes (was -5)")]
    [InlineData(Tenant + "IntentConfidenceFloor", "high", "'high' is not a number")]
    [InlineData(Tenant + "TriageFields:IntentFieldId", "billing", "'billing' is not a whole number")]
    [InlineData(Tenant + "TriageFields:IntentFieldId", "-3", "IntentFieldId must be a ticket field id")]
    [InlineData(Tenant + "TriageFields:IntentTags:billing", "two tags", "IntentTags:billing must be one tag")]
    [InlineData(Tenant + "CitationStyle", "footnote", "'footnote' is not one of link, title, none")]
    [InlineData(Tenant + "CitationStyle", "7", "must be link, title or none")]
    [InlineData(Tenant + "IntentConfidenceFloor", "1.5", "must be between 0 and 1")]
    [InlineData("Copilot:Zendesk:Timeout", "soon", "'soon' is not a time span")]
    [InlineData("Copilot:RateLimits:Window", "-00:01:00", "must be longer than zero")]
    [InlineData("Copilot:Telemetry:ConsoleLogFormat", "xml", "'xml' is not one of simple, json")]
    [InlineData(Tenant + "Model:Provider", "gpt-cloud", "must be one of offline, openai, azure-openai, openai-compatible (was 'gpt-cloud')")]
    [InlineData(Tenant + "BaseUrl", "acme.zendesk.com", "must be an absolute https URL")]
    [InlineData(Tenant + "BaseUrl", "https://agent%40acme.com:s3cret-token@acme.zendesk.com", "must not hold a user name or password")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "localhost:4317", "must be an absolute http(s) URL")]
    [InlineData("Sidebar:Tenants:acme:AppId", "twelve", "'twelve' is not a whole number")]
    [InlineData("Copilot:Assist:CacheMinutes", "-1", "must be between 0 and 1440")]
    [InlineData("Copilot:Demo:Enabled", "maybe", "'maybe' is not true or false")]
    [InlineData(Tenant + "RedactPI", "false", "is not a setting (did you mean RedactPii?)")]
    [InlineData(Tenant + "Helpdesk", "helpscout", "must be 'zendesk' or 'freshdesk' (was 'helpscout')")]
    [InlineData(Tenant + "ApiKey", "fd-key", "ApiKey is a Freshdesk credential")]
    [InlineData("Copilot:Freshdesk:RateLimitShare", "most", "'most' is not a number")]
    [InlineData("Copilot:Store:Provider", "mysql", "'mysql' is not one of sqlite, postgres")]
    [InlineData("Copilot:Redis:Configuration", "localhost:6379,abortConnect=maybe", "Copilot:Redis:Configuration cannot be read")]
    [InlineData("Copilot:Redis:Configuration", ",password=s3cret", "Copilot:Redis:Configuration names no server")]
    [InlineData("Copilot:Redis:KeyPrefix", "my app:", "KeyPrefix must be 1 to 64 characters without spaces")]
    [InlineData("Copilot:Actions:Tenants:acme:Lookups:orders:Url", "https://shop.attacker.example/api/orders", "calls shop.attacker.example, which is not in Copilot:Actions:Tenants:acme:AllowedHosts")]
    [InlineData("Copilot:Actions:Tenants:acme:Lookups:orders:Url", "http://shop.example/api/orders", "must be an absolute https URL (http only for loopback)")]
    public async Task AMalformedSettingStopsStartUpWithOneLineNamingItsKey(string key, string value, string problem)
    {
        var (lines, exitCode, storeCreated) = await StartAsync(new() { [key] = value });

        var line = Assert.Single(lines);
        Assert.StartsWith("Configuration error: ", line);
        Assert.Contains(key, line);
        Assert.Contains(problem, line);
        Assert.Equal(StartupCheck.ConfigurationErrorExitCode, exitCode);
        Assert.False(storeCreated);
    }

    [Fact]
    public async Task AMalformedRedisConnectionStringIsReportedWithoutItsPassword()
    {
        var (lines, exitCode, storeCreated) = await StartAsync(new() { ["Copilot:Redis:Configuration"] = "localhost:6379,password=hunter2-secret,abortConnect=maybe" });

        var line = Assert.Single(lines);
        Assert.Contains("Copilot:Redis:Configuration", line);
        Assert.DoesNotContain("hunter2-secret", line);
        Assert.Equal(StartupCheck.ConfigurationErrorExitCode, exitCode);
        Assert.False(storeCreated);
    }

    [Theory]
    [InlineData("acme", "TeamLeadRoleIds", "43000000110", "names Freshdesk roles; tenant 'acme' is a Zendesk account")]
    [InlineData("desk", "TeamLeadCustomRoleIds", "77", "names Zendesk custom roles; tenant 'desk' is a Freshdesk account")]
    [InlineData("desk", "TeamLeadRoleIds", "-4", "hold role ids: positive numbers")]
    public async Task ATeamLeadRoleSettingTheTenantsHelpdeskDoesNotReadStopsStartUp(string tenant, string setting, string value, string problem)
    {
        var (lines, exitCode, _) = await StartAsync(new()
        {
            ["Copilot:Tenants:desk:Helpdesk"] = "freshdesk",
            ["Copilot:Tenants:desk:BaseUrl"] = "https://desk.freshdesk.com",
            ["Copilot:Tenants:desk:ApiKey"] = "fd-key",
            ["Copilot:Tenants:desk:SharedSecret"] = CopilotTestHost.SharedSecret,
            ["Copilot:Tenants:desk:SyncIntervalMinutes"] = "0",
            [$"Sidebar:Tenants:{tenant}:{setting}:0"] = value,
        });

        var line = Assert.Single(lines);
        Assert.Contains($"Sidebar:Tenants:{tenant}:{setting}", line);
        Assert.Contains(problem, line);
        Assert.Equal(StartupCheck.ConfigurationErrorExitCode, exitCode);
    }

    [Theory]
    [InlineData("desk", "IntentFieldId", "360001", "IntentFieldId is a Zendesk field's id; a Freshdesk tenant names its intent field in Copilot:Tenants:desk:TriageFields:IntentFieldName")]
    [InlineData("acme", "IntentFieldName", "cf_intent", "IntentFieldName is a Freshdesk field's name; a Zendesk tenant gives its intent field's id in Copilot:Tenants:acme:TriageFields:IntentFieldId")]
    [InlineData("desk", "IntentFieldName", "Intent", "IntentFieldName must be a Freshdesk custom field's name as its API gives it: 'cf_'")]
    [InlineData("desk", "IntentFieldName", "cf_intent field", "IntentFieldName must be a Freshdesk custom field's name as its API gives it: 'cf_'")]
    public async Task AnIntentFieldNamedTheOtherHelpdesksWayOrMalformedStopsStartUp(string tenant, string setting, string value, string problem)
    {
        var (lines, exitCode, storeCreated) = await StartAsync(new()
        {
            ["Copilot:Tenants:desk:Helpdesk"] = "freshdesk",
            ["Copilot:Tenants:desk:BaseUrl"] = "https://desk.freshdesk.com",
            ["Copilot:Tenants:desk:ApiKey"] = "fd-key",
            ["Copilot:Tenants:desk:SharedSecret"] = CopilotTestHost.SharedSecret,
            ["Copilot:Tenants:desk:SyncIntervalMinutes"] = "0",
            [$"Copilot:Tenants:{tenant}:TriageFields:{setting}"] = value,
        });

        var line = Assert.Single(lines);
        Assert.Contains($"Copilot:Tenants:{tenant}:TriageFields:{setting}", line);
        Assert.Contains(problem, line);
        Assert.Equal(StartupCheck.ConfigurationErrorExitCode, exitCode);
        Assert.False(storeCreated);
    }

    [Fact]
    public async Task EachHelpdesksOwnIntentFieldPassesTheCheck()
    {
        var settings = Settings();
        settings["Copilot:Store:Path"] = Path.Combine(Path.GetTempPath(), $"copilot-config-{Guid.NewGuid():N}.db");
        settings["Copilot:Tenants:desk:Helpdesk"] = "freshdesk";
        settings["Copilot:Tenants:desk:BaseUrl"] = "https://desk.freshdesk.com";
        settings["Copilot:Tenants:desk:ApiKey"] = "fd-key";
        settings["Copilot:Tenants:desk:SharedSecret"] = CopilotTestHost.SharedSecret;
        settings["Copilot:Tenants:desk:SyncIntervalMinutes"] = "0";
        settings["Copilot:Tenants:desk:TriageFields:IntentFieldName"] = "cf_intent";
        settings[Tenant + "TriageFields:IntentFieldId"] = "360001";
        await using var app = Program.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(settings);
        });

        Assert.Empty(StartupCheck.Problems(app.Services));
    }

    [Theory]
    [InlineData(null, "Copilot:Store:ConnectionString is required when Copilot:Store:Provider is postgres")]
    [InlineData("Host=db.internal;Databse=copilot;Password=s3cret-pw", "Copilot:Store:ConnectionString is not a PostgreSQL connection string Npgsql can read")]
    [InlineData("Host=db.internal;Port=fivefourthreetwo;Password=s3cret-pw", "Copilot:Store:ConnectionString is not a PostgreSQL connection string Npgsql can read")]
    [InlineData("Username=copilot;Password=s3cret-pw", "Copilot:Store:ConnectionString must name Host and Database")]
    public async Task APostgresStoreNeedsAConnectionStringNpgsqlReadsAndItsPasswordIsNeverShown(string? connectionString, string problem)
    {
        var (lines, exitCode, storeCreated) = await StartAsync(new()
        {
            ["Copilot:Store:Provider"] = "postgres",
            ["Copilot:Store:ConnectionString"] = connectionString,
        });

        var line = Assert.Single(lines);
        Assert.Contains(problem, line);
        Assert.DoesNotContain("s3cret", line);
        Assert.Equal(StartupCheck.ConfigurationErrorExitCode, exitCode);
        Assert.False(storeCreated);
    }

    [Fact]
    public async Task AMisspeltTenantsSectionStopsStartUpInsteadOfLosingTheTenant()
    {
        var (lines, _, _) = await StartAsync(new() { ["Copilot:Tenant:billing:BaseUrl"] = "https://billing.zendesk.com" });

        Assert.Equal("Configuration error: Copilot:Tenant is not a setting (did you mean Tenants?).", Assert.Single(lines));
    }

    [Fact]
    public async Task EveryProblemIsReportedAtOnceOneLineEach()
    {
        var (lines, _, _) = await StartAsync(new()
        {
            ["Copilot:Zendesk:MaxRetries"] = "three",
            ["Copilot:Knowledge:OfflineEmbeddings"] = "sometimes",
            [Tenant + "SyncIntervalMinutes"] = "-1",
            ["Copilot:Analytics:EditedSavingsFactor"] = "2",
        });

        Assert.Equal(4, lines.Count);
        Assert.Contains(lines, l => l.Contains("Copilot:Zendesk:MaxRetries: 'three' is not a whole number"));
        Assert.Contains(lines, l => l.Contains("Copilot:Knowledge:OfflineEmbeddings: 'sometimes' is not true or false"));
        Assert.Contains(lines, l => l.Contains(Tenant + "SyncIntervalMinutes must be 0"));
        Assert.Contains(lines, l => l.Contains("Copilot:Analytics:EditedSavingsFactor: The field EditedSavingsFactor must be between 0 and 1."));
        Assert.DoesNotContain(lines, l => l.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownBuiltInModelStopsStartUpNamingTheModelsThereAre()
    {
        var (lines, exitCode, _) = await StartAsync(new() { ["Copilot:Knowledge:OfflineModel"] = "bge-small" });

        var line = Assert.Single(lines);
        Assert.Contains("Copilot:Knowledge:OfflineModel", line);
        Assert.Contains("all-minilm-l6-v2 or arctic-embed-xs", line);
        Assert.Equal(StartupCheck.ConfigurationErrorExitCode, exitCode);
    }

    [Fact]
    public async Task AValidConfigurationServesEveryTenant()
    {
        await using var app = await new TestHostBuilder().WithSettings(Settings()).StartAsync();
        using var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/tenants");
        request.Headers.Add("X-Admin-Key", CopilotTestHost.AdminKey);

        using var response = await http.SendAsync(request);

        response.EnsureSuccessStatusCode();
        var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.Equal(["acme", "other"], ids);
        Assert.Empty(StartupCheck.Problems(app.Services));
    }

    [Fact]
    public async Task EveryOptionsSectionOfTheApiIsChecked()
    {
        await using var app = Program.Build([], b => b.Configuration.AddInMemoryCollection(Settings()));
        var checkedTypes = app.Services.GetServices<CheckedSection>().Select(s => s.Type).ToHashSet();

        var sections = typeof(Program).Assembly.GetTypes()
            .Where(t => t.GetField("Section", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static) is { IsLiteral: true });

        Assert.All(sections, t => Assert.Contains(t, checkedTypes));
        Assert.Contains(typeof(Copilot.Connectors.Zendesk.ZendeskClientOptions), checkedTypes);
    }

    /// <summary>Runs the host as <c>Main</c> does; a configuration that passes would block, so that is a failure here.</summary>
    private static async Task<(List<string> Lines, int ExitCode, bool StoreCreated)> StartAsync(Dictionary<string, string?> overrides)
    {
        var directory = Directory.CreateTempSubdirectory("copilot-config-").FullName;
        try
        {
            var settings = Settings();
            settings["Copilot:Store:Path"] = Path.Combine(directory, "copilot.db");
            foreach (var (key, value) in overrides)
            {
                settings[key] = value;
            }
            await using var app = Program.Build([], b =>
            {
                b.WebHost.UseUrls("http://127.0.0.1:0");
                b.Configuration.AddInMemoryCollection(settings);
            });
            Assert.NotEmpty(StartupCheck.Problems(app.Services));
            using var error = new StringWriter();

            var exitCode = app.RunOrExplain(error);

            // Started any other way, the host refuses too.
            await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
            var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).ToList();
            return (lines, exitCode, File.Exists(Path.Combine(directory, "copilot.db")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Logging:LogLevel:Default"] = "None",
        ["Copilot:AdminKey"] = CopilotTestHost.AdminKey,
        ["Copilot:Demo:Enabled"] = "false",
        [Tenant + "BaseUrl"] = "https://acme.zendesk.com",
        [Tenant + "Email"] = "bot@acme.example",
        [Tenant + "ApiToken"] = "token",
        [Tenant + "SharedSecret"] = CopilotTestHost.SharedSecret,
        [Tenant + "SyncIntervalMinutes"] = "0",
        ["Copilot:Tenants:other:BaseUrl"] = "https://other.zendesk.com",
        ["Copilot:Tenants:other:OAuthToken"] = "oauth-token",
        ["Copilot:Tenants:other:SharedSecret"] = CopilotTestHost.OtherSharedSecret,
        ["Copilot:Tenants:other:SyncIntervalMinutes"] = "0",
    };
}

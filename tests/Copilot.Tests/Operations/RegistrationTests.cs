using Copilot.Api.Configuration;
using Copilot.Api.Hosting;
using Copilot.Api.Knowledge;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Copilot.Tests.Operations;

/// <summary>
/// No registration silently replaces another: a service the application owns is registered once, so the
/// order of the <c>AddXxx()</c> calls in <c>Program.cs</c> never decides which implementation runs.
/// </summary>
public sealed class RegistrationTests
{
    /// <summary>Our services that are many by design, each resolved as a list.</summary>
    private static readonly Type[] ManyByDesign =
    [
        typeof(DescribedScheme),        // one per way of proving the caller, listed in the OpenAPI document
        typeof(CheckedSection),         // one per options section checked at start
        typeof(ISolvedTicketsObserver), // whoever learns from solved tickets
    ];

    /// <summary>Framework services whose one implementation the application chooses.</summary>
    private static readonly Type[] ChosenFrameworkServices = [typeof(TimeProvider), typeof(ILoggerFactory)];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NoServiceTheAppOwnsIsRegisteredTwice(bool demo)
    {
        IServiceCollection? services = null;
        var directory = Directory.CreateTempSubdirectory("copilot-registrations-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Copilot:Store:Path"] = Path.Combine(directory, "copilot.db"),
            ["Copilot:Demo:Enabled"] = demo ? "true" : "false",
        };
        if (!demo)
        {
            settings["Copilot:Tenants:acme:BaseUrl"] = "http://127.0.0.1:9";
            settings["Copilot:Tenants:acme:Email"] = "bot@acme.example";
            settings["Copilot:Tenants:acme:ApiToken"] = "token";
            settings["Copilot:Tenants:acme:SharedSecret"] = "acme-shared-secret-0123456789-abcdefghij";
        }
        await using (Program.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            services = b.Services;
        }))
        {
            var twice = services!
                .Where(d => !d.IsKeyedService && Owned(d.ServiceType) && !ManyByDesign.Contains(d.ServiceType))
                .GroupBy(d => d.ServiceType)
                .Where(g => g.Count() > 1)
                .Select(g => $"{g.Key.Name} ×{g.Count()}")
                .ToList();

            Assert.True(twice.Count == 0, "Registered more than once (a later one replaces an earlier): " + string.Join(", ", twice));
        }
        Directory.Delete(directory, recursive: true);
    }

    private static bool Owned(Type type) =>
        type.Assembly.GetName().Name?.StartsWith("Copilot.", StringComparison.Ordinal) == true || ChosenFrameworkServices.Contains(type);
}

using Copilot.Api.Configuration;

namespace Copilot.Api.Store;

public static class StoreExtensions
{
    public static WebApplicationBuilder AddCopilotStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<StoreOptions>(StoreOptions.Section);
        builder.Services.AddSingleton<Db>();
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddHostedService<MigrationHostedService>();
        return builder;
    }

    /// <summary>Migrations run before the server accepts requests: IHostedService.StartAsync runs before Kestrel starts.</summary>
    private sealed class MigrationHostedService(Migrator migrator) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

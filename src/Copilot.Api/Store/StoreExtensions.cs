using Copilot.Api.Configuration;
using Copilot.Api.Store.Postgres;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Store;

public static class StoreExtensions
{
    public static WebApplicationBuilder AddCopilotStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<StoreOptions>(StoreOptions.Section);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, StoreSettingsValidator>());
        builder.Services.AddSingleton<Db>();
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddSingleton<StoreChanges>();
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddHostedService<PostgresListenerService>();
        return builder;
    }

    /// <summary>Migrations run before the server accepts requests: IHostedService.StartAsync runs before Kestrel starts.</summary>
    private sealed class MigrationHostedService(Migrator migrator) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Hears other instances' changes on PostgreSQL (<see cref="PostgresListener"/>); nothing to hear on SQLite.</summary>
    private sealed class PostgresListenerService(Db db, StoreChanges changes, ILogger<PostgresListener> logger, TimeProvider time) : IHostedService
    {
        private PostgresListener? _listener;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (db.Dialect.IsPostgres)
            {
                _listener = new PostgresListener(db, changes, logger, time);
                return _listener.StartAsync(cancellationToken);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => _listener?.StopAsync(cancellationToken) ?? Task.CompletedTask;
    }
}

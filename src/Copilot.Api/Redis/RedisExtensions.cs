using Copilot.Api.Configuration;

namespace Copilot.Api.Redis;

public static class RedisExtensions
{
    /// <summary>
    /// The Redis instances share (<c>Copilot:Redis</c>), checked at start-up and connected in the background once the host
    /// starts: an instance starts and serves without it. The helpdesk holds are shared through it (<see cref="SharedHelpdeskHolds"/>);
    /// its readiness entry is <c>Health/</c>'s (<see cref="RedisHealthCheck"/>).
    /// </summary>
    public static WebApplicationBuilder AddRedis(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<RedisOptions>(RedisOptions.Section);
        builder.Services.AddSingleton<SharedRedis>();
        builder.Services.AddSingleton<SharedLeases>();
        builder.Services.AddHostedService<SharedHelpdeskHolds>();
        builder.Services.AddHostedService<RedisConnector>();
        return builder;
    }

    private sealed class RedisConnector(SharedRedis redis) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            redis.Start();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

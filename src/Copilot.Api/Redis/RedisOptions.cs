using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace Copilot.Api.Redis;

/// <summary>
/// The <c>Copilot:Redis</c> section: the Redis that several instances of the copilot share. Without
/// <see cref="Configuration"/> the instance keeps everything in its own memory and the store, as a single
/// instance does.
/// </summary>
public sealed class RedisOptions : IValidatableObject
{
    public const string Section = "Copilot:Redis";

    /// <summary>A StackExchange.Redis connection string, such as <c>redis.internal:6379,password=…</c>; absent: no Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>Put before every key and channel, so that deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "copilot:";

    public bool Configured => !string.IsNullOrWhiteSpace(Configuration);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(KeyPrefix) || KeyPrefix.Length > 64 || KeyPrefix.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            yield return new ValidationResult($"{Section}:KeyPrefix must be 1 to 64 characters without spaces, such as copilot: (was '{KeyPrefix}').", [nameof(KeyPrefix)]);
        }
        if (!Configured)
        {
            yield break;
        }
        // The value is never echoed: a connection string may hold a password.
        string? problem;
        try
        {
            var parsed = ConfigurationOptions.Parse(Configuration!);
            problem = parsed.EndPoints.Count == 0 ? "names no server" : null;
        }
        catch (ArgumentException e)
        {
            problem = $"cannot be read ({e.Message.Split('\n')[0].Replace(Configuration!, "…", StringComparison.Ordinal)})";
        }
        if (problem is not null)
        {
            yield return new ValidationResult(
                $"{Section}:Configuration {problem}: give a StackExchange.Redis connection string such as localhost:6379 or redis.internal:6379,password=….",
                [nameof(Configuration)]);
        }
    }
}

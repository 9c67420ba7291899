using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Configuration;

/// <summary>A configuration section and the options type that reads it, checked before the host serves.</summary>
public sealed record CheckedSection(string Path, Type Type);

public static class CheckedOptions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/> and validates it at start-up: the values
    /// must convert (<see cref="ConfigurationCheck"/>), then the data annotations must hold; each problem names its key.
    /// </summary>
    public static OptionsBuilder<T> AddCheckedOptions<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddConfigurationCheck<T>(section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new KeyedAnnotations<T>(section)));
        return services.AddOptions<T>().BindConfiguration(section);
    }

    /// <summary>
    /// Checks <paramref name="section"/> against <typeparamref name="T"/> at start-up, for a type whose binding
    /// is registered elsewhere: the check is put first among <typeparamref name="T"/>'s configuration steps,
    /// so a malformed value is reported by key instead of thrown by the binder (or, in a dictionary, dropped).
    /// </summary>
    public static IServiceCollection AddConfigurationCheck<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton(new CheckedSection(section, typeof(T)));
        services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<T>>(sp =>
            new SectionCheck<T>(section, sp.GetRequiredService<IConfiguration>(), sp.GetServices<CheckedSection>().ToList())));
        services.AddOptions<T>().ValidateOnStart();
        return services;
    }

    private sealed class SectionCheck<T>(string section, IConfiguration configuration, IReadOnlyList<CheckedSection> sections) : IConfigureOptions<T>
        where T : class
    {
        public void Configure(T options)
        {
            var problems = ConfigurationCheck.Problems(configuration.GetSection(section), typeof(T), OwnedElsewhere);
            if (problems.Count > 0)
            {
                throw new OptionsValidationException(section, typeof(T), problems);
            }
        }

        private bool OwnedElsewhere(string path) => sections.Any(s => !string.Equals(s.Path, section, StringComparison.OrdinalIgnoreCase)
            && (string.Equals(s.Path, path, StringComparison.OrdinalIgnoreCase) || s.Path.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Data annotations, each failure written with its full key (<c>Copilot:Assist:CacheMinutes: …</c>).</summary>
    private sealed class KeyedAnnotations<T>(string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            if (name != Options.DefaultName)
            {
                return ValidateOptionsResult.Skip;
            }
            var results = new List<ValidationResult>();
            return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(results.Select(Line));
        }

        private string Line(ValidationResult result) =>
            result.ErrorMessage is { } message && message.StartsWith(section, StringComparison.OrdinalIgnoreCase) ? message
            : result.MemberNames.Any() ? $"{section}:{string.Join(", ", result.MemberNames)}: {result.ErrorMessage}"
            : $"{section}: {result.ErrorMessage}";
    }
}

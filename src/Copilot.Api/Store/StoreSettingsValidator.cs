using Microsoft.Extensions.Options;
using Npgsql;

namespace Copilot.Api.Store;

/// <summary>
/// A PostgreSQL store needs a connection string Npgsql can read, naming a host and a database. What is wrong is said
/// by key and keyword, never with the value: it holds a password.
/// </summary>
internal sealed class StoreSettingsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        if (options.Provider != StoreProvider.Postgres)
        {
            return ValidateOptionsResult.Success;
        }
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{StoreOptions.ConnectionStringKey} is required when {StoreOptions.Section}:Provider is postgres (set it in the environment as Copilot__Store__ConnectionString).");
        }
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return ValidateOptionsResult.Fail($"{StoreOptions.ConnectionStringKey} is not a PostgreSQL connection string Npgsql can read (Host=…;Database=…;Username=…;Password=…): {Reason(e)}");
        }
        var missing = new[] { ("Host", parsed.Host), ("Database", parsed.Database) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        return missing.Count > 0
            ? ValidateOptionsResult.Fail($"{StoreOptions.ConnectionStringKey} must name {string.Join(" and ", missing)}.")
            : ValidateOptionsResult.Success;
    }

    /// <summary>Npgsql names the keyword it could not read; the value stays out of the message.</summary>
    private static string Reason(Exception e) =>
        e is ArgumentException { ParamName: { Length: > 0 } keyword } && !keyword.Contains('=', StringComparison.Ordinal)
            ? $"'{keyword}' is not a keyword it knows or its value does not fit."
            : "it does not read as keyword=value pairs.";
}

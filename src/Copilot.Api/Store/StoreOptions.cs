using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.Store;

/// <summary>Where the store lives: an SQLite file on this machine, or a PostgreSQL database several instances share.</summary>
public enum StoreProvider
{
    Sqlite,
    Postgres,
}

public sealed class StoreOptions
{
    public const string Section = "Copilot:Store";
    public const string ConnectionStringKey = Section + ":ConnectionString";

    /// <summary><c>sqlite</c> (the default: one instance, one file) or <c>postgres</c> (<see cref="ConnectionString"/>).</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>Path of the SQLite file; relative paths are under the content root.</summary>
    [Required]
    public string Path { get; set; } = "copilot.db";

    /// <summary>
    /// The PostgreSQL connection string (Npgsql keywords: <c>Host=…;Database=…;Username=…;Password=…</c>); only read
    /// when <see cref="Provider"/> is <c>postgres</c>. It holds a password: set it in the environment
    /// (<c>Copilot__Store__ConnectionString</c>), not in a file.
    /// </summary>
    public string? ConnectionString { get; set; }
}

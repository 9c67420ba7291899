using System.Security.Cryptography;
using System.Text;

namespace Copilot.Api.Store;

/// <summary>
/// A migration whose SQL a feature generates from its C# definitions (the analytics rollup triggers from the
/// vocabulary), for each store from the same definitions. Its version is <see cref="Name"/> and a hash of the SQL
/// (<see cref="GeneratedMigrations.Version"/>), so a changed definition is a new migration and is applied once more;
/// its SQL must therefore be safe to apply again (drop and create).
/// </summary>
public interface IGeneratedMigration
{
    /// <summary>Where it falls among the migrations (<c>080_rollup_triggers</c>).</summary>
    string Name { get; }

    string Sql(StoreProvider provider);
}

public static class GeneratedMigrations
{
    public static string Version(this IGeneratedMigration migration, StoreProvider provider) =>
        migration.Name + "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(migration.Sql(provider))))[..12];
}

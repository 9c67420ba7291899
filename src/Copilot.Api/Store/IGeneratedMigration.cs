namespace Copilot.Api.Store;

/// <summary>
/// A migration whose SQL a feature generates from its C# definitions (the analytics rollup triggers from the
/// vocabulary). Its <see cref="Version"/> ends with a hash of the SQL, so a changed definition is a new migration
/// and is applied once more; its SQL must therefore be safe to apply again (drop and create).
/// </summary>
public interface IGeneratedMigration
{
    string Version { get; }

    string Sql { get; }
}

using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.Store;

public sealed class StoreOptions
{
    public const string Section = "Copilot:Store";

    /// <summary>Path of the SQLite file; relative paths are under the content root.</summary>
    [Required]
    public string Path { get; set; } = "copilot.db";
}

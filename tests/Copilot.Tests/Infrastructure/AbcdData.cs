namespace Copilot.Tests.Infrastructure;

/// <summary>
/// The ABCD dataset in the shared datasets folder beside the repository (read in place, never copied).
/// Tests that need it use <see cref="AbcdFactAttribute"/>, which skips them, saying why, when the folder is missing.
/// </summary>
public static class AbcdData
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Copilot.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", "abcd"));
            }
        }
        return "";
    }
}

public sealed class AbcdFactAttribute : FactAttribute
{
    public AbcdFactAttribute()
    {
        if (!File.Exists(Path.Combine(AbcdData.Folder, "abcd_train_first50.json")))
        {
            Skip = $"The ABCD dataset is not in the shared datasets folder ({(AbcdData.Folder.Length > 0 ? AbcdData.Folder : "../shared/datasets/abcd")}).";
        }
    }
}

using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace Copilot.Evaluation;

/// <summary>
/// The product as it was at an earlier commit, for side-by-side figures in the same run: that
/// commit's sources are exported with <c>git archive</c>, its Copilot.Api built once into the
/// temp folder (kept for later runs), and loaded beside the current one. Types of
/// Copilot.Connectors (threads, comments) are shared with the current build, so the same
/// thread objects feed both.
/// </summary>
public sealed class EarlierBuild(string commit, Assembly api)
{
    public string Commit { get; } = commit;

    public Assembly Api { get; } = api;

    /// <summary>The build of <paramref name="commit"/>, or null (with the reason on the console) when it cannot be made.</summary>
    public static EarlierBuild? Load(string commit)
    {
        var repo = Datasets.FindRepo();
        var root = Path.Combine(Path.GetTempPath(), "copilot-evaluation", commit);
        var dll = Path.Combine(root, "out", "Copilot.Api.dll");
        if (!File.Exists(dll))
        {
            Directory.CreateDirectory(root);
            var archive = Path.Combine(root, "source.tar");
            if (!Run("git", "-C", repo, "archive", "-o", archive, commit, "src", "Directory.Build.props", "Directory.Packages.props")
                || !Run("tar", "-xf", archive, "-C", root)
                || !Run("dotnet", "build", Path.Combine(root, "src", "Copilot.Api"), "-c", "Release", "-v", "q", "-o", Path.Combine(root, "out")))
            {
                Console.WriteLine($"Could not build commit {commit}; its row is left out.");
                return null;
            }
        }
        var context = new SharedConnectors(dll);
        return new EarlierBuild(commit, context.LoadFromAssemblyPath(dll));
    }

    private static bool Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        // Started from "dotnet run", the child would inherit the running build's MSBuild settings.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.WriteLine(output.Result + errors);
        }
        return process.ExitCode == 0;
    }

    /// <summary>Loads the earlier Copilot.Api and its private dependencies; Copilot.Connectors and the framework come from the current process.</summary>
    private sealed class SharedConnectors(string dll) : AssemblyLoadContext(isCollectible: false)
    {
        private readonly AssemblyDependencyResolver _resolver = new(dll);

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name is "Copilot.Connectors" || AssemblyLoadContext.Default.Assemblies.Any(a => a.GetName().Name == name.Name))
            {
                return null;
            }
            return _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
        }
    }
}

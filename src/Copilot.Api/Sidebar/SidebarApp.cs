using System.Net;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Sidebar;

/// <summary>
/// The built sidebar app (<c>sidebar-app/dist</c>): finds it, serves its assets, and renders
/// its pages with the session written in.
/// </summary>
public sealed class SidebarApp(IOptionsMonitor<SidebarOptions> options, IWebHostEnvironment environment)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The folder holding sidebar.html, or null when the app is not built.</summary>
    public string? Directory
    {
        get
        {
            if (options.CurrentValue.AppDirectory is { Length: > 0 } configured)
            {
                var full = Path.GetFullPath(configured, environment.ContentRootPath);
                return File.Exists(Path.Combine(full, "sidebar.html")) ? full : null;
            }
            foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "sidebar-app", "dist");
                    if (File.Exists(Path.Combine(candidate, "sidebar.html")))
                    {
                        return candidate;
                    }
                }
            }
            return null;
        }
    }

    public const string NotBuilt = "The sidebar app is not built. Run `npm ci && npm run build` in sidebar-app/, or set Sidebar:AppDirectory to the built folder.";

    /// <summary>A page with <c>%COPILOT_SESSION%</c> and <c>%COPILOT_HOST%</c> filled in (attribute-encoded).</summary>
    public async Task<string?> RenderAsync(string page, string session, string host, CancellationToken cancellationToken)
    {
        if (Directory is not { } dir)
        {
            return null;
        }
        var html = await File.ReadAllTextAsync(Path.Combine(dir, page), cancellationToken);
        return html
            .Replace("%COPILOT_SESSION%", WebUtility.HtmlEncode(session), StringComparison.Ordinal)
            .Replace("%COPILOT_HOST%", WebUtility.HtmlEncode(host), StringComparison.Ordinal);
    }

    /// <summary>A built asset under the app folder; null for anything outside it, or a page.</summary>
    public (string Path, string ContentType)? Asset(string relative)
    {
        if (Directory is not { } dir || string.IsNullOrEmpty(relative) || relative.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(dir, relative));
        if (!full.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            return null;
        }
        return (full, ContentTypes.TryGetContentType(full, out var type) ? type : "application/octet-stream");
    }
}

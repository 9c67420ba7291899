using System.Text.Json;
using System.Text.Json.Serialization;

namespace Copilot.Api.Replays.Report;

/// <summary>The report's JSON as a file: as the API serves it (camelCase), indented, nulls kept.</summary>
public static class ReplayReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

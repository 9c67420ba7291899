using System.Text.Json.Serialization;

namespace Copilot.Api.Vocabulary;

/// <summary>
/// The size classes of an edit by its <see cref="EditSize.Result.Ratio"/> (share of words changed): each bucket
/// holds ratios from its lower bound up to, not including, the next bucket's.
/// </summary>
public enum EditBucket
{
    [JsonStringEnumMemberName("0-10")] Under10,
    [JsonStringEnumMemberName("10-25")] From10To25,
    [JsonStringEnumMemberName("25-50")] From25To50,
    [JsonStringEnumMemberName("50+")] From50,
}

public static class EditBuckets
{
    /// <summary>Lower bound of each bucket's ratio, in the order of <see cref="EditBucket"/>.</summary>
    public static readonly IReadOnlyList<double> LowerBounds = [0, 0.10, 0.25, 0.50];

    public static EditBucket Of(double ratio)
    {
        var bucket = EditBucket.Under10;
        for (var i = 1; i < LowerBounds.Count; i++)
        {
            if (ratio >= LowerBounds[i])
            {
                bucket = (EditBucket)i;
            }
        }
        return bucket;
    }
}

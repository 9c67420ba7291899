using Copilot.Api.Intents;

namespace Copilot.Evaluation;

/// <summary>The baseline: each intent is the mean TF-IDF vector (word 1-2-grams) of its examples; a text gets the nearest by cosine.</summary>
public sealed class NearestCentroid
{
    private readonly TextFeatures _features;
    private readonly Dictionary<string, Dictionary<int, double>> _centroids;

    private NearestCentroid(TextFeatures features, Dictionary<string, Dictionary<int, double>> centroids) => (_features, _centroids) = (features, centroids);

    public static NearestCentroid Train(IReadOnlyList<LabelledText> examples)
    {
        var features = TextFeatures.Fit(examples.Select(e => e.Text).ToList(), null, IntentTrainingOptions.Default with { CharWeight = 0, PruneAbove = int.MaxValue });
        var centroids = new Dictionary<string, Dictionary<int, double>>();
        foreach (var group in examples.GroupBy(e => e.Intent))
        {
            var sum = new Dictionary<int, double>();
            foreach (var v in group.Select(e => features.Transform(e.Text)))
            {
                for (var k = 0; k < v.Indices.Length; k++)
                {
                    sum[v.Indices[k]] = sum.GetValueOrDefault(v.Indices[k]) + v.Values[k];
                }
            }
            var norm = Math.Sqrt(sum.Values.Sum(x => x * x));
            centroids[group.Key] = sum.ToDictionary(p => p.Key, p => p.Value / norm);
        }
        return new NearestCentroid(features, centroids);
    }

    public string Predict(string text)
    {
        var v = _features.Transform(text);
        return _centroids.MaxBy(c => Enumerable.Range(0, v.Indices.Length).Sum(k => v.Values[k] * c.Value.GetValueOrDefault(v.Indices[k])))!.Key;
    }
}

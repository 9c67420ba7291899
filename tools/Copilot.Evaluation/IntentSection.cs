using System.Diagnostics;
using System.Text;
using Copilot.Api.Intents;

namespace Copilot.Evaluation;

/// <summary>
/// Intent classification through the product's own per-tenant learning (<see cref="IntentClassifier"/>):
/// banking77 (train → test) and Bitext (a seeded split), side by side with a TF-IDF nearest-centroid baseline.
/// </summary>
public static class IntentSection
{
    public static Task<string> RunAsync(string shared)
    {
        var report = new StringBuilder();
        report.AppendLine($"Generated {DateTime.UtcNow:yyyy-MM-dd}. Default confidence floor {IntentModels.DefaultFloor:0.00}.");
        var banking = (Train: Banking(shared, "train.csv"), Test: Banking(shared, "test.csv"));
        Section(report, "banking77", banking.Train, banking.Test, withEmbedding: true);
        var (bitextTrain, bitextTest) = BitextSplit(shared);
        Section(report, "Bitext", bitextTrain, bitextTest, withEmbedding: false);
        return Task.FromResult(report.ToString());
    }

    private static void Section(StringBuilder report, string name, List<LabelledText> train, List<LabelledText> test, bool withEmbedding)
    {
        var intents = train.Select(e => e.Intent).Distinct().Count();
        report.AppendLine();
        report.AppendLine($"### {name}: {train.Count} training examples, {test.Count} test examples, {intents} intents");
        report.AppendLine();
        report.AppendLine("| classifier | accuracy | macro-F1 | answered (≥ floor) | accuracy when answered | train s | ms/prediction |");
        report.AppendLine("|---|---|---|---|---|---|---|");

        var watch = Stopwatch.StartNew();
        var centroid = NearestCentroid.Train(train);
        var trainBaseline = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var baseline = test.Select(e => (Gold: e.Intent, Guess: centroid.Predict(e.Text), Confidence: 1.0)).ToList();
        report.AppendLine(Row("**Baseline**: TF-IDF (word 1-2-grams) nearest centroid, cosine", baseline, 0, trainBaseline, watch.Elapsed.TotalMilliseconds / test.Count));

        watch.Restart();
        var model = IntentClassifier.Train(train, IntentTrainingOptions.Default)!;
        var trainOurs = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var ours = test.Select(e => model.Predict(e.Text)[0] is var s ? (Gold: e.Intent, Guess: s.Intent, Confidence: s.Probability) : default).ToList();
        report.AppendLine(Row($"**Ours**: TF-IDF words + characters → logistic regression, temperature {model.Temperature:0.00}", ours, IntentModels.DefaultFloor, trainOurs, watch.Elapsed.TotalMilliseconds / test.Count));
        EmbedSeconds = 0;
        if (withEmbedding && Embedded(train) is { } trainE && Embedded(test) is { } testE)
        {
            watch.Restart();
            var augmented = IntentClassifier.Train(trainE, IntentTrainingOptions.Default)!;
            var trainE2 = watch.Elapsed.TotalSeconds;
            var embedded = testE.Select(e => augmented.Predict(e.Text, e.Embedding)[0] is var s ? (Gold: e.Intent, Guess: s.Intent, Confidence: s.Probability) : default).ToList();
            report.AppendLine(Row($"ours + arctic-embed-xs sentence embedding appended (embedding {EmbedSeconds:0} s not counted), temperature {augmented.Temperature:0.00}",
                embedded, IntentModels.DefaultFloor, trainE2, double.NaN));
        }
        report.AppendLine();
        report.AppendLine($"Held-out accuracy the tenant's admin sees (on {model.HeldOutCount} examples held out of the training split): {model.HeldOutAccuracy:0.000}.");
        report.AppendLine();
        report.AppendLine("Reliability of ours (calibrated confidence of the top intent against how often it is right):");
        report.AppendLine();
        report.AppendLine("| confidence | predictions | accuracy | mean confidence |");
        report.AppendLine("|---|---|---|---|");
        foreach (var bin in ours.GroupBy(p => Math.Min(9, (int)(p.Confidence * 10))).OrderBy(g => g.Key))
        {
            report.AppendLine($"| {bin.Key / 10.0:0.0}–{(bin.Key + 1) / 10.0:0.0} | {bin.Count()} | {bin.Count(p => p.Gold == p.Guess) / (double)bin.Count():0.000} | {bin.Average(p => p.Confidence):0.000} |");
        }
        var ece = ours.GroupBy(p => Math.Min(9, (int)(p.Confidence * 10)))
            .Sum(g => g.Count() / (double)ours.Count * Math.Abs(g.Count(p => p.Gold == p.Guess) / (double)g.Count() - g.Average(p => p.Confidence)));
        report.AppendLine();
        report.AppendLine($"Expected calibration error (10 bins): {ece:0.000}.");
    }

    private static double EmbedSeconds;

    /// <summary>The examples with the built-in English sentence embedding; null when the model cannot load here.</summary>
    private static List<LabelledText>? Embedded(List<LabelledText> examples)
    {
        if (Copilot.Connectors.Models.Local.LocalEmbeddingModel.Instance is not { } model)
        {
            return null;
        }
        var watch = Stopwatch.StartNew();
        var vectors = model.Embed(examples.Select(e => model.Tokenize(e.Text, 128)).ToList(), Environment.ProcessorCount, CancellationToken.None);
        EmbedSeconds += watch.Elapsed.TotalSeconds;
        return examples.Select((e, i) => e with { Embedding = vectors[i] }).ToList();
    }

    private static string Row(string name, List<(string Gold, string Guess, double Confidence)> predictions, double floor, double trainSeconds, double ms)
    {
        var accuracy = predictions.Count(p => p.Gold == p.Guess) / (double)predictions.Count;
        var answered = predictions.Where(p => p.Confidence >= floor).ToList();
        var answeredAccuracy = answered.Count == 0 ? 0 : answered.Count(p => p.Gold == p.Guess) / (double)answered.Count;
        return $"| {name} | {accuracy:0.000} | {MacroF1(predictions):0.000} | {answered.Count / (double)predictions.Count:0.000} | {answeredAccuracy:0.000} | {trainSeconds:0.0} | {(double.IsNaN(ms) ? "—" : ms.ToString("0.00"))} |";
    }

    private static double MacroF1(List<(string Gold, string Guess, double Confidence)> predictions) =>
        predictions.Select(p => p.Gold).Distinct().Average(c =>
        {
            var tp = predictions.Count(p => p.Gold == c && p.Guess == c);
            var fp = predictions.Count(p => p.Gold != c && p.Guess == c);
            var fn = predictions.Count(p => p.Gold == c && p.Guess != c);
            return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        });

    private static List<LabelledText> Banking(string shared, string file)
    {
        var rows = Bitext.Csv(File.ReadAllText(Path.Combine(shared, "datasets", "banking77", file)));
        return rows.Skip(1).Where(r => r.Length == 2).Select(r => new LabelledText(r[0], r[1])).ToList();
    }

    /// <summary>Bitext's requests: a seeded 30% of each intent to train on, the rest to test.</summary>
    private static (List<LabelledText> Train, List<LabelledText> Test) BitextSplit(string shared)
    {
        var rows = Bitext.Csv(File.ReadAllText(Path.Combine(shared, "datasets", "bitext", "bitext_cs_train_v_cf85785.csv")));
        var header = rows[0];
        var (instruction, intent) = (Array.IndexOf(header, "instruction"), Array.IndexOf(header, "intent"));
        var random = new Random(2026);
        var train = new List<LabelledText>();
        var test = new List<LabelledText>();
        foreach (var group in rows.Skip(1).Where(r => r.Length == header.Length).GroupBy(r => r[intent]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.Select(r => new LabelledText(r[instruction], r[intent])).ToArray();
            random.Shuffle(members);
            var cut = (int)Math.Round(members.Length * 0.3);
            train.AddRange(members[..cut]);
            test.AddRange(members[cut..]);
        }
        return (train, test);
    }
}

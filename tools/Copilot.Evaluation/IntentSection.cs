using System.Diagnostics;
using System.Text;
using Copilot.Api.Intents;

namespace Copilot.Evaluation;

/// <summary>
/// Intent classification through the product's own per-tenant learning (<see cref="IntentClassifier"/>):
/// banking77 (train → test) and Bitext (a seeded split), side by side with a TF-IDF nearest-centroid baseline, with and
/// without the built-in sentence model, and for a tenant that has only a few examples per intent.
/// </summary>
public static class IntentSection
{
    public static async Task<string> RunAsync(string shared)
    {
        var report = new StringBuilder();
        report.AppendLine($"Generated {DateTime.UtcNow:yyyy-MM-dd}. Default confidence floor {IntentModels.DefaultFloor:0.00}.");
        var vectors = Meaning.Create();
        var banking = (Train: Banking(shared, "train.csv"), Test: Banking(shared, "test.csv"));
        var bankingE = await SectionAsync(report, "banking77", banking.Train, banking.Test, vectors);
        var (bitextTrain, bitextTest) = BitextSplit(shared);
        var bitextE = await SectionAsync(report, "Bitext", bitextTrain, bitextTest, vectors);
        if (bankingE is { } b && bitextE is { } other)
        {
            FewExamples(report, b.Train, b.Test);
            AnotherBusiness(report, b.Train, b.Test, [.. other.Train, .. other.Test]);
        }
        return report.ToString();
    }

    /// <returns>The training and test examples with their embeddings, for the tables after; null without the built-in model.</returns>
    private static async Task<(List<LabelledText> Train, List<LabelledText> Test)?> SectionAsync(
        StringBuilder report, string name, List<LabelledText> train, List<LabelledText> test, Meaning? meaning)
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
        var words = IntentClassifier.Train(train, IntentTrainingOptions.Default)!;
        var trainWords = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var wordsOnly = Predict(words, test);
        report.AppendLine(Row($"words only (a tenant without the built-in sentence model): TF-IDF words + characters → logistic regression, temperature {words.Temperature:0.00}",
            wordsOnly, IntentModels.DefaultFloor, trainWords, watch.Elapsed.TotalMilliseconds / test.Count));
        var (ours, model) = (wordsOnly, words);
        (List<LabelledText> Train, List<LabelledText> Test)? embedded = null;
        if (meaning is not null)
        {
            watch.Restart();
            var (trainE, testE) = (await meaning.ExamplesAsync(train), await meaning.ExamplesAsync(test));
            embedded = (trainE, testE);
            var embedSeconds = watch.Elapsed.TotalSeconds;
            var light = IntentClassifier.Train(trainE, IntentTrainingOptions.Default with { DenseWeight = 1 })!;
            report.AppendLine(Row($"words + sentence embedding, embedding weight 1 instead of {IntentTrainingOptions.Default.DenseWeight}", Predict(light, testE), IntentModels.DefaultFloor, double.NaN, double.NaN));
            watch.Restart();
            model = IntentClassifier.Train(await meaning.GistsAsync(trainE), IntentTrainingOptions.Default)!;
            var trainOurs = watch.Elapsed.TotalSeconds + embedSeconds * train.Count / (train.Count + test.Count);
            watch.Restart();
            ours = Predict(model, testE);
            report.AppendLine(Row($"**Ours**: words + the built-in model's sentence embedding (centred), temperature {model.Temperature:0.00}; ms/prediction without the embedding, which the assist's search has made",
                ours, IntentModels.DefaultFloor, trainOurs, watch.Elapsed.TotalMilliseconds / test.Count));
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
        var ece = Ece(ours);
        report.AppendLine();
        report.AppendLine($"Expected calibration error (10 bins): {ece:0.000}.");
        if (embedded is { } e && meaning is not null)
        {
            await ThroughTheGlossaryAsync(report, model, e.Test, meaning);
        }
        return embedded;
    }

    /// <summary>
    /// A ticket in a language the tenant's examples lack is classified on its helpdesk words in English
    /// (<see cref="Copilot.Api.Knowledge.CrossLanguage.EnglishQuery"/>): a few words, not a whole text. The test requests cut
    /// to their concepts (<see cref="Copilot.Api.Knowledge.CrossLanguage.EnglishGist"/>) read the way, with the whole-text
    /// temperature against the one fitted on held-out gists.
    /// </summary>
    private static async Task ThroughTheGlossaryAsync(StringBuilder report, IntentClassifier model, List<LabelledText> testE, Meaning meaning)
    {
        var gists = await meaning.ExamplesAsync(testE
            .Select(e => Copilot.Api.Knowledge.CrossLanguage.EnglishGist.Of(e.Text) is { } gist ? e with { Text = gist } : null).OfType<LabelledText>().ToList(), english: true);
        report.AppendLine();
        report.AppendLine($"A ticket read through the glossary (a language the examples lack: its helpdesk words in English): the {gists.Count} test requests that say at least "
            + $"{Copilot.Api.Knowledge.CrossLanguage.EnglishQuery.MinConcepts} of the glossary's concepts, cut to those concepts' English words (\"{gists[0].Text}\"), "
            + $"classified with the whole-text temperature and with the one fitted on {model.HeldOutGists} held-out examples' gists:");
        report.AppendLine();
        report.AppendLine("| temperature | accuracy | mean confidence | answered (≥ floor) | accuracy when answered | expected calibration error (10 bins) |");
        report.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, gist) in new[] { ($"whole text's, {model.Temperature:0.00}", false), ($"**ours**: fitted on gists, {model.GistTemperature:0.00}", true) })
        {
            var p = gists.Select(e => model.Predict(e.Text, e.Embedding, gist)[0] is var s ? (Gold: e.Intent, Guess: s.Intent, Confidence: s.Probability) : default).ToList();
            var answered = p.Where(x => x.Confidence >= IntentModels.DefaultFloor).ToList();
            report.AppendLine($"| {name} | {Accuracy(p):0.000} | {p.Average(x => x.Confidence):0.000} | {answered.Count / (double)p.Count:0.000} | "
                + $"{(answered.Count == 0 ? 0 : Accuracy(answered)):0.000} | {Ece(p):0.000} |");
        }
    }

    private static double Ece(List<(string Gold, string Guess, double Confidence)> p) =>
        p.GroupBy(x => Math.Min(9, (int)(x.Confidence * 10)))
            .Sum(g => g.Count() / (double)p.Count * Math.Abs(g.Count(x => x.Gold == x.Guess) / (double)g.Count() - g.Average(x => x.Confidence)));

    /// <summary>A tenant starting out: the first few examples of each banking77 intent, as an admin configures a few per intent.</summary>
    private static void FewExamples(StringBuilder report, List<LabelledText> trainE, List<LabelledText> testE)
    {
        report.AppendLine();
        report.AppendLine("### A tenant with few examples: the first k training examples of each banking77 intent, the whole test split");
        report.AppendLine();
        report.AppendLine($"| examples per intent | examples | words only: accuracy | **ours**: accuracy | ours, embedding weight 1 instead of {IntentTrainingOptions.Default.DenseWeight}: accuracy | ours, embedding not centred: accuracy | words only: held-out accuracy the admin sees | ours: held-out accuracy the admin sees |");
        report.AppendLine("|---|---|---|---|---|---|---|---|");
        var test = testE.Select(e => e with { Embedding = null }).ToList();
        foreach (var k in new[] { 4, 10, 30 })
        {
            var few = trainE.GroupBy(e => e.Intent).SelectMany(g => g.Take(k)).ToList();
            var words = IntentClassifier.Train(few.Select(e => e with { Embedding = null }).ToList(), IntentTrainingOptions.Default)!;
            var ours = IntentClassifier.Train(few, IntentTrainingOptions.Default)!;
            var light = IntentClassifier.Train(few, IntentTrainingOptions.Default with { DenseWeight = 1 })!;
            var uncentred = IntentClassifier.Train(few, IntentTrainingOptions.Default with { CentreEmbeddings = false })!;
            report.AppendLine($"| {k} | {few.Count} | {Accuracy(Predict(words, test)):0.000} | **{Accuracy(Predict(ours, testE)):0.000}** | {Accuracy(Predict(light, testE)):0.000} | {Accuracy(Predict(uncentred, testE)):0.000} | {words.HeldOutAccuracy:0.000} | {ours.HeldOutAccuracy:0.000} |");
        }
    }

    /// <summary>
    /// Requests about something else: every Bitext request (an online shop's customers) given to banking77's models. A
    /// confident banking intent for one of them is a guess, though a few (a refund, a payment) are banking questions too.
    /// The meaning floor (<see cref="IntentTrainingOptions.MinMeaningSimilarity"/>) is what keeps them unsure; it must not
    /// cost banking77's own test questions their answers.
    /// </summary>
    private static void AnotherBusiness(StringBuilder report, List<LabelledText> trainE, List<LabelledText> testE, List<LabelledText> otherE)
    {
        report.AppendLine();
        report.AppendLine($"### Requests about something else: the {otherE.Count} Bitext requests (an online shop's) given to banking77's models");
        report.AppendLine();
        report.AppendLine("A text none of whose words the examples know is read by its meaning only when its embedding is this close (centred cosine) to an example's; below it, the base rates (unsure).");
        report.AppendLine();
        report.AppendLine("| model | meaning floor | banking77 test: accuracy | Bitext requests given a confident banking intent | of those sharing no word with the examples: given a confident intent |");
        report.AppendLine("|---|---|---|---|---|");
        double Confident(IntentClassifier model, List<LabelledText> texts) =>
            texts.Count(e => model.Predict(e.Text, e.Embedding)[0].Probability >= IntentModels.DefaultFloor) / (double)Math.Max(1, texts.Count);
        string Unknown(IntentClassifier model, List<LabelledText> texts) =>
            texts.Where(e => !model.KnowsAWordOf(e.Text)).ToList() is var unknown ? $"{Confident(model, unknown):0.000} of {unknown.Count}" : "";
        foreach (var (name, train) in new[] { ("10 examples per intent", trainE.GroupBy(e => e.Intent).SelectMany(g => g.Take(10)).ToList()), ("the whole training split", trainE) })
        {
            var words = IntentClassifier.Train(train.Select(e => e with { Embedding = null }).ToList(), IntentTrainingOptions.Default)!;
            var other = otherE.Select(e => e with { Embedding = null }).ToList();
            report.AppendLine($"| {name}, words only | — | {Accuracy(Predict(words, testE.Select(e => e with { Embedding = null }).ToList())):0.000} | {Confident(words, other):0.000} | {Unknown(words, other)} |");
            var inForce = Copilot.Connectors.Models.Local.LocalModelSpec.Default.MeaningSimilarity;
            foreach (var floor in new[] { -1.0, inForce - 0.1, inForce, inForce + 0.1 })
            {
                var model = IntentClassifier.Train(train, IntentTrainingOptions.Default with { MinMeaningSimilarity = floor })!;
                var label = floor < 0 ? "none" : floor.ToString("0.00");
                var isDefault = floor == inForce;
                report.AppendLine($"| {name}{(isDefault ? ", **ours**" : "")} | {label}{(isDefault ? " (default)" : "")} | {Accuracy(Predict(model, testE)):0.000} | {Confident(model, otherE):0.000} | {Unknown(model, otherE)} |");
            }
        }
    }

    private static double Accuracy(List<(string Gold, string Guess, double Confidence)> p) => p.Count(x => x.Gold == x.Guess) / (double)p.Count;

    private static List<(string Gold, string Guess, double Confidence)> Predict(IntentClassifier model, List<LabelledText> test) =>
        test.Select(e => model.Predict(e.Text, e.Embedding)[0] is var s ? (Gold: e.Intent, Guess: s.Intent, Confidence: s.Probability) : default).ToList();

    /// <summary>
    /// The product's own embedding of examples (<see cref="IntentVectors.ExamplesAsync"/>): the built-in model, as the knowledge
    /// search embeds its queries; null when the model cannot load here.
    /// </summary>
    private sealed class Meaning(IntentVectors vectors, Copilot.Api.Knowledge.Vectors.TenantEmbedder embedder)
    {
        public static Meaning? Create()
        {
            var models = new Copilot.Api.ModelTasks.TenantModels(new Copilot.Connectors.Models.ModelClientFactory(),
                Microsoft.Extensions.Options.Options.Create(new Copilot.Api.Knowledge.KnowledgeOptions()));
            return models.BuiltIn is { } embedder
                ? new Meaning(new IntentVectors(models, new Copilot.Api.Knowledge.Vectors.QueryVectors(), new Copilot.Api.Languages.LanguageDetector()), embedder)
                : null;
        }

        /// <summary>The held-out English examples' gists, as <see cref="IntentModels"/> gives them before training.</summary>
        public Task<List<LabelledText>> GistsAsync(List<LabelledText> examples) =>
            vectors.EmbedGistsAsync(embedder, IntentClassifier.WithGists(examples, examples.Select(_ => "en").ToList(), IntentTrainingOptions.Default), CancellationToken.None);

        /// <param name="english">Read every text as English, as a ticket's English words are (no language detected).</param>
        public async Task<List<LabelledText>> ExamplesAsync(List<LabelledText> examples, bool english = false)
        {
            var texts = examples.Select(e => e.Text).ToList();
            var embedded = english
                ? await vectors.ExamplesAsync(embedder, texts, texts.Select(_ => "en").ToList(), CancellationToken.None)
                : await vectors.ExamplesAsync(embedder, texts, CancellationToken.None);
            return examples.Select((e, i) => e with { Embedding = embedded[i] }).ToList();
        }
    }

    private static string Row(string name, List<(string Gold, string Guess, double Confidence)> predictions, double floor, double trainSeconds, double ms)
    {
        var accuracy = predictions.Count(p => p.Gold == p.Guess) / (double)predictions.Count;
        var answered = predictions.Where(p => p.Confidence >= floor).ToList();
        var answeredAccuracy = answered.Count == 0 ? 0 : answered.Count(p => p.Gold == p.Guess) / (double)answered.Count;
        return $"| {name} | {accuracy:0.000} | {MacroF1(predictions):0.000} | {answered.Count / (double)predictions.Count:0.000} | {answeredAccuracy:0.000} | {trainSeconds:0.0} | {(double.IsNaN(ms) ? "—" : ms.ToString("0.00"))} |".Replace("| NaN |", "| — |");
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

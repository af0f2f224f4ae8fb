using Google.Protobuf;
using Katalyst.Protos.Onnx;

namespace Katalyst.Scoring.Onnx;

/// <summary>
/// Builds a small ONNX model: inputs, outputs, constant tensors (initializers) and nodes, written
/// as an ONNX <see cref="ModelProto"/> (IR version 8, default operator set 17, producer "katalyst").
/// Nodes must be added in order: each node may only read graph inputs, initializers and the outputs
/// of nodes added before it; <see cref="ToModel"/> checks this and names the first broken link.
/// </summary>
public sealed class OnnxGraph
{
    /// <summary>The ONNX IR (file format) version written.</summary>
    public const long IrVersion = 8;

    /// <summary>The version of the default ONNX operator set the graph uses.</summary>
    public const long OpsetVersion = 17;

    /// <summary>The producer name written into every model.</summary>
    public const string ProducerName = "katalyst";

    private readonly GraphProto graph;
    private readonly HashSet<string> values = new(StringComparer.Ordinal);

    /// <summary>Starts an empty graph with the given name.</summary>
    public OnnxGraph(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        graph = new GraphProto { Name = name };
    }

    /// <summary>The graph's name.</summary>
    public string Name => graph.Name;

    /// <summary>Declares a tensor input the caller feeds at run time.</summary>
    public OnnxGraph AddInput(string name, TensorProto.Types.DataType elementType, params OnnxDimension[] shape)
    {
        Declare(name, "input");
        graph.Input.Add(ValueInfo(name, elementType, shape));
        return this;
    }

    /// <summary>Declares a tensor output; some node must produce a value of this name.</summary>
    public OnnxGraph AddOutput(string name, TensorProto.Types.DataType elementType, params OnnxDimension[] shape)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (graph.Output.Any(output => output.Name == name))
        {
            throw new ArgumentException($"Graph '{Name}' already has an output named '{name}'.", nameof(name));
        }

        graph.Output.Add(ValueInfo(name, elementType, shape));
        return this;
    }

    /// <summary>Adds a constant float tensor of the given shape (row-major values).</summary>
    public OnnxGraph AddInitializer(string name, ReadOnlySpan<float> data, params long[] dims)
    {
        Declare(name, "initializer");
        graph.Initializer.Add(OnnxTensors.Float(name, data, dims));
        return this;
    }

    /// <summary>Adds a constant int64 tensor of the given shape (row-major values).</summary>
    public OnnxGraph AddInitializer(string name, ReadOnlySpan<long> data, params long[] dims)
    {
        Declare(name, "initializer");
        graph.Initializer.Add(OnnxTensors.Int64(name, data, dims));
        return this;
    }

    /// <summary>
    /// Adds a node of a default-domain operator (e.g. "Gather") reading <paramref name="inputs"/>
    /// and writing <paramref name="outputs"/>; an empty input name marks an omitted optional input.
    /// </summary>
    public OnnxGraph AddNode(string opType, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        var nodeName = $"{opType}_{graph.Node.Count}";
        foreach (var input in inputs)
        {
            if (input.Length > 0 && !values.Contains(input))
            {
                throw new ArgumentException(
                    $"Node '{nodeName}' reads '{input}', which is no input, initializer or earlier node output of graph '{Name}'.",
                    nameof(inputs));
            }
        }

        if (outputs.Length == 0)
        {
            throw new ArgumentException($"Node '{nodeName}' writes no output.", nameof(outputs));
        }

        foreach (var output in outputs)
        {
            Declare(output, $"output of node '{nodeName}'");
        }

        var node = new NodeProto { Name = nodeName, OpType = opType, Domain = "" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return this;
    }

    /// <summary>
    /// The finished model. <paramref name="metadata"/> goes to <c>metadata_props</c> (e.g. version,
    /// trained_at, training data SHA-256); ONNX Runtime exposes it as the custom metadata map.
    /// </summary>
    public ModelProto ToModel(IReadOnlyDictionary<string, string>? metadata = null, string? description = null)
    {
        if (graph.Output.Count == 0)
        {
            throw new InvalidOperationException($"Graph '{Name}' has no outputs.");
        }

        var orphan = graph.Output.FirstOrDefault(output => !values.Contains(output.Name));
        if (orphan is not null)
        {
            throw new InvalidOperationException($"Graph '{Name}' declares output '{orphan.Name}' but nothing produces it.");
        }

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = typeof(OnnxGraph).Assembly.GetName().Version?.ToString() ?? "0",
            DocString = description ?? "",
            Graph = graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key, nameof(metadata));
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value ?? "" });
        }

        return model;
    }

    /// <summary>The finished model as ONNX bytes, ready for a file or an ONNX Runtime session.</summary>
    public byte[] ToBytes(IReadOnlyDictionary<string, string>? metadata = null, string? description = null) =>
        ToModel(metadata, description).ToByteArray();

    private void Declare(string name, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!values.Add(name))
        {
            throw new ArgumentException($"Graph '{Name}' already has a value named '{name}'; cannot add it again as {what}.", nameof(name));
        }
    }

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType elementType, OnnxDimension[] shape)
    {
        var tensorShape = new TensorShapeProto();
        foreach (var dim in shape)
        {
            // default(OnnxDimension) is neither fixed nor symbolic: an unknown dimension, as ONNX allows.
            var dimension = new TensorShapeProto.Types.Dimension();
            if (dim.Symbol is { } symbol)
            {
                dimension.DimParam = symbol;
            }
            else if (dim.Size is { } size)
            {
                dimension.DimValue = size;
            }

            tensorShape.Dim.Add(dimension);
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = tensorShape } },
        };
    }
}

using Katalyst.Models.TfJs;
using Katalyst.Scoring.Onnx;

namespace Katalyst.Models.Conversion.Graph;

/// <summary>
/// Converts a TF.js graph model (Human's blazeface-back and faceres) to ONNX, keeping NHWC. Nodes are emitted in
/// dependency order from the requested outputs (TF.js lists them in any order); Const nodes become initializers in the
/// form their reader needs (conv kernels regrouped, paddings and shapes as int64). A batch fixed to 1 by the graph
/// (Placeholder shape, Reshape targets) is opened to a symbolic batch, so the ONNX model takes batches.
/// </summary>
public static class TfGraphConverter
{
    /// <summary>The ONNX graph of <paramref name="model"/> with input <paramref name="inputName"/> and the given outputs (TF node → ONNX name).</summary>
    public static OnnxGraph Convert(TfJsModel model, string graphName, string inputName, IReadOnlyList<(string Node, string Output)> outputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(outputs);
        if (model.Json.Format != TfJsModelFormat.Graph)
        {
            throw new InvalidDataException($"{model.Json.Source} is a {model.Json.Format} model, not a graph model.");
        }

        var nodes = TfNode.Parse(model.Json.Topology, model.Json.Source);
        var ops = new TfGraphOps(new NhwcGraph(graphName), model, nodes, inputName);
        foreach (var node in DependencyOrder(nodes, outputs.Select(o => o.Node), model.Json.Source))
        {
            ops.Emit(node);
        }

        foreach (var (node, output) in outputs)
        {
            ops.Graph.Output(ops.Value(node), output);
        }

        return ops.Graph.Graph;
    }

    // Post-order depth-first walk from the outputs, iterative (graphs hundreds of nodes deep would overflow recursion).
    private static List<TfNode> DependencyOrder(Dictionary<string, TfNode> nodes, IEnumerable<string> outputs, string source)
    {
        var order = new List<TfNode>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        foreach (var output in outputs)
        {
            var stack = new Stack<(TfNode Node, int Next)>();
            if (!nodes.TryGetValue(output, out var root))
            {
                throw new InvalidDataException($"{source}: no node named '{output}' to expose as an output.");
            }

            if (done.Contains(root.Name))
            {
                continue;
            }

            stack.Push((root, 0));
            onPath.Add(root.Name);
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < node.Inputs.Count)
                {
                    stack.Push((node, next + 1));
                    var input = node.Inputs[next];
                    var child = nodes.TryGetValue(input, out var c) ? c : throw new InvalidDataException($"{source}: node '{node.Name}' reads '{input}', which is no node of the graph.");
                    if (!done.Contains(child.Name))
                    {
                        if (!onPath.Add(child.Name))
                        {
                            throw new InvalidDataException($"{source}: node '{child.Name}' is part of a cycle; control flow is not supported.");
                        }

                        stack.Push((child, 0));
                    }

                    continue;
                }

                onPath.Remove(node.Name);
                if (done.Add(node.Name))
                {
                    order.Add(node);
                }
            }
        }

        return order;
    }
}

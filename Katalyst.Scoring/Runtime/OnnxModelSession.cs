using System.Collections.ObjectModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Scoring.Runtime;

/// <summary>
/// One long-lived ONNX Runtime session for one model: created once (from a file or bytes), warmed
/// with one dummy run, and safe to <see cref="Run"/> from many threads at once. Dispose it only
/// after the last run has finished.
/// </summary>
public sealed class OnnxModelSession : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private bool disposed;

    private OnnxModelSession(string name, Func<SessionOptions, InferenceSession> open, ExecutionProviderOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        Name = name;
        var watch = Stopwatch.StartNew();
        using (var sessionOptions = ExecutionProviderSelection.Create(options, name, logger, out var used))
        {
            try
            {
                session = open(sessionOptions);
            }
            catch (OnnxRuntimeException exception)
            {
                runOptions.Dispose();
                throw new InvalidDataException($"ONNX model {name} could not be loaded: {exception.Message}", exception);
            }

            ExecutionProvider = used;
        }

        try
        {
            Metadata = new ReadOnlyDictionary<string, string>(
                new Dictionary<string, string>(session.ModelMetadata.CustomMetadataMap, StringComparer.Ordinal));
            WarmUp();
        }
        catch
        {
            Dispose();
            throw;
        }

        OnnxModelSessionLog.SessionReady(logger, name, ExecutionProvider, options.Provider, watch.ElapsedMilliseconds);
    }

    /// <summary>The model's name in messages: its file path, or the name given with its bytes.</summary>
    public string Name { get; }

    /// <summary>The provider actually running the model: <see cref="ExecutionProviderKind.Cpu"/> or <see cref="ExecutionProviderKind.Cuda"/>.</summary>
    public ExecutionProviderKind ExecutionProvider { get; }

    /// <summary>The model's <c>metadata_props</c> (ONNX Runtime's custom metadata map): version, trained_at and so on.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The graph inputs: names, element types and dimensions (-1 where chosen at run time).</summary>
    public IReadOnlyDictionary<string, NodeMetadata> InputMetadata => session.InputMetadata;

    /// <summary>The graph outputs: names, element types and dimensions (-1 where chosen at run time).</summary>
    public IReadOnlyDictionary<string, NodeMetadata> OutputMetadata => session.OutputMetadata;

    /// <summary>Loads a model file. A missing file or one that is not a valid ONNX model fails with its path in the message.</summary>
    public static OnnxModelSession FromFile(string path, ExecutionProviderOptions options, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"ONNX model file {fullPath} does not exist.", fullPath);
        }

        return new OnnxModelSession(fullPath, sessionOptions => new InferenceSession(fullPath, sessionOptions), options, logger);
    }

    /// <summary>Loads a model from its ONNX bytes; <paramref name="name"/> identifies it in logs and errors.</summary>
    public static OnnxModelSession FromBytes(byte[] model, string name, ExecutionProviderOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (model.Length == 0)
        {
            throw new InvalidDataException($"ONNX model {name} is empty (0 bytes).");
        }

        return new OnnxModelSession(name, sessionOptions => new InferenceSession(model, sessionOptions), options, logger);
    }

    /// <summary>
    /// Runs the model once over the given inputs (one batch) and returns the requested outputs,
    /// which the caller must dispose. A run that ONNX Runtime rejects fails naming this model.
    /// </summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(
        IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        try
        {
            return session.Run(runOptions, inputNames, inputs, outputNames);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new InvalidOperationException($"ONNX model {Name} failed to run: {exception.Message}", exception);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        session.Dispose();
        runOptions.Dispose();
    }

    private void WarmUp()
    {
        var inputs = WarmUpInputs.Create(Name, session.InputMetadata);
        try
        {
            using var outputs = Run(session.InputMetadata.Keys.ToArray(), inputs, session.OutputMetadata.Keys.ToArray());
        }
        finally
        {
            inputs.ForEach(input => input.Dispose());
        }
    }
}

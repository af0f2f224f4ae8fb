using System.Text;
using Katalyst.Models.TfJs;

namespace Katalyst.Models.Tests.TfJs;

public sealed class UmdBundleTests
{
    // The shape of nsfwjs's minified browserify bundles, with the data cut down.
    private const string Wrapper = """!function(e){if("object"==typeof exports&&"undefined"!=typeof module)module.exports=e();else{(this).model=e()}}(function(){return function e(a,n,i){function l(_,o){var r=n[_]={exports:{}};a[_][0].call(r.exports,function(e){return l(a[_][1][e]||e)},r,r.exports,e,a,n,i);return n[_].exports}return l}({1:[function(e,a,n){a.exports=DATA},{}]},{},[1])(1)});""";

    [Fact]
    public void ExportedValue_MinifiedLiteral_ReadsAsJson()
    {
        var js = Wrapper.Replace("DATA", """{modelTopology:{sparse:!1,trainable:!0,n:null,"quoted key":"v"},weightsManifest:[{paths:["group1-shard1of1"],weights:[{name:"k",shape:[2,3],quantization:{min:-.87,scale:.5}}]}]}""", StringComparison.Ordinal);

        var json = UmdBundle.ExportedValue(js, "model.min.js")!;

        Assert.False((bool)json["modelTopology"]!["sparse"]!);
        Assert.True((bool)json["modelTopology"]!["trainable"]!);
        Assert.Null(json["modelTopology"]!["n"]);
        Assert.Equal("v", (string?)json["modelTopology"]!["quoted key"]);
        Assert.Equal(3, (int)json["weightsManifest"]![0]!["weights"]![0]!["shape"]![1]!);
        Assert.Equal(-0.87, (double)json["weightsManifest"]![0]!["weights"]![0]!["quantization"]!["min"]!);
    }

    [Fact]
    public void ExportedBase64_StringExport_DecodesBytes()
    {
        var js = Wrapper.Replace("DATA", "\"" + Convert.ToBase64String([1, 2, 250]) + "\"", StringComparison.Ordinal);

        Assert.Equal([1, 2, 250], UmdBundle.ExportedBase64(js, "group1-shard1of1.min.js"));
    }

    [Fact]
    public void ExportedValue_LiteralHoldsCode_RefusedNamingLine()
    {
        var js = Wrapper.Replace("DATA", "{a:\n alert(1)}", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => UmdBundle.ExportedValue(js, "evil.min.js"));

        Assert.Contains("evil.min.js: line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("CallExpression is not a literal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportedValue_NoExportsAssignment_Refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => UmdBundle.ExportedValue("var x = {a: 1};", "plain.js"));

        Assert.Contains("plain.js: no 'exports = {...}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportedValue_NotJavaScript_NamesSource()
    {
        var error = Assert.Throws<InvalidDataException>(() => UmdBundle.ExportedValue("a.exports = {", "broken.min.js"));

        Assert.StartsWith("broken.min.js: not JavaScript", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportedBase64_ExportIsObject_Refused()
    {
        var js = Wrapper.Replace("DATA", "{a:1}", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => UmdBundle.ExportedBase64(js, "shard.min.js"));

        Assert.Contains("exports no string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_Utf8Bytes_RoundTrips() => Assert.Equal("a.exports=\"é\"", UmdBundle.Text(Encoding.UTF8.GetBytes("a.exports=\"é\"")));
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Katalyst.Cli.Tests.Partners;

/// <summary><c>katalyst partners add|list|revoke</c> on a partners file, as an operator runs them.</summary>
public sealed class PartnersCommandTests
{
    [Fact]
    public async Task Add_NewPartner_PrintsTheKeyOnceAndStoresOnlyItsHash()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "partners", "add", "acme", "--methods", "katalyst.v1.Scoring/Score,katalyst.v1.Scoring/ScoreStream", "--expires", "2027-06-30", "--rate", "50", "--file", "p.json");

        Assert.Equal(0, result.ExitCode);
        var key = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Single(l => l.StartsWith("ktl_", StringComparison.Ordinal));
        var stored = await File.ReadAllTextAsync(work["p.json"], TestContext.Current.CancellationToken);
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Split('_')[2], stored, StringComparison.Ordinal);
        var entry = JsonDocument.Parse(stored).RootElement.GetProperty("partners")[0];
        Assert.Equal("acme", entry.GetProperty("name").GetString());
        Assert.Equal(key.Substring(4, 16), entry.GetProperty("keyId").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), entry.GetProperty("keySha256").GetString());
        Assert.Equal(["katalyst.v1.Scoring/Score", "katalyst.v1.Scoring/ScoreStream"], entry.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero), entry.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(50, entry.GetProperty("ratePerSecond").GetInt32());
    }

    [Fact]
    public async Task Add_ExistingActiveName_RefusedAndFileUnchanged()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "partners", "add", "acme", "--methods", "*", "--expires", "2027-06-30", "--file", "p.json");
        var before = await File.ReadAllTextAsync(work["p.json"], TestContext.Current.CancellationToken);

        var result = await KatalystProcess.RunAsync(work.Path, "partners", "add", "ACME", "--methods", "*", "--expires", "2027-06-30", "--file", "p.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("exists", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(work["p.json"], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Add_MethodNotShapedLikeAMethod_RefusedNamingIt()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "partners", "add", "acme", "--methods", "Score", "--expires", "2027-06-30", "--file", "p.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("methods[0]: 'Score'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(work["p.json"]));
    }

    [Fact]
    public async Task Add_BadExpiry_RefusedNamingTheOption()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "partners", "add", "acme", "--methods", "*", "--expires", "30/06/2027", "--file", "p.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--expires", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_KeyAndCertificatePartners_ShowsEachWithoutSecrets()
    {
        using var work = new WorkFolder();
        var added = await KatalystProcess.RunAsync(work.Path, "partners", "add", "portal", "--methods", "*", "--expires", "2027-06-30", "--file", "p.json");
        await KatalystProcess.RunAsync(work.Path, "partners", "add", "lab", "--methods", "katalyst.v1.HashSets/*", "--expires", "2027-01-31", "--certificate", new string('A', 64), "--file", "p.json");
        var key = added.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("ktl_", StringComparison.Ordinal));

        var result = await KatalystProcess.RunAsync(work.Path, "partners", "list", "--file", "p.json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("portal", result.Output, StringComparison.Ordinal);
        Assert.Contains($"key {key.Substring(4, 16)}", result.Output, StringComparison.Ordinal);
        Assert.Contains("lab", result.Output, StringComparison.Ordinal);
        Assert.Contains("katalyst.v1.HashSets/*", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_KnownPartner_MarkedRevokedAndListedSo()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "partners", "add", "acme", "--methods", "*", "--expires", "2027-06-30", "--file", "p.json");

        var result = await KatalystProcess.RunAsync(work.Path, "partners", "revoke", "acme", "--file", "p.json");
        var list = await KatalystProcess.RunAsync(work.Path, "partners", "list", "--file", "p.json");

        Assert.Equal(0, result.ExitCode);
        var entry = JsonDocument.Parse(await File.ReadAllTextAsync(work["p.json"], TestContext.Current.CancellationToken)).RootElement.GetProperty("partners")[0];
        Assert.Equal(JsonValueKind.String, entry.GetProperty("revokedAt").ValueKind);
        Assert.Contains("revoked", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_UnknownPartner_RefusedNamingIt()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "partners", "revoke", "nobody", "--file", "p.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'nobody'", result.Error, StringComparison.Ordinal);
    }
}

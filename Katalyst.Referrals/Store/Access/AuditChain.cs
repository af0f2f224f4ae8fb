using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Katalyst.Referrals.Store.Access;

/// <summary>One audit entry's content as the chain hashes it.</summary>
public sealed record AuditChainEntry(
    long Seq, string PrevHash, DateTimeOffset At, string UserName, string Action, string? Target, string? Detail, string? RemoteAddress);

/// <summary>
/// The audit log's hash chain: entry n's hash is SHA-256 over its place, the hash of entry n-1 and every field,
/// each field length-prefixed so that no two different entries read the same. The first entry's previous hash is
/// <see cref="Genesis"/>.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first chained entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The entry's hash, 64 lowercase hex digits.</summary>
    public static string Hash(AuditChainEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder();
        void Field(string? value) => text.Append(value is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{value.Length}:{value}")).Append('\n');
        Field(entry.Seq.ToString(CultureInfo.InvariantCulture));
        Field(entry.PrevHash);
        Field(entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(entry.UserName);
        Field(entry.Action);
        Field(entry.Target);
        Field(entry.Detail);
        Field(entry.RemoteAddress);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

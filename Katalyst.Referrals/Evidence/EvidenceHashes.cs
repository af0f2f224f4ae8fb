namespace Katalyst.Referrals.Evidence;

/// <summary>The hashes Katalyst computes over a file's bytes at intake, as lower-case hex.</summary>
/// <param name="Sha256">SHA-256: the evidence address.</param>
/// <param name="Md5">MD5, for matching ESP and hash-list values.</param>
/// <param name="Sha1">SHA-1, for matching ESP and hash-list values.</param>
/// <param name="Length">The number of bytes.</param>
public sealed record EvidenceHashes(string Sha256, string Md5, string Sha1, long Length);

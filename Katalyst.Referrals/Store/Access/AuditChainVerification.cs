namespace Katalyst.Referrals.Store.Access;

/// <summary>What <see cref="AuditLogStore.VerifyChainAsync"/> found.</summary>
/// <param name="Chained">Entries in the chain, checked.</param>
/// <param name="Unchained">Entries written before the chain existed (migration 0011), not covered by it.</param>
/// <param name="HeadSeq">The last chained entry's place; 0 when none.</param>
/// <param name="HeadHash">The last chained entry's hash (record it elsewhere to detect removal of the newest entries).</param>
/// <param name="Break">The first broken link, or null when the chain is whole.</param>
public sealed record AuditChainVerification(long Chained, long Unchained, long HeadSeq, string HeadHash, AuditChainBreak? Break)
{
    /// <summary>True when every chained entry links to the one before and matches its content.</summary>
    public bool Intact => Break is null;
}

/// <summary>The first place the chain does not hold.</summary>
/// <param name="Seq">The entry's place in the chain (the expected place when entries are missing).</param>
/// <param name="Id">The entry's row id, when the entry exists.</param>
/// <param name="Reason">What is wrong, in words.</param>
public sealed record AuditChainBreak(long Seq, long? Id, string Reason);

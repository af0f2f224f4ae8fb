namespace Katalyst.Referrals.Store.Access;

/// <summary>One audit log entry: who did what, to what, when and from where.</summary>
/// <param name="Id">The entry's number, rising in the order entries were written.</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="UserName">Who did it: the signed-in user, or the name typed at a failed sign-in.</param>
/// <param name="Action">What was done: one of the portal's audit action names.</param>
/// <param name="Target">What it was done to (a report number, a user name, a unit code), or null.</param>
/// <param name="Detail">Anything else worth keeping, or null.</param>
/// <param name="RemoteAddress">The client's IP address, or null when unknown.</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string UserName, string Action, string? Target, string? Detail, string? RemoteAddress);

/// <summary>Optional filters for a search of the audit log; a null filter matches everything.</summary>
/// <param name="User">Part of the user name.</param>
/// <param name="Action">The exact action name.</param>
/// <param name="Target">Part of the target.</param>
/// <param name="From">Entries at or after this time.</param>
/// <param name="To">Entries before this time.</param>
public sealed record AuditSearch(string? User = null, string? Action = null, string? Target = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>One page of audit entries, newest first, and how many match in all.</summary>
/// <param name="Items">The entries on this page.</param>
/// <param name="TotalCount">How many entries match the search.</param>
public sealed record AuditEntryPage(IReadOnlyList<AuditEntry> Items, int TotalCount);

using Dapper;

namespace Katalyst.Referrals.Store.Evidence;

/// <summary>Legal authority per referral: recorded by supervisors, read by the evidence gate. Append-only.</summary>
public sealed class LegalAuthorityStore(StoreDataSource dataSource)
{
    /// <summary>The longest authority reference accepted.</summary>
    public const int MaxReferenceLength = 200;

    /// <summary>The longest note accepted.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Records legal authority for a referral.</summary>
    /// <exception cref="ArgumentException">A field is empty or too long; the message names it.</exception>
    /// <exception cref="KeyNotFoundException">No referral has this report number.</exception>
    public async Task RecordAsync(LegalAuthority authority, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(authority.ReportId);
        Require(authority.RecordedBy, "the recording user", 256);
        Require(authority.Reference, "the authority reference", MaxReferenceLength);
        Require(authority.Note, "the note", MaxNoteLength);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            LegalAuthoritySql.Shared.ReferralExists, new { authority.ReportId }, cancellationToken: cancellationToken));
        if (exists == 0)
        {
            throw new KeyNotFoundException($"No referral with report number {authority.ReportId} is stored.");
        }

        await connection.ExecuteAsync(new CommandDefinition(LegalAuthoritySql.Shared.Insert, new
        {
            authority.ReportId,
            RecordedBy = authority.RecordedBy.Trim(),
            authority.RecordedAt,
            Reference = authority.Reference.Trim(),
            Note = authority.Note.Trim(),
        }, cancellationToken: cancellationToken));
    }

    /// <summary>The latest authority recorded for a referral; null when none has been.</summary>
    public async Task<LegalAuthority?> GetAsync(long reportId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reportId);
        var sql = dataSource.Provider == StoreProvider.Sqlite ? LegalAuthoritySql.Sqlite.Latest : LegalAuthoritySql.SqlServer.Latest;
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { ReportId = reportId }, cancellationToken: cancellationToken));
        return row is null ? null : new LegalAuthority(row.ReportId, row.RecordedBy, row.RecordedAt, row.Reference, row.Note);
    }

    private static void Require(string? value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"Legal authority needs {what}: it is empty.");
        }

        if (value.Trim().Length > maxLength)
        {
            throw new ArgumentException($"Legal authority: {what} is longer than {maxLength} characters.");
        }
    }

    private sealed class Row
    {
        public long ReportId { get; init; }

        public string RecordedBy { get; init; } = "";

        public DateTimeOffset RecordedAt { get; init; }

        public string Reference { get; init; } = "";

        public string Note { get; init; } = "";
    }
}

using Katalyst.Synthetic.Labels;
using Katalyst.Synthetic.Network;

namespace Katalyst.Synthetic.Referrals;

/// <summary>Everything decided about one referral; the writers render it and the tier rules read it.</summary>
internal sealed class ReferralPlan
{
    public required int Index { get; init; }
    public required long ReportId { get; init; }
    public required string SubjectId { get; init; }
    public required bool RepeatSubject { get; init; }
    public required DateTime ReceivedAt { get; init; }
    public required DateTime IncidentAt { get; init; }
    public required bool Informational { get; init; }
    public required string Priority { get; init; }
    public required string Country { get; init; }
    public int? BundledCount { get; init; }
    public IReadOnlyList<long> RelatedReports { get; init; } = [];
    public required string IncidentType { get; init; }
    public required string Esp { get; init; }
    public required string Platform { get; init; }
    public string? Escalation { get; init; }
    public required ReportFlags Flags { get; init; }
    public required TextIndicators Indicators { get; init; }
    public bool Deadline { get; init; }
    public string? Chat { get; init; }
    public string? WebPageUrl { get; init; }
    public string? AdditionalInfo { get; init; }
    public ReportedPerson? Person { get; init; }
    public VictimPlan? Victim { get; init; }
    public required IReadOnlyList<FilePlan> Files { get; init; }
}

/// <summary>The ESP's report-level annotations.</summary>
[Flags]
internal enum ReportFlags
{
    None = 0,
    Sextortion = 1,
    CsamSolicitation = 2,
    MinorToMinor = 4,
    Spam = 8,
    Sadistic = 16,
}

/// <summary>A reported identifier as written in this report, with the ESP's verification flag.</summary>
internal sealed record Identifier(string Value, bool? Verified);

/// <summary>One IP capture event.</summary>
internal sealed record IpEvent(IpPlace Place, string EventName, DateTime At, bool? PossibleProxy, int? Port);

/// <summary>The suspect as this report shows them: a subset of their identifiers, in this report's forms.</summary>
internal sealed class ReportedPerson
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public IReadOnlyList<Identifier> Phones { get; init; } = [];
    public IReadOnlyList<Identifier> Emails { get; init; } = [];
    public DateOnly? DateOfBirth { get; init; }
    public string? EspIdentifier { get; init; }
    public required string EspService { get; init; }
    public string? ScreenName { get; init; }
    public string? DisplayName { get; init; }
    public string? ProfileUrl { get; init; }
    public string? ProfileBio { get; init; }
    public IReadOnlyList<IpEvent> IpEvents { get; init; } = [];
    public string? Imei { get; init; }
    public IReadOnlyList<long> PriorCTReports { get; init; } = [];
    public (string City, string Region, string Country)? EstimatedLocation { get; init; }
    public bool PhoneIsPakistani { get; init; }
}

/// <summary>The child in the report, when the ESP names one.</summary>
internal sealed record VictimPlan(string FirstName, int Age, string? ScreenName, string? SchoolName, string? City);

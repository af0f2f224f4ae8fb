namespace Katalyst.Referrals.Model;

/// <summary>
/// A typed <c>report.xml</c>: what the ESP submitted to the CyberTipline, every field of
/// NCMEC's schema. Lists are never null; an absent optional element is null or empty.
/// </summary>
/// <param name="BatchedReport">Set when the report stands for a batch of similar incidents.</param>
/// <param name="IncidentSummary">The incident type, time and the ESP's tags.</param>
/// <param name="InternetDetails">Where the incident happened: one record per web page, chat, email, ...</param>
/// <param name="LawEnforcement">Set when the incident was already reported to law enforcement.</param>
/// <param name="Reporter">Who at the ESP reported it.</param>
/// <param name="PersonsOrUsersReported">The suspects (<c>personOrUserReported</c>).</param>
/// <param name="IntendedRecipients">Recipients of the reported content.</param>
/// <param name="Victims">The children the report is about.</param>
/// <param name="AdditionalInfo">The report's free-text notes.</param>
/// <param name="UnknownElements">Elements and attributes the schema does not define, kept as raw XML.</param>
public sealed record EspReport(
    BatchedReport? BatchedReport,
    IncidentSummary IncidentSummary,
    IReadOnlyList<InternetDetail> InternetDetails,
    LawEnforcement? LawEnforcement,
    Reporter Reporter,
    IReadOnlyList<PersonOrUserReported> PersonsOrUsersReported,
    IReadOnlyList<IntendedRecipient> IntendedRecipients,
    IReadOnlyList<Victim> Victims,
    string? AdditionalInfo,
    IReadOnlyList<UnknownElement> UnknownElements);

/// <summary><c>report/batchedReport</c>: the report groups otherwise individual reports.</summary>
/// <param name="Reason">Why they were grouped; the schema allows only <c>VIRAL_POTENTIAL_MEME</c>.</param>
public sealed record BatchedReport(string Reason);

/// <summary><c>report/incidentSummary</c>.</summary>
/// <param name="IncidentType">One of the schema's eight incident types.</param>
/// <param name="Platform">The application where the content occurred.</param>
/// <param name="EscalateToHighPriority">Free text: why the ESP believes a child is at immediate risk; null when not escalated.</param>
/// <param name="ReportAnnotations">The ESP's tags on the incident.</param>
/// <param name="UnknownAnnotations">Names of annotation elements the schema does not define (e.g. <c>informational</c>).</param>
/// <param name="IncidentDateTime">When the incident happened. A value without a time zone is read as UTC.</param>
/// <param name="IncidentDateTimeDescription">Free text about the incident time.</param>
public sealed record IncidentSummary(
    IncidentType IncidentType,
    string? Platform,
    string? EscalateToHighPriority,
    ReportAnnotations ReportAnnotations,
    IReadOnlyList<string> UnknownAnnotations,
    DateTimeOffset IncidentDateTime,
    string? IncidentDateTimeDescription);

/// <summary><c>report/lawEnforcement</c>: the incident was already reported to this agency.</summary>
/// <param name="AgencyName">The agency (required by the schema).</param>
/// <param name="CaseNumber">The agency's case number.</param>
/// <param name="OfficerContact">The investigating officer.</param>
/// <param name="ReportedToLe">True when the ESP itself reported the incident to law enforcement.</param>
/// <param name="ServedLegalProcessDomestic">Domestic legal process was served.</param>
/// <param name="ServedLegalProcessInternational">International legal process was served.</param>
/// <param name="FleaCountry">The foreign agency's country (<c>servedLegalProcessInternational/@fleaCountry</c>).</param>
public sealed record LawEnforcement(
    string AgencyName,
    string? CaseNumber,
    Person? OfficerContact,
    bool? ReportedToLe,
    bool? ServedLegalProcessDomestic,
    bool? ServedLegalProcessInternational,
    string? FleaCountry);

/// <summary><c>report/reporter</c>: the ESP's reporting person and boilerplate.</summary>
/// <param name="ReportingPerson">The person who filed the report (required).</param>
/// <param name="ContactPerson">Whom law enforcement should contact, when not the reporting person.</param>
/// <param name="CompanyTemplate">Text the ESP includes in every report.</param>
/// <param name="TermsOfService">The terms of service relevant to the incident.</param>
/// <param name="LegalUrl">A page with further information (<c>legalURL</c>).</param>
public sealed record Reporter(
    Person ReportingPerson,
    Person? ContactPerson,
    string? CompanyTemplate,
    string? TermsOfService,
    string? LegalUrl);

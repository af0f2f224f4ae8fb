using Katalyst.Protos.V1;

namespace Katalyst.Inference.Scoring;

/// <summary>Checks a request against the contract in scoring.proto; the first fault names the field.</summary>
public static class ScoreRequestValidation
{
    /// <summary>Longest free text, in characters.</summary>
    public const int MaxTextLength = 1_000_000;

    /// <summary>Most files in one request.</summary>
    public const int MaxFiles = 10_000;

    /// <summary>Returns null when the request is valid, else "field: what is wrong".</summary>
    public static string? Problem(ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ReportId <= 0)
        {
            return $"report_id: must be a positive report number, got {request.ReportId}";
        }

        if (request.IncidentType == IncidentType.Unspecified || !Enum.IsDefined(request.IncidentType))
        {
            return "incident_type: required, one of NCMEC's eight incident types";
        }

        if (request.ReportType == ReportType.Unspecified || !Enum.IsDefined(request.ReportType))
        {
            return "report_type: required, REFERRAL or INFORMATIONAL";
        }

        if (request.NcmecPriority is not ("" or "1" or "2" or "3" or "E"))
        {
            return $"ncmec_priority: \"{request.NcmecPriority}\" is not one of \"1\", \"2\", \"3\", \"E\" or empty";
        }

        if (request.BundledCount < 0 || request.LinkedReferrals < 0)
        {
            return request.BundledCount < 0 ? "bundled_count: must not be negative" : "linked_referrals: must not be negative";
        }

        if (request.LinkedMaxTier is < 0 or > 5)
        {
            return $"linked_max_tier: {request.LinkedMaxTier} is not a tier (1 to 5, or 0 for none)";
        }

        for (var i = 0; i < request.Texts.Count; i++)
        {
            if (request.Texts[i].Text.Length > MaxTextLength)
            {
                return $"texts[{i}].text: longer than {MaxTextLength:N0} characters";
            }
        }

        for (var i = 0; i < request.ReportedPersons.Count; i++)
        {
            var p = request.ReportedPersons[i];
            if (p.HasAge && p.Age is < 0 or > 120)
            {
                return $"reported_persons[{i}].age: {p.Age} is not an age in years";
            }

            if (p.Emails < 0 || p.VerifiedEmails < 0 || p.Phones < 0 || p.InCountryPhones < 0 || p.IpEvents < 0 || p.InCountryIpEvents < 0 || p.PriorCtReports < 0)
            {
                return $"reported_persons[{i}]: counts must not be negative";
            }

            if (p.VerifiedEmails > p.Emails || p.InCountryPhones > p.Phones || p.InCountryIpEvents > p.IpEvents)
            {
                return $"reported_persons[{i}]: a part is larger than its whole (verified_emails, in_country_phones or in_country_ip_events)";
            }
        }

        for (var i = 0; i < request.Victims.Count; i++)
        {
            if (request.Victims[i].HasAge && request.Victims[i].Age is < 0 or > 120)
            {
                return $"victims[{i}].age: {request.Victims[i].Age} is not an age in years";
            }
        }

        if (request.Files.Count > MaxFiles)
        {
            return $"files: {request.Files.Count:N0} files, over the limit of {MaxFiles:N0}";
        }

        for (var i = 0; i < request.Files.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(request.Files[i].FileId))
            {
                return $"files[{i}].file_id: required";
            }

            if (request.Files[i].Media is { } media && MediaSignalsValidation.Problem(media) is { } problem)
            {
                return $"files[{i}].media.{problem}";
            }
        }

        return null;
    }
}

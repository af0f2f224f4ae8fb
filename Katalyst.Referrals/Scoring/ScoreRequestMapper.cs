using Katalyst.Protos.V1;
using Katalyst.Referrals.Intake.Manifest;
using Katalyst.Referrals.Model;
using ModelIncidentType = Katalyst.Referrals.Model.IncidentType;
using ModelIndustry = Katalyst.Referrals.Model.IndustryClassification;
using ProtoFile = Katalyst.Protos.V1.ReferralFile;

namespace Katalyst.Referrals.Scoring;

/// <summary>
/// One file as the mapper needs it: its fileDetails (if any), the MD5/SHA-1 of its bytes (if received), the verdict
/// of its media analysis (<c>known</c>, <c>new</c>, <c>not-image</c>, <c>unreadable</c>; null when not analysed) and
/// what the media models saw in it (null when they did not analyse it).
/// </summary>
public sealed record FileFacts(
    string FileId, FileDetails? Details, string? Md5, string? Sha1, string? AnalysisVerdict = null, Store.Analysis.FileMediaSignals? Media = null);

/// <summary>
/// Turns a referral (manifest, typed report, files) into the scoring service's request: what the triage policy
/// uses, never the identifiers themselves and never file bytes. Pure.
/// </summary>
public static class ScoreRequestMapper
{
    /// <summary>Builds the request.</summary>
    public static ScoreRequest Map(ReferralManifest manifest, EspReport report, IEnumerable<FileFacts> files, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        var summary = report.IncidentSummary;
        var request = new ScoreRequest
        {
            ReportId = manifest.ReportId,
            IncidentType = Map(summary.IncidentType),
            ReportType = manifest.ReportType == Intake.Manifest.ReportType.Informational ? Protos.V1.ReportType.Informational : Protos.V1.ReportType.Referral,
            EscalateToHighPriority = summary.EscalateToHighPriority ?? "",
            Annotations = Map(summary.ReportAnnotations),
            NcmecPriority = manifest.NcmecPriority ?? "",
            RoutedInCountry = string.Equals(manifest.Country, context.AgencyCountry, StringComparison.OrdinalIgnoreCase),
            BundledCount = manifest.BundledCount ?? 0,
            LinkedReferrals = manifest.RelatedReports.Count,
        };
        request.Texts.AddRange(ReferralTexts.Of(report));
        var inCountryIps = manifest.Geolocation
            .Where(g => string.Equals(g.Country, context.AgencyCountry, StringComparison.OrdinalIgnoreCase))
            .Select(g => g.Ip)
            .ToHashSet(StringComparer.Ordinal);
        request.ReportedPersons.AddRange(report.PersonsOrUsersReported.Select(p => Map(p, inCountryIps, context)));
        request.Victims.AddRange(report.Victims.Select(Map));
        request.Files.AddRange(files.Select(f => Map(f, context.KnownHashes)));
        return request;
    }

    private static Protos.V1.ReportedPerson Map(PersonOrUserReported suspect, HashSet<string> inCountryIps, ScoringContext context)
    {
        var person = suspect.Person;
        var account = suspect.Account;
        var phones = person?.Phones ?? [];
        var emails = person?.Emails ?? [];
        var mapped = new Protos.V1.ReportedPerson
        {
            Emails = emails.Count,
            VerifiedEmails = emails.Count(e => e.Verified == true),
            Phones = phones.Count,
            InCountryPhones = phones.Count(p => PhoneNumbers.IsInCountry(p, context)),
            ScreenName = !string.IsNullOrWhiteSpace(account.ScreenName),
            EspIdentifier = !string.IsNullOrWhiteSpace(account.EspIdentifier),
            IpEvents = account.IpCaptureEvents.Count,
            InCountryIpEvents = account.IpCaptureEvents.Count(e => e.PossibleProxy != true && inCountryIps.Contains(e.IpAddress)),
            PriorCtReports = account.PriorCTReports.Count,
        };
        if (AgeOf(person) is { } age)
        {
            mapped.Age = age;
        }

        return mapped;
    }

    private static Protos.V1.Victim Map(Model.Victim victim)
    {
        var mapped = new Protos.V1.Victim { School = !string.IsNullOrWhiteSpace(victim.SchoolName) };
        if (AgeOf(victim.Person) is { } age)
        {
            mapped.Age = age;
        }

        return mapped;
    }

    private static ProtoFile Map(FileFacts file, KnownHashList known)
    {
        var details = file.Details;
        var mapped = new ProtoFile
        {
            FileId = file.FileId,
            Annotations = Map(details?.FileAnnotations ?? Model.FileAnnotations.None, details?.IsPotentialMeme == true),
            IndustryClassification = details?.IndustryClassification switch
            {
                ModelIndustry.A1 => Protos.V1.IndustryClassification.A1,
                ModelIndustry.A2 => Protos.V1.IndustryClassification.A2,
                ModelIndustry.B1 => Protos.V1.IndustryClassification.B1,
                ModelIndustry.B2 => Protos.V1.IndustryClassification.B2,
                _ => Protos.V1.IndustryClassification.Unspecified,
            },
            HashMatch = MatchOf(file, known),
        };
        if (details?.FileViewedByEsp is { } viewed)
        {
            mapped.ViewedByEsp = viewed;
        }

        if (details?.PubliclyAvailable is { } available)
        {
            mapped.PubliclyAvailable = available;
        }

        if (file.Media is { HasSignals: true } media)
        {
            mapped.Media = Map(media);
        }

        return mapped;
    }

    // The summary the scorer reads; a file without faces says 0 for the face's fields, as scoring.proto asks.
    private static MediaSignals Map(Store.Analysis.FileMediaSignals media) => new()
    {
        Drawing = media.Drawing ?? 0f,
        Hentai = media.Hentai ?? 0f,
        Neutral = media.Neutral ?? 0f,
        Porn = media.Porn ?? 0f,
        Sexy = media.Sexy ?? 0f,
        FaceCount = media.FaceCount ?? 0,
        ApparentMinorProbability = media.MinorProbability ?? 0f,
        ApparentMinorFaceScore = media.MinorFaceScore ?? 0f,
        ApparentAge = media.MinorApparentAge ?? 0f,
    };

    // The stored media analysis first: known (exact or PDQ within a set's radius), or new material (an image nothing
    // matched; triage-policy.md raises the referral). Otherwise, the old path: the bytes' own hashes, else the hashes the
    // ESP stated, against the known-hash list. No hash, or no list to check: unknown.
    private static HashMatch MatchOf(FileFacts file, KnownHashList known)
    {
        switch (file.AnalysisVerdict)
        {
            case Store.Analysis.FileVerdicts.Known:
                return HashMatch.Known;
            case Store.Analysis.FileVerdicts.New:
                return HashMatch.None;
        }

        if (known.Count == 0)
        {
            return HashMatch.Unknown;
        }

        var hashes = new List<string>();
        if (file.Md5 is not null || file.Sha1 is not null)
        {
            hashes.AddRange(new[] { file.Md5, file.Sha1 }.OfType<string>());
        }
        else if (file.Details is { } details)
        {
            hashes.AddRange(details.OriginalFileHashes
                .Where(h => h.HashType.Equals("MD5", StringComparison.OrdinalIgnoreCase) || h.HashType.Equals("SHA1", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Value));
        }

        return hashes.Count == 0 ? HashMatch.Unknown : hashes.Any(known.Contains) ? HashMatch.Known : HashMatch.None;
    }

    private static int? AgeOf(Person? person) => person?.Age ?? (person?.DateOfBirth is { } born
        ? (int)((DateTime.UtcNow - born.ToDateTime(TimeOnly.MinValue)).TotalDays / 365.25)
        : null);

    private static Protos.V1.IncidentType Map(ModelIncidentType type) => type switch
    {
        ModelIncidentType.ChildPornography => Protos.V1.IncidentType.ChildPornography,
        ModelIncidentType.ChildSexTrafficking => Protos.V1.IncidentType.ChildSexTrafficking,
        ModelIncidentType.ChildSexTourism => Protos.V1.IncidentType.ChildSexTourism,
        ModelIncidentType.ChildSexualMolestation => Protos.V1.IncidentType.ChildSexualMolestation,
        ModelIncidentType.MisleadingDomainName => Protos.V1.IncidentType.MisleadingDomainName,
        ModelIncidentType.MisleadingWordsOrDigitalImages => Protos.V1.IncidentType.MisleadingWordsOrImages,
        ModelIncidentType.OnlineEnticement => Protos.V1.IncidentType.OnlineEnticement,
        ModelIncidentType.UnsolicitedObsceneMaterial => Protos.V1.IncidentType.UnsolicitedObsceneMaterial,
        _ => Protos.V1.IncidentType.Unspecified,
    };

    private static Protos.V1.ReportAnnotations Map(Model.ReportAnnotations annotations) => new()
    {
        Sextortion = annotations.HasFlag(Model.ReportAnnotations.Sextortion),
        CsamSolicitation = annotations.HasFlag(Model.ReportAnnotations.CsamSolicitation),
        MinorToMinorInteraction = annotations.HasFlag(Model.ReportAnnotations.MinorToMinorInteraction),
        Spam = annotations.HasFlag(Model.ReportAnnotations.Spam),
        SadisticOnlineExploitation = annotations.HasFlag(Model.ReportAnnotations.SadisticOnlineExploitation),
    };

    private static Protos.V1.FileAnnotations Map(Model.FileAnnotations a, bool potentialMeme) => new()
    {
        AnimeDrawingVirtualHentai = a.HasFlag(Model.FileAnnotations.AnimeDrawingVirtualHentai),
        PotentialMeme = potentialMeme,
        Viral = a.HasFlag(Model.FileAnnotations.Viral),
        PossibleSelfProduction = a.HasFlag(Model.FileAnnotations.PossibleSelfProduction),
        PhysicalHarm = a.HasFlag(Model.FileAnnotations.PhysicalHarm),
        ViolenceGore = a.HasFlag(Model.FileAnnotations.ViolenceGore),
        Bestiality = a.HasFlag(Model.FileAnnotations.Bestiality),
        LiveStreaming = a.HasFlag(Model.FileAnnotations.LiveStreaming),
        Infant = a.HasFlag(Model.FileAnnotations.Infant),
        GenerativeAi = a.HasFlag(Model.FileAnnotations.GenerativeAi),
    };
}

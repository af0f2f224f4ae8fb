using Katalyst.Protos.V1;

namespace Katalyst.Scoring.Priority;

/// <summary>
/// The triage policy's signals (shared/spec/triage-policy.md) as numbers in [0, 1], in a fixed order: the priority
/// model's input. Pure: the same request and text indicators always give the same vector.
/// </summary>
public static class PrioritySignals
{
    /// <summary>A child counts as young below this age, in years.</summary>
    public const int YoungChildAge = 13;

    /// <summary>Every signal, in the order of the vector.</summary>
    public static IReadOnlyList<Signal> All { get; } =
    [
        new("escalated", "The ESP escalated the report: it believes a child is at immediate risk."),
        new("ncmec_priority_1", "NCMEC marked it priority 1: a child in imminent danger."),
        new("incident.trafficking", "The incident type is child sex trafficking."),
        new("incident.molestation", "The incident type is child sexual molestation (hands-on abuse)."),
        new("incident.enticement", "The incident type is online enticement of a child."),
        new("incident.unsolicited", "Obscene material was sent to a child."),
        new("incident.other", "The incident type is tourism or a misleading name or image."),
        new("informational", "NCMEC marked the report informational."),
        new("out_of_country", "NCMEC routed it to another country."),
        new("annotation.sextortion", "The ESP tagged it sextortion."),
        new("annotation.csam_solicitation", "The ESP tagged solicitation of material from a child."),
        new("annotation.sadistic", "The ESP tagged sadistic online exploitation."),
        new("annotation.minor_to_minor", "The ESP tagged minor-to-minor interaction."),
        new("annotation.spam", "The ESP tagged it spam."),
        new("text.sextortion", "The texts read as sextortion (threats to share images)."),
        new("text.grooming", "The texts read as grooming (trust, secrecy, gifts, isolation)."),
        new("text.meeting", "The texts arrange an offline meeting with a child."),
        new("text.production", "The texts ask a child for images, video or to go on camera."),
        new("text.contact_abuse", "The texts speak of hands-on abuse or of access to a child."),
        new("text.trafficking", "The texts speak of payment for, selling or offering a child."),
        new("text.self_harm_risk", "The texts speak of a child harming themself, or threaten harm."),
        new("files.new_with_production_signs", "A file matching no known material shows signs of production, live streaming, an infant or physical harm."),
        new("files.production_signs", "A file is tagged self-production, live streaming, infant or physical harm."),
        new("files.new_material", "A file matches no known material: possibly new abuse."),
        new("files.unchecked", "A file could not be checked against known material."),
        new("files.all_known", "Every file matches known material."),
        new("files.all_meme_viral_ai", "Every file is tagged meme, viral or generative AI."),
        new("files.a1", "A file is classified A1 (prepubescent, sex act)."),
        new("files.a2_b1", "A file is classified A2 or B1."),
        new("files.none", "The referral has no files."),
        new("bundled", "It is a bundled (viral) report."),
        new("suspect.none", "No suspect is reported."),
        new("suspect.in_country", "The suspect is identifiable in the country (phone, verified e-mail or IP)."),
        new("suspect.prior_reports", "The suspect has prior CyberTipline reports."),
        new("suspect.linked", "Other referrals concern the same suspect."),
        new("victim.young", $"A child under {YoungChildAge} is named."),
        new("victim.identified", "A child is identified (age or school)."),
    ];

    /// <summary>How many signals the vector holds.</summary>
    public static int Count => All.Count;

    /// <summary>Writes the signals of one referral into <paramref name="vector"/> (length <see cref="Count"/>).</summary>
    /// <param name="request">The referral.</param>
    /// <param name="indicators">The seven text indicator probabilities, in the order of <see cref="TextIndicatorNames"/>.</param>
    /// <param name="vector">Receives the values.</param>
    public static void Fill(ScoreRequest request, ReadOnlySpan<float> indicators, Span<float> vector)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (vector.Length != Count || indicators.Length != TextIndicatorNames.All.Count)
        {
            throw new ArgumentException($"need {Count} signals and {TextIndicatorNames.All.Count} indicators");
        }

        var i = 0;
        var annotations = request.Annotations ?? new ReportAnnotations();
        var files = request.Files;
        vector[i++] = Flag(!string.IsNullOrWhiteSpace(request.EscalateToHighPriority));
        vector[i++] = Flag(request.NcmecPriority == "1");
        vector[i++] = Flag(request.IncidentType == IncidentType.ChildSexTrafficking);
        vector[i++] = Flag(request.IncidentType == IncidentType.ChildSexualMolestation);
        vector[i++] = Flag(request.IncidentType == IncidentType.OnlineEnticement);
        vector[i++] = Flag(request.IncidentType == IncidentType.UnsolicitedObsceneMaterial);
        vector[i++] = Flag(request.IncidentType is IncidentType.ChildSexTourism or IncidentType.MisleadingDomainName or IncidentType.MisleadingWordsOrImages);
        vector[i++] = Flag(request.ReportType == ReportType.Informational);
        vector[i++] = Flag(!request.RoutedInCountry);
        vector[i++] = Flag(annotations.Sextortion);
        vector[i++] = Flag(annotations.CsamSolicitation);
        vector[i++] = Flag(annotations.SadisticOnlineExploitation);
        vector[i++] = Flag(annotations.MinorToMinorInteraction);
        vector[i++] = Flag(annotations.Spam);
        foreach (var probability in indicators)
        {
            vector[i++] = Math.Clamp(probability, 0f, 1f);
        }

        vector[i++] = Flag(files.Any(f => f.HashMatch == HashMatch.None && HasProductionSigns(f)));
        vector[i++] = Flag(files.Any(HasProductionSigns));
        vector[i++] = Flag(files.Any(f => f.HashMatch == HashMatch.None));
        vector[i++] = Flag(files.Any(f => f.HashMatch == HashMatch.Unknown));
        vector[i++] = Flag(files.Count > 0 && files.All(f => f.HashMatch == HashMatch.Known));
        vector[i++] = Flag(files.Count > 0 && files.All(IsMemeViralOrAi));
        vector[i++] = Flag(files.Any(f => f.IndustryClassification == IndustryClassification.A1));
        vector[i++] = Flag(files.Any(f => f.IndustryClassification is IndustryClassification.A2 or IndustryClassification.B1));
        vector[i++] = Flag(files.Count == 0);
        vector[i++] = Flag(request.BundledCount > 0);
        vector[i++] = Flag(request.ReportedPersons.Count == 0);
        vector[i++] = Flag(request.ReportedPersons.Any(p => p.InCountryPhones > 0 || p.VerifiedEmails > 0 || p.InCountryIpEvents > 0));
        vector[i++] = Flag(request.ReportedPersons.Any(p => p.PriorCtReports > 0));
        vector[i++] = Flag(request.LinkedReferrals > 0);
        vector[i++] = Flag(request.Victims.Any(v => v.HasAge && v.Age < YoungChildAge));
        vector[i++] = Flag(request.Victims.Any(v => v.HasAge || v.School));
    }

    private static bool HasProductionSigns(ReferralFile file)
    {
        var a = file.Annotations;
        return a is not null && (a.PossibleSelfProduction || a.LiveStreaming || a.Infant || a.PhysicalHarm);
    }

    private static bool IsMemeViralOrAi(ReferralFile file)
    {
        var a = file.Annotations;
        return a is not null && (a.PotentialMeme || a.Viral || a.GenerativeAi);
    }

    private static float Flag(bool value) => value ? 1f : 0f;
}

namespace Katalyst.Referrals.Linking;

/// <summary>
/// The kinds of identifier linking knows. A kind is plain text in the store (<c>referral_identifiers.kind</c>), so a
/// new kind (e.g. <see cref="Pdq"/> near-matches from the media work) needs a name here and a threshold, never a
/// schema change.
/// </summary>
public static class IdentifierKinds
{
    /// <summary>An e-mail address, normalised by <see cref="EmailAddresses"/>.</summary>
    public const string Email = "email";

    /// <summary>A phone number in E.164 (<c>+923001234567</c>).</summary>
    public const string Phone = "phone";

    /// <summary>An IP address in its canonical text form; time, port and event kept as detail.</summary>
    public const string Ip = "ip";

    /// <summary>A screen name, scoped to the ESP service (<c>instagram:the_king_12</c>).</summary>
    public const string ScreenName = "screen-name";

    /// <summary>
    /// A screen name on any platform (<c>the_king_12</c>): people reuse a handle across platforms, a weaker sign
    /// than the same name on one platform, so it has its own (lower) threshold.
    /// </summary>
    public const string Handle = "handle";

    /// <summary>The account's ID in the ESP's system, scoped to the ESP service.</summary>
    public const string EspUserId = "esp-user-id";

    /// <summary>An IMEI: its first 14 digits (type allocation code and serial; the check digit dropped).</summary>
    public const string Imei = "imei";

    /// <summary>A SIM card's ICCID, digits only.</summary>
    public const string Iccid = "iccid";

    /// <summary>Any other device ID, as <c>type:value</c>.</summary>
    public const string Device = "device";

    /// <summary>A profile URL, normalised by <see cref="ProfileUrls"/>.</summary>
    public const string ProfileUrl = "profile-url";

    /// <summary>A file's SHA-256, lower-case hex.</summary>
    public const string Sha256 = "sha256";

    /// <summary>A file's MD5, lower-case hex (computed by Katalyst or stated by the ESP).</summary>
    public const string Md5 = "md5";

    /// <summary>
    /// A CyberTipline report number: the referral's own, and the suspect's <c>priorCTReports</c>. Two referrals
    /// share it when one cites the other, or both cite the same earlier report.
    /// </summary>
    public const string CtReport = "ct-report";

    /// <summary>A report number NCMEC related to this one (manifest <c>relatedReports</c>), and the referral's own.</summary>
    public const string RelatedReport = "related-report";

    /// <summary>Reserved for perceptual (PDQ) near-matches when the media work provides them.</summary>
    public const string Pdq = "pdq";
}

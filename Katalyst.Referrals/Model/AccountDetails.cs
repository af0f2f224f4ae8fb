namespace Katalyst.Referrals.Model;

/// <summary>
/// The online-account fields the schema repeats for reported users, intended recipients,
/// victims and associated accounts: the identifiers linking and triage rely on.
/// A field a given party does not have in the schema is always null or empty.
/// </summary>
/// <param name="EspIdentifier">The account's ID in the ESP's system.</param>
/// <param name="EspService">The ESP product the account used.</param>
/// <param name="CompromisedAccount">The account was hacked or hijacked.</param>
/// <param name="ScreenName">The screen name.</param>
/// <param name="DisplayNames">Display names other than the screen name.</param>
/// <param name="ProfileUrls">Identifying URLs.</param>
/// <param name="ProfileBio">The account's bio, as free text.</param>
/// <param name="IpCaptureEvents">IP addresses the account used, and when.</param>
/// <param name="DeviceIds">Device IDs the account used.</param>
/// <param name="PriorCTReports">Earlier CyberTipline report IDs about this account.</param>
/// <param name="GroupIdentifier">The organised online group the ESP believes the account belongs to.</param>
/// <param name="AccountTemporarilyDisabled">Whether and when the account was temporarily disabled.</param>
/// <param name="AccountPermanentlyDisabled">Whether and when the account was permanently disabled.</param>
/// <param name="EstimatedLocation">The ESP's estimate of where the account holder is.</param>
/// <param name="AllEmailsReported">True when there are no further email addresses to report.</param>
public sealed record AccountDetails(
    string? EspIdentifier,
    string? EspService,
    bool? CompromisedAccount,
    string? ScreenName,
    IReadOnlyList<string> DisplayNames,
    IReadOnlyList<string> ProfileUrls,
    string? ProfileBio,
    IReadOnlyList<IpCaptureEvent> IpCaptureEvents,
    IReadOnlyList<DeviceId> DeviceIds,
    IReadOnlyList<long> PriorCTReports,
    string? GroupIdentifier,
    AccountDisabled? AccountTemporarilyDisabled,
    AccountDisabled? AccountPermanentlyDisabled,
    EstimatedLocation? EstimatedLocation,
    bool? AllEmailsReported);

/// <summary>The schema's <c>ipCaptureEvent</c>: an IP address and when it was used.</summary>
/// <param name="IpAddress">The address as written (not validated by the schema).</param>
/// <param name="EventName">Login, Registration, Purchase, Upload, Other or Unknown.</param>
/// <param name="DateTime">When it was recorded; a value without a time zone is read as UTC.</param>
/// <param name="PossibleProxy">The ESP believes the address is a proxy.</param>
/// <param name="Port">The port number.</param>
public sealed record IpCaptureEvent(
    string IpAddress,
    string? EventName,
    DateTimeOffset? DateTime,
    bool? PossibleProxy,
    int? Port);

/// <summary>The schema's <c>deviceId</c>.</summary>
/// <param name="IdType">E.g. IMEI, ICCID, SSID.</param>
/// <param name="IdValue">The ID.</param>
/// <param name="EventName">Login, Registration, Purchase, Upload, Other or Unknown.</param>
/// <param name="DateTime">When it was recorded.</param>
public sealed record DeviceId(string IdType, string IdValue, string? EventName, DateTimeOffset? DateTime);

/// <summary>The schema's <c>estimatedLocation</c>.</summary>
/// <param name="City">City.</param>
/// <param name="Region">Region.</param>
/// <param name="CountryCode">Country code.</param>
/// <param name="Verified">The ESP verified the location.</param>
/// <param name="Timestamp">When the estimate was made.</param>
public sealed record EstimatedLocation(
    string? City,
    string? Region,
    string? CountryCode,
    bool? Verified,
    DateTimeOffset? Timestamp);

/// <summary>
/// The schema's <c>accountTemporarilyDisabled</c> / <c>accountPermanentlyDisabled</c>
/// (the permanent one has no re-enabled date).
/// </summary>
/// <param name="Disabled">The element's boolean value.</param>
/// <param name="DisabledDate">When the account was disabled.</param>
/// <param name="UserNotified">The user was told.</param>
/// <param name="UserNotifiedDate">When the user was told.</param>
/// <param name="ReenabledDate">When a temporarily disabled account was re-enabled.</param>
public sealed record AccountDisabled(
    bool Disabled,
    DateTimeOffset? DisabledDate,
    bool? UserNotified,
    DateTimeOffset? UserNotifiedDate,
    DateTimeOffset? ReenabledDate);

using System.Text.Json.Serialization;

namespace Katalyst.Referrals.Model;

/// <summary>
/// One <c>report/internetDetails</c> record: exactly one of the schema's eight incident kinds.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(WebPageIncident), "webPage")]
[JsonDerivedType(typeof(EmailIncident), "email")]
[JsonDerivedType(typeof(NewsgroupIncident), "newsgroup")]
[JsonDerivedType(typeof(ChatImIncident), "chatIm")]
[JsonDerivedType(typeof(OnlineGamingIncident), "onlineGaming")]
[JsonDerivedType(typeof(CellPhoneIncident), "cellPhone")]
[JsonDerivedType(typeof(NonInternetIncident), "nonInternet")]
[JsonDerivedType(typeof(PeerToPeerIncident), "peer2peer")]
public abstract record InternetDetail
{
    /// <summary>The schema element name of this kind, e.g. <c>chatImIncident</c>.</summary>
    [JsonIgnore]
    public abstract string ElementName { get; }

    /// <summary>The ESP's free-text notes on this record.</summary>
    public string? AdditionalInfo { get; init; }
}

/// <summary><c>webPageIncident</c>.</summary>
/// <param name="Urls">The URLs where the incident occurred.</param>
/// <param name="ThirdPartyHostedContent">The content is hosted by a third party.</param>
public sealed record WebPageIncident(IReadOnlyList<string> Urls, bool? ThirdPartyHostedContent) : InternetDetail
{
    /// <inheritdoc />
    public override string ElementName => "webPageIncident";
}

/// <summary><c>emailIncident</c>.</summary>
/// <param name="EmailAddresses">Addresses involved.</param>
/// <param name="Content">Headers, subject and body of the message.</param>
public sealed record EmailIncident(IReadOnlyList<EmailAddress> EmailAddresses, string? Content) : InternetDetail
{
    /// <inheritdoc />
    public override string ElementName => "emailIncident";
}

/// <summary><c>newsgroupIncident</c>.</summary>
/// <param name="Name">The newsgroup.</param>
/// <param name="EmailAddresses">Addresses involved.</param>
/// <param name="Content">The posting, headers included.</param>
public sealed record NewsgroupIncident(string? Name, IReadOnlyList<EmailAddress> EmailAddresses, string? Content) : InternetDetail
{
    /// <inheritdoc />
    public override string ElementName => "newsgroupIncident";
}

/// <summary><c>chatImIncident</c>.</summary>
/// <param name="ChatClient">The chat or messenger program.</param>
/// <param name="ChatRoomName">The chat room.</param>
/// <param name="Content">The chat log.</param>
public sealed record ChatImIncident(string? ChatClient, string? ChatRoomName, string? Content) : InternetDetail
{
    /// <inheritdoc />
    public override string ElementName => "chatImIncident";
}

/// <summary><c>onlineGamingIncident</c>.</summary>
/// <param name="GameName">The game.</param>
/// <param name="Console">The console, if one was used.</param>
/// <param name="Content">The in-game messages.</param>
public sealed record OnlineGamingIncident(string? GameName, string? Console, string? Content) : InternetDetail
{
    /// <inheritdoc />
    public override string ElementName => "onlineGamingIncident";
}

/// <summary><c>cellPhoneIncident</c>.</summary>
/// <param name="PhoneNumber">The phone involved.</param>
/// <param name="Latitude">Latitude of the incident.</param>
/// <param name="Longitude">Longitude of the incident.</param>
public sealed record CellPhoneIncident(PhoneNumber? PhoneNumber, double? Latitude, double? Longitude) : InternetDetail
{
    /// <inheritdoc />
    public override string ElementName => "cellPhoneIncident";
}

/// <summary><c>nonInternetIncident</c>: face-to-face or otherwise offline.</summary>
/// <param name="LocationName">The location.</param>
/// <param name="IncidentAddresses">Addresses of the incident.</param>
public sealed record NonInternetIncident(string? LocationName, IReadOnlyList<Address> IncidentAddresses) : InternetDetail
{
    /// <inheritdoc />
    public override string ElementName => "nonInternetIncident";
}

/// <summary><c>peer2peerIncident</c>.</summary>
/// <param name="Client">The P2P client.</param>
/// <param name="IpCaptureEvents">IP addresses seen.</param>
/// <param name="FileNames">The names of the shared files.</param>
public sealed record PeerToPeerIncident(string? Client, IReadOnlyList<IpCaptureEvent> IpCaptureEvents, string? FileNames) : InternetDetail
{
    /// <inheritdoc />
    public override string ElementName => "peer2peerIncident";
}

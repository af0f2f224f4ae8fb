namespace Katalyst.Referrals.Model;

/// <summary><c>report/personOrUserReported</c>: a suspect.</summary>
/// <param name="Person">Name, contact details, age (<c>personOrUserReportedPerson</c>).</param>
/// <param name="VehicleDescription">The suspect's vehicle.</param>
/// <param name="Account">Identifiers, IPs, devices, prior reports, location.</param>
/// <param name="ThirdPartyUserReported">The suspect uses another company's service; the ESP knows no more.</param>
/// <param name="AssociatedAccounts">Further accounts of the suspect.</param>
/// <param name="AdditionalInfo">Free-text notes.</param>
public sealed record PersonOrUserReported(
    Person? Person,
    string? VehicleDescription,
    AccountDetails Account,
    bool? ThirdPartyUserReported,
    IReadOnlyList<AssociatedAccount> AssociatedAccounts,
    string? AdditionalInfo);

/// <summary><c>report/intendedRecipient</c>: whom the content was sent to.</summary>
/// <param name="Person">Name, contact details, age (<c>intendedRecipientPerson</c>).</param>
/// <param name="Account">Identifiers, IPs, devices, prior reports, location.</param>
/// <param name="AdditionalInfo">Free-text notes (the schema allows several).</param>
public sealed record IntendedRecipient(
    Person? Person,
    AccountDetails Account,
    IReadOnlyList<string> AdditionalInfo);

/// <summary><c>report/victim</c>: a child the report is about.</summary>
/// <param name="Person">Name, contact details, age, date of birth (<c>victimPerson</c>, required).</param>
/// <param name="Account">Identifiers, IPs, devices, prior reports, location.</param>
/// <param name="SchoolName">The victim's school.</param>
/// <param name="AssociatedAccounts">Further accounts of the victim.</param>
/// <param name="AdditionalInfo">Free-text notes.</param>
public sealed record Victim(
    Person Person,
    AccountDetails Account,
    string? SchoolName,
    IReadOnlyList<AssociatedAccount> AssociatedAccounts,
    string? AdditionalInfo);

/// <summary>The schema's <c>associatedAccount</c>: another account of a suspect or victim.</summary>
/// <param name="Type">Billing, Linked, Business, Creator, Parent/Guardian or Other (required).</param>
/// <param name="Platform">The platform of the account.</param>
/// <param name="PlatformThirdPartyUser"><c>platform/@thirdPartyUser</c>.</param>
/// <param name="FirstName">First name.</param>
/// <param name="MiddleName">Middle name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="ApproximateAge">Approximate age.</param>
/// <param name="DateOfBirth">Date of birth.</param>
/// <param name="Phones">Phone numbers.</param>
/// <param name="Emails">Email addresses.</param>
/// <param name="Addresses">Postal addresses.</param>
/// <param name="Account">Identifiers, IPs, devices, prior reports (<c>priorCTReport</c>).</param>
/// <param name="AdditionalInfo">Free-text notes.</param>
public sealed record AssociatedAccount(
    string Type,
    string? Platform,
    bool? PlatformThirdPartyUser,
    string? FirstName,
    string? MiddleName,
    string? LastName,
    int? ApproximateAge,
    DateOnly? DateOfBirth,
    IReadOnlyList<PhoneNumber> Phones,
    IReadOnlyList<EmailAddress> Emails,
    IReadOnlyList<Address> Addresses,
    AccountDetails Account,
    string? AdditionalInfo);

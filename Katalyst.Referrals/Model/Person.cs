namespace Katalyst.Referrals.Model;

/// <summary>
/// The schema's <c>person</c> (and <c>contactPerson</c>, which lacks age and date of birth).
/// </summary>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="Phones">Phone numbers.</param>
/// <param name="Emails">Email addresses.</param>
/// <param name="Addresses">Postal addresses.</param>
/// <param name="Age">Age in years.</param>
/// <param name="DateOfBirth">Date of birth (a time zone in the document is dropped).</param>
public sealed record Person(
    string? FirstName,
    string? LastName,
    IReadOnlyList<PhoneNumber> Phones,
    IReadOnlyList<EmailAddress> Emails,
    IReadOnlyList<Address> Addresses,
    int? Age,
    DateOnly? DateOfBirth);

/// <summary>The schema's <c>phone</c>: a number and what is known about it.</summary>
/// <param name="Value">The number as written.</param>
/// <param name="Type">Mobile, Home, Business, Work, Fax, Internet or Recovery.</param>
/// <param name="Verified">The ESP verified the number.</param>
/// <param name="VerificationDate">When it was verified.</param>
/// <param name="CountryCallingCode">E.g. <c>+92</c>.</param>
/// <param name="Extension">Digits of the extension.</param>
public sealed record PhoneNumber(
    string Value,
    string? Type,
    bool? Verified,
    DateTimeOffset? VerificationDate,
    string? CountryCallingCode,
    string? Extension);

/// <summary>The schema's <c>email</c>: an address and what is known about it.</summary>
/// <param name="Value">The address as written.</param>
/// <param name="Type">Home, Work, Business or Recovery.</param>
/// <param name="Verified">The ESP verified the address.</param>
/// <param name="VerificationDate">When it was verified.</param>
public sealed record EmailAddress(
    string Value,
    string? Type,
    bool? Verified,
    DateTimeOffset? VerificationDate);

/// <summary>The schema's <c>address</c>.</summary>
/// <param name="StreetAddress">The street address (the inner <c>address</c> element).</param>
/// <param name="City">City.</param>
/// <param name="ZipCode">Zip or postal code.</param>
/// <param name="State">US state or territory code.</param>
/// <param name="NonUsaState">State or province outside the US.</param>
/// <param name="Country">ISO 3166 alpha-2 code (or NCMEC's A1, A2, O1, EU, AP).</param>
/// <param name="Type">Home, Business, Billing, Shipping or Technical.</param>
public sealed record Address(
    string? StreetAddress,
    string? City,
    string? ZipCode,
    string? State,
    string? NonUsaState,
    string? Country,
    string? Type);

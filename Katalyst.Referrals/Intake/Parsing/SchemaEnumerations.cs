using System.Collections.Frozen;

namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>
/// The value lists the schema restricts simple types to. Kept in code because the XSD is
/// not loaded at run time; each list carries the schema's type name for error messages.
/// </summary>
internal static class SchemaEnumerations
{
    /// <summary>The schema's <c>country</c>: ISO 3166 alpha-2 plus NCMEC's A1, A2, O1, AP, EU; empty is allowed.</summary>
    public static readonly Enumeration Country = new("country", CodeList("A1 A2 O1 AD AE AF AG AI AL AM AN AO AP AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CX CW CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET EU FI FJ FK FM FO FR FX GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"));

    /// <summary>The schema's <c>state</c>: US states and territories; empty is allowed.</summary>
    public static readonly Enumeration State = new("state", CodeList("AK AL AR AZ CA CO CT DC DE FL GA GU HI IA ID IL IN KS KY LA MA MD ME MI MN MO MS MT NC ND NE NH NJ NM NV NY OH OK OR PA PR RI SC SD TN TX UT VA VI VT WA WI WV WY"));

    public static readonly Enumeration AddressType = new("addressType", "Home", "Business", "Billing", "Shipping", "Technical");

    public static readonly Enumeration EmailType = new("emailType", "Home", "Work", "Business", "Recovery");

    public static readonly Enumeration PhoneType = new("phoneType", "Mobile", "Home", "Business", "Work", "Fax", "Internet", "Recovery");

    public static readonly Enumeration IpCaptureType = new("ipCaptureType", "Login", "Registration", "Purchase", "Upload", "Other", "Unknown");

    public static readonly Enumeration AssociatedAccountType = new("associatedAccountType", "Billing", "Linked", "Business", "Creator", "Parent/Guardian", "Other");

    public static readonly Enumeration BatchedReportReason = new("batchedReportReason", "VIRAL_POTENTIAL_MEME");

    public static readonly Enumeration MetadataTypes = new("metadataTypes", "EXIF", "HASH");

    // The schema lists "" as an allowed value of both code lists.
    private static string[] CodeList(string codes) => ["", .. codes.Split(' ')];

    /// <summary>One restricted xs:string type. Matching is exact, as xs:string does not collapse whitespace.</summary>
    internal sealed class Enumeration
    {
        private readonly FrozenSet<string> values;

        public Enumeration(string typeName, params string[] values)
        {
            TypeName = typeName;
            this.values = values.ToFrozenSet(StringComparer.Ordinal);
            // Short lists are spelled out in rejections; the code lists are too long for a message.
            Listing = values.Length <= 10 ? string.Join(", ", values.Select(v => $"\"{v}\"")) : null;
        }

        public string TypeName { get; }

        /// <summary>The allowed values for a message, or null when the list is long.</summary>
        public string? Listing { get; }

        public bool Contains(string value) => values.Contains(value);
    }
}

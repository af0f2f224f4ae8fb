using System.Text;
using Katalyst.Referrals.Geography;
using Katalyst.Referrals.Intake.Manifest;
using Katalyst.Referrals.Intake.Parsing;

namespace Katalyst.Referrals.Tests.Geography;

public sealed class ReferralLocatorTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("katalyst-geo-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Locate_NcmecGeolocationOfSuspectIp_WinsOverEveryOtherSource()
    {
        var locator = Locator(database: Database(), ranges: Ranges());
        var manifest = Manifest("""[ { "ip": "203.0.113.9", "country": "PK", "region": "Sindh", "city": "Karachi" }, { "ip": "39.32.0.2", "country": "PK", "region": "Punjab", "city": "Lahore", "isp": "Jazz" } ]""");

        var location = locator.Locate(manifest, Report(ips: ["39.32.0.2"], estimate: ("Quetta", "Balochistan", "PK"), phone: "0300 1234567"));

        Assert.Equal(("PK", "Punjab", "Lahore", LocationSource.NcmecGeolocation), (location.Country, location.Province, location.District, location.Source));
        Assert.Equal("NCMEC geolocation of 39.32.0.2 (Jazz)", location.Evidence);
        Assert.Equal("Jazz", location.PhoneOperator);
    }

    [Fact]
    public void Locate_NoGeolocation_AgencyIpDatabaseBeforeRanges()
    {
        var locator = Locator(database: Database(), ranges: Ranges());

        var location = locator.Locate(Manifest("[]"), Report(ips: ["119.160.5.5"]));

        Assert.Equal(("PK", "Sindh", "Hyderabad", LocationSource.IpDatabase), (location.Country, location.Province, location.District, location.Source));
        Assert.StartsWith("IP 119.160.5.5", location.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_AddressOnlyInRanges_RangesCsvPlacesIt()
    {
        var locator = Locator(database: Database(), ranges: Ranges());

        var location = locator.Locate(Manifest("[]"), Report(ips: ["58.65.1.1"]));

        Assert.Equal(("PK", "Punjab", "Gujranwala", LocationSource.IpRanges), (location.Country, location.Province, location.District, location.Source));
    }

    [Fact]
    public void Locate_OnlyPhoneAndEspEstimate_EstimateGivesProvincePhoneGivesOperator()
    {
        var location = Locator().Locate(Manifest("[]"), Report(estimate: ("Peshawar", "Khyber Pakhtunkhwa", "PK"), phone: "+92 333 1112223"));

        Assert.Equal(("PK", "Khyber Pakhtunkhwa", "Peshawar", LocationSource.EspEstimate), (location.Country, location.Province, location.District, location.Source));
        Assert.Equal("Ufone", location.PhoneOperator);
    }

    [Fact]
    public void Locate_OnlyForeignPhone_CountryFromPhoneNoProvince()
    {
        var location = Locator().Locate(Manifest("[]"), Report(phone: "+971 50 123 4567"));

        Assert.Equal(("AE", null, LocationSource.PhoneNumber), (location.Country, location.Province, location.Source));
        Assert.Null(location.PhoneOperator);
    }

    [Fact]
    public void Locate_NothingToGoOn_Unknown()
    {
        var location = Locator().Locate(Manifest("[]"), Report());

        Assert.Equal(LocationSource.Unknown, location.Source);
        Assert.Null(location.Country);
    }

    [Fact]
    public void Load_RangesWithBadLine_NamesFileLineAndField()
    {
        var path = Path.Combine(dir, "bad.csv");
        File.WriteAllText(path, "start,end,country,province,district\n1.0.0.0,1.0.0.255,PK,Punjab,Lahore\n2.0.0.0,2.0.0.x,PK,Sindh,Karachi\n");

        var error = Assert.Throws<InvalidDataException>(() => IpRangeTable.Load(path));

        Assert.Equal($"{path} line 3: end '2.0.0.x' is not an IP address.", error.Message);
    }

    [Fact]
    public void Load_OverlappingRanges_Refused()
    {
        var path = Path.Combine(dir, "overlap.csv");
        File.WriteAllText(path, "start,end,country,province,district\n1.0.0.0,1.0.0.255,PK,Punjab,\n1.0.0.128,1.0.1.0,PK,Sindh,\n");

        var error = Assert.Throws<InvalidDataException>(() => IpRangeTable.Load(path));

        Assert.Contains("overlaps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxMindIpLocations_NotADatabase_NamesTheFile()
    {
        var path = Path.Combine(dir, "junk.mmdb");
        File.WriteAllText(path, "not a database");

        var error = Assert.Throws<InvalidDataException>(() => new MaxMindIpLocations(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    private string Database()
    {
        var path = Path.Combine(dir, "agency.mmdb");
        new MaxMindTestDatabase()
            .Add("119.160.0.0/16", "PK", "Sindh", "Hyderabad")
            .Add("39.32.0.0/16", "PK", "Punjab", "Rawalpindi")
            .Add("2001:db8::/32", "PK", "Islamabad", "Islamabad")
            .Save(path);
        return path;
    }

    private string Ranges()
    {
        var path = Path.Combine(dir, "ranges.csv");
        File.WriteAllText(path, "start,end,country,province,district\n58.65.0.0,58.65.255.255,PK,Punjab,Gujranwala\n119.160.0.0,119.160.255.255,PK,Sindh,Karachi\n");
        return path;
    }

    private static ReferralLocator Locator(string? database = null, string? ranges = null)
    {
        var options = new GeographyOptions { IpDatabasePath = database, IpRangesPath = ranges };
        return new ReferralLocator(options, options.OpenIpLocations());
    }

    private static ReferralManifest Manifest(string geolocation) => ManifestParser.Parse(Encoding.UTF8.GetBytes(
        $$"""{ "reportId": 7, "receivedAt": "2026-10-02T08:00:00Z", "reportType": "referral", "country": "PK", "geolocation": {{geolocation}} }"""));

    private static Model.EspReport Report(string[]? ips = null, (string City, string Region, string Country)? estimate = null, string? phone = null)
    {
        var person = phone is null ? "" : $"<personOrUserReportedPerson><phone>{phone}</phone></personOrUserReportedPerson>";
        var captures = string.Concat((ips ?? []).Select(ip => $"<ipCaptureEvent><ipAddress>{ip}</ipAddress><dateTime>2026-10-01T10:00:00Z</dateTime></ipCaptureEvent>"));
        var estimated = estimate is { } e ? $"<estimatedLocation><city>{e.City}</city><region>{e.Region}</region><countryCode>{e.Country}</countryCode></estimatedLocation>" : "";
        var xml = $"""
            <report>
              <incidentSummary><incidentType>Online Enticement of Children for Sexual Acts</incidentType><incidentDateTime>2026-10-01T10:00:00Z</incidentDateTime></incidentSummary>
              <reporter><reportingPerson><email>safety@example.com</email></reportingPerson></reporter>
              <personOrUserReported>{person}<screenName>user_1</screenName>{captures}{estimated}</personOrUserReported>
            </report>
            """;
        return ReportXmlParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "report.xml", 1 << 20);
    }
}

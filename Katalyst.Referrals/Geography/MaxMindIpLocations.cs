using System.Net;
using MaxMind.GeoIP2;

namespace Katalyst.Referrals.Geography;

/// <summary>The agency's own IP database in MaxMind's format (a GeoIP2 or GeoLite2 City database, or one built alike).</summary>
public sealed class MaxMindIpLocations : IIpLocations, IDisposable
{
    private readonly DatabaseReader reader;

    /// <summary>Opens the database (read into memory once).</summary>
    /// <exception cref="InvalidDataException">The file is missing or not a MaxMind database.</exception>
    public MaxMindIpLocations(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: the IP database (Geography:IpDatabasePath) does not exist.");
        }

        try
        {
            reader = new DatabaseReader(path, MaxMind.Db.FileAccessMode.Memory);
        }
        catch (MaxMind.Db.InvalidDatabaseException ex)
        {
            throw new InvalidDataException($"{path}: not a MaxMind-format database: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public LocationSource Source => LocationSource.IpDatabase;

    /// <inheritdoc />
    public IpLocation? Find(IPAddress address)
    {
        if (!reader.TryCity(address, out var city) || city is null)
        {
            return null;
        }

        var country = city.Country.IsoCode;
        var province = city.MostSpecificSubdivision.Name;
        var district = city.City.Name;
        return country is null && province is null && district is null ? null : new IpLocation(country, province, district);
    }

    /// <inheritdoc />
    public void Dispose() => reader.Dispose();
}

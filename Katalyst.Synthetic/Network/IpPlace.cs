namespace Katalyst.Synthetic.Network;

/// <summary>An IP address with what a geolocation look-up would say about it.</summary>
internal sealed record IpPlace(string Ip, string Country, string Region, string City, string Isp, double Latitude, double Longitude);

/// <summary>An ISP address block (an IPv4 /16 prefix), where it is and who runs it.</summary>
internal sealed record IspBlock(string Prefix, string Country, string Region, string City, string Isp, double Latitude, double Longitude)
{
    public IpPlace At(int third, int fourth) =>
        new($"{Prefix}.{third}.{fourth}", Country, Region, City, Isp, Latitude, Longitude);
}

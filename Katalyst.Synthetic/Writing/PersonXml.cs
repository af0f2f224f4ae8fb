using System.Xml;
using Katalyst.Synthetic.Referrals;

namespace Katalyst.Synthetic.Writing;

/// <summary>Renders the reported suspect as <c>personOrUserReported</c>.</summary>
internal static class PersonXml
{
    public static void Write(XmlWriter xml, ReportedPerson p)
    {
        xml.WriteStartElement("personOrUserReported");
        if (p.FirstName is not null || p.LastName is not null || p.Phones.Count > 0 || p.Emails.Count > 0 || p.DateOfBirth is not null)
        {
            xml.WriteStartElement("personOrUserReportedPerson");
            xml.Element("firstName", p.FirstName);
            xml.Element("lastName", p.LastName);
            foreach (var phone in p.Phones)
            {
                xml.WriteStartElement("phone");
                xml.WriteAttributeString("type", "Mobile");
                xml.Attribute("verified", phone.Verified);
                if (phone.Value.StartsWith('0') && !phone.Value.StartsWith("00", StringComparison.Ordinal))
                {
                    xml.WriteAttributeString("countryCallingCode", "+92");
                }

                xml.WriteString(phone.Value);
                xml.WriteEndElement();
            }

            foreach (var email in p.Emails)
            {
                xml.WriteStartElement("email");
                xml.Attribute("verified", email.Verified);
                xml.WriteString(email.Value);
                xml.WriteEndElement();
            }

            if (p.DateOfBirth is { } dob)
            {
                xml.Element("dateOfBirth", XmlOut.Date(dob));
            }

            xml.WriteEndElement();
        }

        xml.Element("espIdentifier", p.EspIdentifier);
        xml.Element("espService", p.EspService);
        xml.Element("screenName", p.ScreenName);
        xml.Element("displayName", p.DisplayName);
        xml.Element("profileUrl", p.ProfileUrl);
        xml.Element("profileBio", p.ProfileBio);
        foreach (var e in p.IpEvents)
        {
            IpEventXml.Write(xml, e);
        }

        if (p.Imei is not null)
        {
            xml.WriteStartElement("deviceId");
            xml.Element("idType", "IMEI");
            xml.Element("idValue", p.Imei);
            xml.WriteEndElement();
        }

        foreach (var prior in p.PriorCTReports)
        {
            xml.Element("priorCTReports", prior);
        }

        if (p.EstimatedLocation is { } loc)
        {
            xml.WriteStartElement("estimatedLocation");
            xml.Element("city", loc.City);
            xml.Element("region", loc.Region.Length > 0 ? loc.Region : null);
            xml.Element("countryCode", loc.Country);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}

using System.Xml;
using Katalyst.Synthetic.Referrals;

namespace Katalyst.Synthetic.Writing;

/// <summary>The schema's <c>ipCaptureEvent</c> type, shared by report and fileDetails.</summary>
internal static class IpEventXml
{
    public static void Write(XmlWriter xml, IpEvent e)
    {
        xml.WriteStartElement("ipCaptureEvent");
        xml.Element("ipAddress", e.Place.Ip);
        xml.Element("eventName", e.EventName);
        xml.Element("dateTime", XmlOut.DateTime(e.At));
        xml.Element("possibleProxy", e.PossibleProxy);
        xml.Element("port", e.Port);
        xml.WriteEndElement();
    }
}

using System.Xml;
using Katalyst.Synthetic.Referrals;

namespace Katalyst.Synthetic.Writing;

/// <summary>Renders a plan as <c>report.xml</c>, in the element order of the NCMEC schema.</summary>
internal static class ReportXml
{
    public static byte[] Render(ReferralPlan plan) => XmlOut.Write(xml =>
    {
        xml.WriteStartElement("report");
        if (plan.BundledCount is not null)
        {
            xml.WriteStartElement("batchedReport");
            xml.WriteAttributeString("reason", "VIRAL_POTENTIAL_MEME");
            xml.WriteEndElement();
        }

        IncidentSummary(xml, plan);
        if (plan.Chat is not null)
        {
            xml.WriteStartElement("internetDetails");
            xml.WriteStartElement("chatImIncident");
            xml.Element("chatClient", plan.Platform);
            xml.Element("content", plan.Chat);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        else if (plan.WebPageUrl is not null)
        {
            xml.WriteStartElement("internetDetails");
            xml.WriteStartElement("webPageIncident");
            xml.Element("url", plan.WebPageUrl);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteStartElement("reporter");
        xml.WriteStartElement("reportingPerson");
        xml.Element("firstName", "Trust and Safety");
        xml.Element("lastName", plan.Esp);
        xml.WriteStartElement("email");
        xml.WriteString($"cybertip@{PersonPlanner.Key(plan.Esp)}.example");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        if (plan.Person is not null)
        {
            PersonXml.Write(xml, plan.Person);
        }

        if (plan.Victim is not null)
        {
            Victim(xml, plan.Victim, plan.Platform);
        }

        xml.Element("additionalInfo", plan.AdditionalInfo);
        xml.WriteEndElement();
    });

    private static void IncidentSummary(XmlWriter xml, ReferralPlan plan)
    {
        xml.WriteStartElement("incidentSummary");
        xml.Element("incidentType", plan.IncidentType);
        xml.Element("platform", plan.Platform);
        xml.Element("escalateToHighPriority", plan.Escalation);
        if (plan.Flags != ReportFlags.None)
        {
            xml.WriteStartElement("reportAnnotations");
            Flag(xml, plan.Flags, ReportFlags.Sextortion, "sextortion");
            Flag(xml, plan.Flags, ReportFlags.CsamSolicitation, "csamSolicitation");
            Flag(xml, plan.Flags, ReportFlags.MinorToMinor, "minorToMinorInteraction");
            Flag(xml, plan.Flags, ReportFlags.Spam, "spam");
            Flag(xml, plan.Flags, ReportFlags.Sadistic, "sadisticOnlineExploitation");
            xml.WriteEndElement();
        }

        xml.Element("incidentDateTime", XmlOut.DateTime(plan.IncidentAt));
        xml.WriteEndElement();
    }

    private static void Flag(XmlWriter xml, ReportFlags flags, ReportFlags flag, string name)
    {
        if (flags.HasFlag(flag))
        {
            xml.WriteElementString(name, "true");
        }
    }

    private static void Victim(XmlWriter xml, VictimPlan victim, string platform)
    {
        xml.WriteStartElement("victim");
        xml.WriteStartElement("victimPerson");
        xml.Element("firstName", victim.FirstName);
        xml.Element("age", victim.Age);
        xml.WriteEndElement();
        xml.Element("espService", platform);
        xml.Element("screenName", victim.ScreenName);
        xml.Element("schoolName", victim.SchoolName);
        if (victim.City is not null)
        {
            xml.WriteStartElement("estimatedLocation");
            xml.Element("city", victim.City);
            xml.Element("countryCode", "PK");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}

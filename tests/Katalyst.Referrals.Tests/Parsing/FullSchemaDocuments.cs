namespace Katalyst.Referrals.Tests.Parsing;

/// <summary>
/// Synthetic documents that use every element and attribute of the schema (the samples do not),
/// with invented, benign values, in the schema's sequence order.
/// </summary>
internal static class FullSchemaDocuments
{
    private const string Account = """
        <espService>Synthetic Chat</espService>
        <compromisedAccount>false</compromisedAccount>
        <screenName>synthetic_name</screenName>
        <displayName>Display One</displayName>
        <displayName>ڈسپلے نام</displayName>
        <profileUrl>https://example.org/u/1</profileUrl>
        <profileBio>Bio in Roman Urdu: main sirf test hoon</profileBio>
        <ipCaptureEvent><ipAddress>198.51.100.7</ipAddress><eventName>Registration</eventName><dateTime>2023-05-01T10:00:00+05:00</dateTime><possibleProxy>true</possibleProxy><port>8443</port></ipCaptureEvent>
        <deviceId><idType>SSID</idType><idValue>synthetic-wifi</idValue><eventName>Purchase</eventName><dateTime>2023-05-02T11:00:00Z</dateTime></deviceId>
        """;

    public const string Report = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <report xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <batchedReport reason="VIRAL_POTENTIAL_MEME"/>
          <incidentSummary>
            <incidentType>Online Enticement of Children for Sexual Acts</incidentType>
            <platform>Synthetic Platform</platform>
            <escalateToHighPriority>Synthetic escalation reason</escalateToHighPriority>
            <reportAnnotations><sadisticOnlineExploitation>true</sadisticOnlineExploitation><minorToMinorInteraction>1</minorToMinorInteraction></reportAnnotations>
            <incidentDateTime>2023-06-01T09:30:15.250-04:00</incidentDateTime>
            <incidentDateTimeDescription>Approximate</incidentDateTimeDescription>
          </incidentSummary>
          <internetDetails><newsgroupIncident><name>alt.synthetic</name><emailAddress type="Recovery" verified="false" verificationDate="2023-01-01T00:00:00Z">news@example.org</emailAddress><content>Newsgroup text</content><additionalInfo>News note</additionalInfo></newsgroupIncident></internetDetails>
          <internetDetails><onlineGamingIncident><gameName>Block Game</gameName><console>Handheld</console><content>Game chat</content><additionalInfo>Game note</additionalInfo></onlineGamingIncident></internetDetails>
          <internetDetails><cellPhoneIncident><phoneNumber type="Mobile" verified="true" verificationDate="2023-02-02T00:00:00Z" countryCallingCode="+92" extension="12">3000000001</phoneNumber><latitude>31.5204</latitude><longitude>74.3587</longitude><additionalInfo>Phone note</additionalInfo></cellPhoneIncident></internetDetails>
          <internetDetails><nonInternetIncident><locationName>Synthetic Park</locationName><incidentAddress type="Technical"><address>1 Test Road</address><city>Karachi</city><zipCode>74000</zipCode><state></state><nonUsaState>Sindh</nonUsaState><country>PK</country></incidentAddress><additionalInfo>Offline note</additionalInfo></nonInternetIncident></internetDetails>
          <internetDetails><peer2peerIncident><client>SynthP2P</client><ipCaptureEvent><ipAddress>203.0.113.44</ipAddress></ipCaptureEvent><fileNames>a.bin b.bin</fileNames><additionalInfo>P2P note</additionalInfo></peer2peerIncident></internetDetails>
          <lawEnforcement>
            <agencyName>Synthetic Agency</agencyName>
            <caseNumber>CASE-7</caseNumber>
            <officerContact><firstName>Officer</firstName><lastName>Test</lastName><phone type="Work">555-0100</phone><email type="Work">officer@example.org</email><address type="Business"><city>Islamabad</city><country>PK</country></address></officerContact>
            <reportedToLe>false</reportedToLe>
            <servedLegalProcessDomestic>false</servedLegalProcessDomestic>
            <servedLegalProcessInternational fleaCountry="GB">true</servedLegalProcessInternational>
          </lawEnforcement>
          <reporter>
            <reportingPerson><firstName>Rep</firstName><lastName>Orter</lastName><phone type="Business">555-0101</phone><email type="Business">rep@example.org</email><address type="Billing"><address>2 Company Way</address><city>Austin</city><zipCode>73301</zipCode><state>TX</state><country>US</country></address><age>40</age><dateOfBirth>1983-03-03</dateOfBirth></reportingPerson>
            <contactPerson><firstName>Con</firstName><lastName>Tact</lastName><email>contact@example.org</email></contactPerson>
            <companyTemplate>Template text</companyTemplate>
            <termsOfService>Terms text</termsOfService>
            <legalURL>https://example.org/legal</legalURL>
          </reporter>
          <personOrUserReported>
            <personOrUserReportedPerson><firstName>Sus</firstName><lastName>Pect</lastName><phone>555-0102</phone><email verified="true">suspect@example.org</email><age>30</age><dateOfBirth>1993-04-04Z</dateOfBirth></personOrUserReportedPerson>
            <vehicleDescription>Blue car</vehicleDescription>
            <espIdentifier>S-1</espIdentifier>
            {Account}
            <thirdPartyUserReported>false</thirdPartyUserReported>
            <priorCTReports>1001</priorCTReports>
            <priorCTReports>1002</priorCTReports>
            <groupIdentifier>Synthetic group</groupIdentifier>
            <accountTemporarilyDisabled disabledDate="2023-07-01T00:00:00Z" userNotified="true" userNotifiedDate="2023-07-02T00:00:00Z" reenabledDate="2023-07-09T00:00:00Z">true</accountTemporarilyDisabled>
            <accountPermanentlyDisabled disabledDate="2023-08-01T00:00:00Z" userNotified="false" userNotifiedDate="2023-08-02T00:00:00Z">true</accountPermanentlyDisabled>
            <estimatedLocation verified="false" timestamp="2023-06-01T00:00:00Z"><city>Lahore</city><region>Punjab</region><countryCode>PK</countryCode></estimatedLocation>
            <allEmailsReported>true</allEmailsReported>
            <associatedAccount type="Parent/Guardian">
              <platform thirdPartyUser="true">Other Platform</platform>
              <firstName>Assoc</firstName><middleName>M</middleName><lastName>Iated</lastName><approximateAge>35</approximateAge><dateOfBirth>1988-05-05</dateOfBirth>
              <phone>555-0103</phone><email>assoc@example.org</email><allEmailsReported>false</allEmailsReported><address><city>Multan</city></address>
              <espService>Other Service</espService><espIdentifier>A-9</espIdentifier><profileUrl>https://example.net/a9</profileUrl><screenName>assoc_name</screenName><displayName>Assoc Display</displayName>
              <profileBio>Assoc bio</profileBio><groupIdentifier>Assoc group</groupIdentifier><compromisedAccount>true</compromisedAccount>
              <accountTemporarilyDisabled>false</accountTemporarilyDisabled><accountPermanentlyDisabled>false</accountPermanentlyDisabled>
              <ipCaptureEvent><ipAddress>192.0.2.55</ipAddress><eventName>Other</eventName></ipCaptureEvent>
              <deviceId><idType>IMEI</idType><idValue>490154203237518</idValue></deviceId>
              <priorCTReport>2001</priorCTReport>
              <additionalInfo>Assoc note</additionalInfo>
            </associatedAccount>
            <additionalInfo>Suspect note</additionalInfo>
          </personOrUserReported>
          <intendedRecipient>
            <intendedRecipientPerson><firstName>Reci</firstName><age>13</age></intendedRecipientPerson>
            <espIdentifier>R-1</espIdentifier>
            <espService>Synthetic Chat</espService>
            <screenName>recipient_name</screenName>
            <priorCTReports>3001</priorCTReports>
            <groupIdentifier>None known</groupIdentifier>
            <allEmailsReported>false</allEmailsReported>
            <additionalInfo>Recipient note one</additionalInfo>
            <additionalInfo>Recipient note two</additionalInfo>
          </intendedRecipient>
          <victim>
            <victimPerson><firstName>Vic</firstName><lastName>Tim</lastName><age>12</age><dateOfBirth>2011-09-09</dateOfBirth></victimPerson>
            <espIdentifier>V-1</espIdentifier>
            <schoolName>Synthetic School</schoolName>
            <priorCTReports>4001</priorCTReports>
            <estimatedLocation><countryCode>PK</countryCode></estimatedLocation>
            <associatedAccount type="Linked"><screenName>victim_alt</screenName></associatedAccount>
            <additionalInfo>Victim note</additionalInfo>
          </victim>
          <additionalInfo>Report note</additionalInfo>
        </report>
        """;

    public const string FileDetails = """
        <?xml version="1.0" encoding="UTF-8"?>
        <fileDetails>
          <reportId>9000000001</reportId>
          <fileId>file-0001</fileId>
          <fileName>sent.png</fileName>
          <originalFileName>تصویر.png</originalFileName>
          <uploadedToEspTimestamp>2023-06-01T09:00:00Z</uploadedToEspTimestamp>
          <locationOfFile>https://example.org/f/1</locationOfFile>
          <fileViewedByEsp>false</fileViewedByEsp>
          <exifViewedByEsp>false</exifViewedByEsp>
          <publiclyAvailable>true</publiclyAvailable>
          <fileRelevance>Supplemental Reported</fileRelevance>
          <fileAnnotations><infant/><physicalHarm/><generativeAi/><possibleSelfProduction/></fileAnnotations>
          <industryClassification>B2</industryClassification>
          <originalFileHash hashType="PDQ">f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22</originalFileHash>
          <ipCaptureEvent><ipAddress>2001:db8::1</ipAddress><eventName>Unknown</eventName><port>0</port></ipCaptureEvent>
          <deviceId><idType>ICCID</idType><idValue>8992000000000000001</idValue></deviceId>
          <deviceId><idType>IMEI</idType><idValue>356938035643809</idValue></deviceId>
          <details><nameValuePair><name>Width</name><value>640</value></nameValuePair></details>
          <additionalInfo>File note</additionalInfo>
        </fileDetails>
        """;
}

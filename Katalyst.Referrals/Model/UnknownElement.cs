namespace Katalyst.Referrals.Model;

/// <summary>
/// An element or attribute the schema does not define (for example
/// <c>reportAnnotations/informational</c> from a newer schema version), kept as received.
/// </summary>
/// <param name="Path">Where it was, e.g. <c>report/incidentSummary/reportAnnotations/informational</c>;
/// an attribute ends in <c>/@name</c>.</param>
/// <param name="RawXml">The element's outer XML, or <c>name="value"</c> for an attribute.</param>
public sealed record UnknownElement(string Path, string RawXml);

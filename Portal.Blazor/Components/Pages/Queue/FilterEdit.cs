using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Portal.Components.Pages.Queue;

/// <summary>The filter bar's editable values; turned into a <see cref="QueueFilter"/> when applied.</summary>
internal sealed class FilterEdit
{
    public int? Tier { get; set; }

    public ReferralStatus? Status { get; set; }

    public string? IncidentType { get; set; }

    public int? UnitId { get; set; }

    public string? Province { get; set; }

    public int? AssigneeUserId { get; set; }

    public double? MinScore { get; set; }

    public double? MaxScore { get; set; }

    public DateTime? From { get; set; }

    public DateTime? To { get; set; }

    public string? Text { get; set; }

    public void Load(QueueFilter filter)
    {
        (Tier, Status, IncidentType, UnitId, AssigneeUserId, MinScore, MaxScore, Text) =
            (filter.Tier, filter.Status, filter.IncidentType, filter.UnitId, filter.AssigneeUserId, filter.MinScore, filter.MaxScore, filter.Text);
        Province = filter.Province;
        From = filter.ReceivedFrom?.UtcDateTime.Date;
        To = filter.ReceivedBefore?.UtcDateTime.Date.AddDays(-1);
    }

    // Dates are whole UTC days; "to" includes its day.
    public QueueFilter ToFilter() => new()
    {
        Tier = Tier,
        Status = Status,
        IncidentType = string.IsNullOrWhiteSpace(IncidentType) ? null : IncidentType,
        UnitId = UnitId,
        Province = string.IsNullOrWhiteSpace(Province) ? null : Province.Trim(),
        AssigneeUserId = AssigneeUserId,
        MinScore = MinScore,
        MaxScore = MaxScore,
        ReceivedFrom = From is { } from ? new DateTimeOffset(DateTime.SpecifyKind(from.Date, DateTimeKind.Utc)) : null,
        ReceivedBefore = To is { } to ? new DateTimeOffset(DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Utc)) : null,
        Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
    };
}

namespace ForumManager.Core.Forums;

/// <summary>Conversions between stored UTC instants and the forum's local wall-clock time.</summary>
public static class ForumTime
{
    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>
    /// The instant a wall-clock time names. A time that does not exist (the hour skipped when clocks go forward) is
    /// read as the same time after the change, 02:30 as 03:30, as calendar programs do; pages that take times from
    /// people check <see cref="Exists"/> first and say so.
    /// </summary>
    public static DateTime ToUtc(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var rule = zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= local && local <= r.DateEnd);
            local = local.Add(rule?.DaylightDelta is { } delta && delta > TimeSpan.Zero ? delta : TimeSpan.FromHours(1));
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>Whether the wall-clock time happens on that day in the zone (not skipped by a change of clocks).</summary>
    public static bool Exists(DateOnly day, TimeOnly time, TimeZoneInfo zone) => !zone.IsInvalidTime(day.ToDateTime(time, DateTimeKind.Unspecified));

    /// <summary>A short label for the zone, as people read it next to a time: "UTC+08:00".</summary>
    public static string OffsetLabel(DateTime utc, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"UTC{sign}{offset.Duration():hh\\:mm}";
    }
}

using ForumManager.Core.Delegates;

namespace ForumManager.Core.Accreditation;

/// <summary>
/// A part of the forum a badge opens or not: the main hall, a special-topic room, the VIP lounge, the banquet hall, the
/// press area. Its code (one or two letters) is printed on badges in a large box, with the names in a legend.
/// </summary>
public sealed class Zone
{
    public int Id { get; set; }
    public int ForumId { get; set; }

    /// <summary>One or two capital letters or digits, unique in the forum: what a door keeper reads on the badge.</summary>
    public required string Code { get; set; }

    public required string NameEn { get; set; }
    public required string NameZh { get; set; }

    /// <summary>The room the zone is, whose seats are its capacity; null for a zone that is no room (a tree-planting site).</summary>
    public int? RoomId { get; set; }

    /// <summary>How many people it holds when it has no room, or fewer than the room's seats; null for no limit.</summary>
    public int? Capacity { get; set; }
}

public enum CheckpointDirection
{
    /// <summary>A door used both ways: the rule is checked, nobody is counted in or out.</summary>
    Both = 0,
    Entry = 1,
    Exit = 2,
}

/// <summary>A door of a zone where badges are scanned, offered at the desk as <c>zone-cp:{id}</c>.</summary>
public sealed class ZoneCheckpoint
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int ZoneId { get; set; }
    public Zone? Zone { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public CheckpointDirection Direction { get; set; }
}

/// <summary>
/// A category's right to enter a zone: on one forum day or every day, between two local times or all day. A category
/// may hold several grants for one zone (the banquet on one evening, the main hall on every day).
/// </summary>
public sealed class ZoneGrant
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int ZoneId { get; set; }
    public DelegateCategory Category { get; set; }

    /// <summary>The local day it holds on; null for every day.</summary>
    public DateOnly? Day { get; set; }

    /// <summary>From this local time on; null from the start of the day.</summary>
    public TimeOnly? From { get; set; }

    /// <summary>Until this local time (not included); null until the end of the day.</summary>
    public TimeOnly? Until { get; set; }
}

/// <summary>One person's exception to their category's grants: a zone given on every day and hour, or a zone taken away.</summary>
public sealed class DelegateZone
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int DelegateId { get; set; }
    public int ZoneId { get; set; }

    /// <summary>True gives the zone, false takes it away whatever the category grants.</summary>
    public bool Granted { get; set; }
}

/// <summary>Whether a person is inside a zone: one row per person and zone, changed by atomic updates at entry and exit scans.</summary>
public sealed class ZonePresence
{
    public long Id { get; set; }
    public int ForumId { get; set; }
    public int DelegateId { get; set; }
    public int ZoneId { get; set; }
    public bool Inside { get; set; }
    public DateTime ChangedUtc { get; set; }
}

/// <summary>A check-in token a reprint replaced: a scan of it answers <c>revoked</c> rather than "unknown badge".</summary>
public sealed class RevokedToken
{
    public long Id { get; set; }
    public int ForumId { get; set; }
    public int DelegateId { get; set; }
    public required string Token { get; set; }
    public DateTime RevokedUtc { get; set; }
}

/// <summary>Why a door refused a badge, as the scan's answer and the scan log give it.</summary>
public static class RefusalReasons
{
    public const string Zone = "zone";
    public const string Day = "day";
    public const string Time = "time";
    public const string NotCleared = "not-cleared";
    public const string Revoked = "revoked";

    public static readonly IReadOnlyList<string> All = [Zone, Day, Time, NotCleared, Revoked];
}

/// <summary>The parts of a grant the rule reads.</summary>
public sealed record GrantWindow(int ZoneId, DateOnly? Day, TimeOnly? From, TimeOnly? Until)
{
    public bool HoldsOn(DateOnly day) => Day is null || Day == day;

    public bool HoldsAt(TimeOnly time) => (From is null || time >= From) && (Until is null || time < Until);
}

/// <summary>
/// The door rule: whether a person of a category, with their own exceptions, may enter a zone at a local time. Pure, so
/// the desk, the badge and the tests decide alike.
/// </summary>
public static class ZoneRules
{
    /// <summary>Null when the person may enter; otherwise the reason (<see cref="RefusalReasons"/>) a door keeper is told.</summary>
    /// <param name="grants">The grants of the person's category, any zone.</param>
    /// <param name="overrides">The person's own exceptions by zone: true given, false taken away.</param>
    public static string? Refusal(int zoneId, IEnumerable<GrantWindow> grants, IReadOnlyDictionary<int, bool> overrides, DateTime local)
    {
        if (overrides.TryGetValue(zoneId, out var granted))
        {
            return granted ? null : RefusalReasons.Zone;
        }

        var forZone = grants.Where(g => g.ZoneId == zoneId).ToList();
        if (forZone.Count == 0)
        {
            return RefusalReasons.Zone;
        }

        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var today = forZone.Where(g => g.HoldsOn(day)).ToList();
        if (today.Count == 0)
        {
            return RefusalReasons.Day;
        }

        return today.Any(g => g.HoldsAt(time)) ? null : RefusalReasons.Time;
    }

    /// <summary>
    /// When a person may enter a zone over the forum's days, as local intervals (start included, end not), so that a desk
    /// without the network decides as <see cref="Refusal"/> does: inside an interval exactly when the rule admits.
    /// </summary>
    public static IReadOnlyList<(DateTime Start, DateTime End)> Windows(int zoneId, IEnumerable<GrantWindow> grants, IReadOnlyDictionary<int, bool> overrides,
        DateOnly firstDay, DateOnly lastDay)
    {
        var wholeForum = (firstDay.ToDateTime(TimeOnly.MinValue), lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue));
        if (overrides.TryGetValue(zoneId, out var granted))
        {
            return granted ? [wholeForum] : [];
        }

        var windows = new List<(DateTime Start, DateTime End)>();
        foreach (var grant in grants.Where(g => g.ZoneId == zoneId))
        {
            for (var day = grant.Day ?? firstDay; day <= (grant.Day ?? lastDay); day = day.AddDays(1))
            {
                var start = day.ToDateTime(grant.From ?? TimeOnly.MinValue);
                var end = grant.Until is { } until ? day.ToDateTime(until) : day.AddDays(1).ToDateTime(TimeOnly.MinValue);
                if (end > start)
                {
                    windows.Add((start, end));
                }
            }
        }

        return [.. windows.OrderBy(w => w.Start)];
    }

    /// <summary>The zones a badge opens at some time: the category's, with the person's given and without those taken away.</summary>
    public static IReadOnlySet<int> Opened(IEnumerable<GrantWindow> grants, IReadOnlyDictionary<int, bool> overrides)
    {
        var zones = grants.Select(g => g.ZoneId).ToHashSet();
        foreach (var (zoneId, granted) in overrides)
        {
            if (granted)
            {
                zones.Add(zoneId);
            }
            else
            {
                zones.Remove(zoneId);
            }
        }

        return zones;
    }

    /// <summary>A zone's code as stored: trimmed, capitals, one or two letters or digits; null when it is not one.</summary>
    public static string? NormalizeCode(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        return trimmed is { Length: >= 1 and <= 2 } && trimmed.All(char.IsAsciiLetterOrDigit) ? trimmed : null;
    }

    /// <summary>The people a zone holds: its own capacity when set and smaller than the room's, otherwise the room's seats.</summary>
    public static int? Holds(int? capacity, int? roomSeats) => (capacity, roomSeats) switch
    {
        ({ } c, { } s) => Math.Min(c, s),
        ({ } c, null) => c,
        (null, { } s) => s,
        _ => null,
    };
}

/// <summary>Zone checkpoints at the desk: <c>zone-cp:{id}</c>.</summary>
public static class ZoneCheckpoints
{
    public const string Prefix = "zone-cp:";

    public static string For(int checkpointId) => Prefix + checkpointId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static int? Id(string checkpoint) =>
        checkpoint.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(checkpoint.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}

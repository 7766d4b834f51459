using System.Globalization;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Zones;

/// <summary>A zone as a badge prints it: the code in its box, the names in the legend.</summary>
public sealed record BadgeZone(string Code, string NameEn, string NameZh);

/// <summary>A zone's door as the desk offers it.</summary>
public sealed record ZoneDoor(int Id, int ZoneId, string Code, string ZoneNameEn, string ZoneNameZh, string NameEn, string NameZh, CheckpointDirection Direction);

/// <summary>Who is inside a zone against what it holds; <see cref="Full"/> once it holds as many as its seats or capacity.</summary>
public sealed record ZoneOccupancy(int ZoneId, string Code, string NameEn, string NameZh, int Inside, int? Holds)
{
    public bool Full => Holds is { } holds && Inside >= holds;
}

/// <summary>
/// The zones' rule at a door and the count of who is inside. The rule itself is <see cref="ZoneRules"/>; this reads the
/// grants and exceptions it needs, and keeps one presence row per person and zone, changed only by atomic updates.
/// </summary>
public sealed class ZoneAccess(ForumDbContext db, TimeProvider clock)
{
    public Task<ZoneDoor?> DoorAsync(int forumId, int checkpointId, CancellationToken ct) =>
        Doors(forumId, checkpointId).FirstOrDefaultAsync(ct);

    /// <summary>Every zone door of the forum, zone by zone.</summary>
    public Task<List<ZoneDoor>> DoorsAsync(int forumId, CancellationToken ct) => Doors(forumId, null).ToListAsync(ct);

    private IQueryable<ZoneDoor> Doors(int forumId, int? checkpointId) => db.ZoneCheckpoints.AsNoTracking()
        .Where(c => c.ForumId == forumId && (checkpointId == null || c.Id == checkpointId))
        .OrderBy(c => c.Zone!.Code).ThenBy(c => c.Id)
        .Select(c => new ZoneDoor(c.Id, c.ZoneId, c.Zone!.Code, c.Zone.NameEn, c.Zone.NameZh, c.NameEn, c.NameZh, c.Direction));

    /// <summary>Why the person may not enter the zone now, or null when they may.</summary>
    public async Task<string?> RefusalAsync(Forum forum, int delegateId, DelegateCategory category, int zoneId, CancellationToken ct)
    {
        var grants = await GrantsAsync(forum.Id, category, ct);
        var overrides = await OverridesAsync(forum.Id, delegateId, ct);
        var local = ForumTime.ToLocal(clock.GetUtcNow().UtcDateTime, forum.TimeZone);
        return ZoneRules.Refusal(zoneId, grants, overrides, local);
    }

    /// <summary>
    /// When the zone admits each person over the forum's days, as UTC intervals, for a desk that must decide without the
    /// network: the same grants and exceptions <see cref="RefusalAsync"/> reads, three queries whatever the number of people.
    /// </summary>
    public async Task<Dictionary<int, IReadOnlyList<(DateTime StartUtc, DateTime EndUtc)>>> WindowsAsync(Forum forum, int zoneId,
        IReadOnlyCollection<(int Id, DelegateCategory Category)> people, CancellationToken ct)
    {
        var forumId = forum.Id;
        var grants = await db.ZoneGrants.AsNoTracking()
            .Where(g => g.ForumId == forumId && g.ZoneId == zoneId)
            .Select(g => new { g.Category, Window = new GrantWindow(g.ZoneId, g.Day, g.From, g.Until) })
            .ToListAsync(ct);
        var byCategory = grants.GroupBy(g => g.Category).ToDictionary(g => g.Key, g => g.Select(x => x.Window).ToList());
        var overrides = await db.DelegateZones.AsNoTracking()
            .Where(z => z.ForumId == forumId && z.ZoneId == zoneId)
            .ToDictionaryAsync(z => z.DelegateId, z => z.Granted, ct);
        var zone = forum.TimeZone;
        DateTime Utc(DateTime local) => ForumTime.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);
        var result = new Dictionary<int, IReadOnlyList<(DateTime, DateTime)>>();
        foreach (var (id, category) in people)
        {
            var own = overrides.TryGetValue(id, out var granted) ? new Dictionary<int, bool> { [zoneId] = granted } : [];
            result[id] = ZoneRules.Windows(zoneId, byCategory.GetValueOrDefault(category) ?? [], own, forum.StartDate, forum.EndDate)
                .Select(w => (Utc(w.Start), Utc(w.End))).ToList();
        }

        return result;
    }

    private async Task<List<GrantWindow>> GrantsAsync(int forumId, DelegateCategory category, CancellationToken ct) =>
        await db.ZoneGrants.AsNoTracking()
            .Where(g => g.ForumId == forumId && g.Category == category)
            .Select(g => new GrantWindow(g.ZoneId, g.Day, g.From, g.Until))
            .ToListAsync(ct);

    private async Task<Dictionary<int, bool>> OverridesAsync(int forumId, int delegateId, CancellationToken ct) =>
        await db.DelegateZones.AsNoTracking()
            .Where(z => z.ForumId == forumId && z.DelegateId == delegateId)
            .ToDictionaryAsync(z => z.ZoneId, z => z.Granted, ct);

    /// <summary>The zones each badge opens, in code order, for many people at once (three queries whatever their number).</summary>
    public async Task<Dictionary<int, IReadOnlyList<BadgeZone>>> BadgeZonesAsync(int forumId, IReadOnlyCollection<(int Id, DelegateCategory Category)> people, CancellationToken ct)
    {
        var zones = await db.Zones.AsNoTracking().Where(z => z.ForumId == forumId).OrderBy(z => z.Code).ToListAsync(ct);
        var grants = (await db.ZoneGrants.AsNoTracking().Where(g => g.ForumId == forumId).ToListAsync(ct))
            .GroupBy(g => g.Category)
            .ToDictionary(g => g.Key, g => g.Select(x => new GrantWindow(x.ZoneId, x.Day, x.From, x.Until)).ToList());
        var ids = people.Select(p => p.Id).ToList();
        var overrides = new List<DelegateZone>();
        foreach (var chunk in ids.Chunk(500))
        {
            overrides.AddRange(await db.DelegateZones.AsNoTracking().Where(z => z.ForumId == forumId && chunk.Contains(z.DelegateId)).ToListAsync(ct));
        }

        var byPerson = overrides.GroupBy(o => o.DelegateId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, bool>)g.ToDictionary(o => o.ZoneId, o => o.Granted));
        var none = new Dictionary<int, bool>();
        return people.ToDictionary(p => p.Id, p =>
        {
            var opened = ZoneRules.Opened(grants.GetValueOrDefault(p.Category) ?? [], byPerson.GetValueOrDefault(p.Id) ?? none);
            return (IReadOnlyList<BadgeZone>)zones.Where(z => opened.Contains(z.Id)).Select(z => new BadgeZone(z.Code, z.NameEn, z.NameZh)).ToList();
        });
    }

    /// <summary>
    /// The person is inside: one row per person and zone, set by an update and inserted only when missing, so entry,
    /// exit, entry leaves them inside once and two desks scanning the same entry count them once.
    /// </summary>
    public async Task EnterAsync(int forumId, int delegateId, int zoneId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await SetInsideAsync(delegateId, zoneId, true, now, ct) > 0)
        {
            return;
        }

        db.ZonePresences.Add(new ZonePresence { ForumId = forumId, DelegateId = delegateId, ZoneId = zoneId, Inside = true, ChangedUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another desk inserted the row first; it is there now, so set it.
            db.ChangeTracker.Clear();
            await SetInsideAsync(delegateId, zoneId, true, now, ct);
        }
    }

    /// <summary>The person has left: only a person inside leaves, so an exit with no entry counts nobody out.</summary>
    public Task ExitAsync(int delegateId, int zoneId, CancellationToken ct) =>
        SetInsideAsync(delegateId, zoneId, false, clock.GetUtcNow().UtcDateTime, ct);

    /// <summary>Sets the person's row; for an entry, a row already inside counts as set, so no second row is tried.</summary>
    private async Task<int> SetInsideAsync(int delegateId, int zoneId, bool inside, DateTime now, CancellationToken ct)
    {
        var changed = await db.ZonePresences.Where(p => p.DelegateId == delegateId && p.ZoneId == zoneId && p.Inside != inside)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Inside, inside).SetProperty(p => p.ChangedUtc, now), ct);
        return changed > 0 || !inside ? changed : await db.ZonePresences.CountAsync(p => p.DelegateId == delegateId && p.ZoneId == zoneId, ct);
    }

    /// <summary>Who is inside each zone now, against what it holds.</summary>
    public async Task<IReadOnlyList<ZoneOccupancy>> OccupancyAsync(int forumId, CancellationToken ct)
    {
        var zones = await db.Zones.AsNoTracking()
            .Where(z => z.ForumId == forumId)
            .OrderBy(z => z.Code)
            .Select(z => new
            {
                z.Id, z.Code, z.NameEn, z.NameZh, z.Capacity,
                Seats = db.Rooms.Where(r => r.Id == z.RoomId).Select(r => (int?)r.Capacity).FirstOrDefault(),
                Inside = db.ZonePresences.Count(p => p.ZoneId == z.Id && p.Inside),
            })
            .ToListAsync(ct);
        return zones.Select(z => new ZoneOccupancy(z.Id, z.Code, z.NameEn, z.NameZh, z.Inside, ZoneRules.Holds(z.Capacity, z.Seats))).ToList();
    }

    /// <summary>Marks everyone out of every zone (the end of a day), or of one zone; audited with how many were inside.</summary>
    public async Task<int> MarkEveryoneOutAsync(int forumId, int? zoneId, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var inside = db.ZonePresences.Where(p => p.ForumId == forumId && p.Inside);
        if (zoneId is { } id)
        {
            inside = inside.Where(p => p.ZoneId == id);
        }

        var count = await inside.ExecuteUpdateAsync(u => u.SetProperty(p => p.Inside, false).SetProperty(p => p.ChangedUtc, now), ct);
        db.AuditEntries.Add(actor.Audit(forumId, now, nameof(Zone), zoneId ?? 0, "zones-everyone-out",
            after: count.ToString(CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(ct);
        return count;
    }
}

using ForumManager.Core.Accreditation;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;

namespace ForumManager.Data.Seeding;

/// <summary>
/// The demo forum's zones as a host would set them: the main hall, the special-topic forums and the exhibition for
/// everyone on badge, the VIP lounge for VIPs and heads of delegation, the press area for the press, the welcome banquet
/// on its evening and the friendship grove at the tree planting; staff and organizers everywhere.
/// </summary>
internal static class DemoZones
{
    private static readonly DelegateCategory[] Guests =
        [DelegateCategory.Vip, DelegateCategory.HeadOfDelegation, DelegateCategory.Delegate, DelegateCategory.Speaker, DelegateCategory.Press,
        DelegateCategory.Accompanying];

    private static readonly DelegateCategory[] Crew = [DelegateCategory.Staff, DelegateCategory.Organizer];

    public static async Task AddAsync(ForumDbContext db, int forumId, Room mainHall, Room vipRoom, Room exhibition, Room banquet, Room garden,
        DateOnly day1, DateOnly day2, CancellationToken ct)
    {
        Zone New(string code, string en, string zh, Room? room = null, int? capacity = null) =>
            new() { ForumId = forumId, Code = code, NameEn = en, NameZh = zh, RoomId = room?.Id, Capacity = capacity };

        var main = New("M", "Main hall", "主会场", mainHall);
        var topics = New("S", "Special-topic forums", "专题论坛会场", capacity: 540);
        var show = New("E", "Exhibition", "成果展览", exhibition);
        var lounge = New("V", "VIP lounge", "贵宾室", vipRoom);
        var press = New("P", "Press area", "媒体区", capacity: 60);
        var dinner = New("B", "Banquet hall", "宴会厅", banquet);
        var grove = New("T", "Tree-planting site", "植树现场", garden);
        Zone[] zones = [main, topics, show, lounge, press, dinner, grove];
        db.Zones.AddRange(zones);
        await db.SaveChangesAsync(ct);

        ZoneCheckpoint Door(Zone zone, string en, string zh, CheckpointDirection direction) =>
            new() { ForumId = forumId, ZoneId = zone.Id, NameEn = en, NameZh = zh, Direction = direction };

        db.ZoneCheckpoints.AddRange(
            Door(main, "Main hall entrance", "主会场入口", CheckpointDirection.Entry),
            Door(main, "Main hall exit", "主会场出口", CheckpointDirection.Exit),
            Door(topics, "Special-topic forums entrance", "专题论坛入口", CheckpointDirection.Entry),
            Door(show, "Exhibition entrance", "展览入口", CheckpointDirection.Entry),
            Door(show, "Exhibition exit", "展览出口", CheckpointDirection.Exit),
            Door(lounge, "VIP lounge door", "贵宾室门口", CheckpointDirection.Both),
            Door(press, "Press area door", "媒体区门口", CheckpointDirection.Both),
            Door(dinner, "Banquet hall entrance", "宴会厅入口", CheckpointDirection.Entry),
            Door(dinner, "Banquet hall exit", "宴会厅出口", CheckpointDirection.Exit),
            Door(grove, "Friendship Grove gate", "友谊林入口", CheckpointDirection.Entry));

        ZoneGrant Grant(Zone zone, DelegateCategory category, DateOnly? day = null, TimeOnly? from = null, TimeOnly? until = null) =>
            new() { ForumId = forumId, ZoneId = zone.Id, Category = category, Day = day, From = from, Until = until };

        foreach (var category in Guests)
        {
            db.ZoneGrants.Add(Grant(main, category, from: new TimeOnly(7, 30), until: new TimeOnly(21, 0)));
            db.ZoneGrants.Add(Grant(topics, category));
            db.ZoneGrants.Add(Grant(show, category, from: new TimeOnly(9, 0), until: new TimeOnly(17, 30)));

            // The welcome banquet at 18:30 on the first evening, the planting at 18:00 on the second: doors open half an hour before.
            db.ZoneGrants.Add(Grant(dinner, category, day1, new TimeOnly(18, 0), new TimeOnly(21, 0)));
            db.ZoneGrants.Add(Grant(grove, category, day2, new TimeOnly(17, 30), new TimeOnly(19, 30)));
        }

        foreach (var category in new[] { DelegateCategory.Vip, DelegateCategory.HeadOfDelegation, DelegateCategory.Organizer })
        {
            db.ZoneGrants.Add(Grant(lounge, category));
        }

        db.ZoneGrants.Add(Grant(press, DelegateCategory.Press));
        // Staff and organizers work everywhere at every hour; only organizers enter the VIP lounge (given above).
        foreach (var category in Crew)
        {
            db.ZoneGrants.AddRange(zones.Where(z => z != lounge).Select(z => Grant(z, category)));
        }

        await db.SaveChangesAsync(ct);
    }
}

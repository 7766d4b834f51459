using ForumManager.Core.Delegates;

namespace ForumManager.Core.Logistics;

/// <summary>A delegate waiting for a room, as the allocator sees them.</summary>
/// <param name="DelegationOrder">The delegation's place in protocol order; delegations are housed in this order.</param>
/// <param name="Senior">A head of delegation or a VIP, who gets the better rooms.</param>
public sealed record RoomGuest(
    int DelegateId,
    int? DelegationId,
    int DelegationOrder,
    bool Senior,
    int PrecedenceRank,
    Gender? Gender,
    RoomType Wants,
    Sharing Sharing,
    int? ShareWith,
    DateOnly CheckIn,
    DateOnly CheckOut);

/// <summary>A block's rooms still free. Blocks of a hotel are listed together; hotels are tried in the order given.</summary>
public sealed record BlockSpace(int BlockId, int HotelId, RoomType Type, int Grade, DateOnly FirstNight, DateOnly LastNight, int FreeRooms);

/// <summary>A room already given out with a bed still free, which a named partner or someone of the same gender can join.</summary>
public sealed record OpenBed(int HotelRoomId, int BlockId, int HotelId, int OccupantId, Gender? OccupantGender, Sharing OccupantSharing, int? OccupantShareWith);

public sealed record PlannedRoom(int BlockId, IReadOnlyList<int> Occupants);

public sealed record PlannedJoin(int HotelRoomId, int DelegateId);

public enum UnplacedReason
{
    /// <summary>Every block that fits is full.</summary>
    NoRoomLeft = 0,

    /// <summary>No block holds rooms for all the nights asked for.</summary>
    NightsNotHeld = 1,
}

public sealed record UnplacedGuest(int DelegateId, UnplacedReason Reason);

/// <summary>Why a guest finds no room: the nights are held nowhere, or the blocks that hold them (of the kind asked for, when there are such) are full.</summary>
public sealed record PlacementObstacle(UnplacedReason Reason, IReadOnlyList<BlockSpace> FullBlocks);

public sealed record AllocationPlan(IReadOnlyList<PlannedRoom> Rooms, IReadOnlyList<PlannedJoin> Joins, IReadOnlyList<UnplacedGuest> Unplaced);

/// <summary>
/// Proposes rooms for those without one. Delegations are housed in protocol order, each in one hotel when one
/// has room for all of them; heads of delegation and VIPs of every delegation are placed before anyone else and take
/// the best grade, others the plainest, so the better rooms are there for the seniors who register late.
/// Two people share only when they named each other (or one named the other, who asked for nothing else), or when both
/// asked to share with someone of their own gender; nobody is put with someone of another gender they did not name.
/// A block never gives out more rooms than it has free.
/// </summary>
public static class RoomAllocator
{
    /// <param name="delegationHotels">Where each delegation already has members housed; its newcomers go there first when it has room.</param>
    public static AllocationPlan Plan(IReadOnlyList<RoomGuest> guests, IReadOnlyList<BlockSpace> blocks, IReadOnlyList<OpenBed>? openBeds = null,
        IReadOnlyDictionary<int, int>? delegationHotels = null)
    {
        var free = blocks.ToDictionary(b => b.BlockId, b => b.FreeRooms);
        var hotels = blocks.Select(b => b.HotelId).Distinct().ToList();
        var rooms = new List<WorkingRoom>();
        var joins = new List<PlannedJoin>();
        var unplaced = new List<UnplacedGuest>();

        foreach (var bed in openBeds ?? [])
        {
            var block = blocks.FirstOrDefault(b => b.BlockId == bed.BlockId);
            if (block is not null)
                rooms.Add(new WorkingRoom(block, bed.HotelRoomId, [new Occupant(bed.OccupantId, bed.OccupantGender, bed.OccupantSharing, bed.OccupantShareWith)]));
        }

        var ordered = guests.OrderBy(g => g.DelegationOrder).ThenBy(g => g.DelegationId).ThenBy(g => g.PrecedenceRank).ThenBy(g => g.DelegateId).ToList();
        var parties = FormParties(ordered, rooms, joins);
        var hotelOf = ChooseHotels(parties, blocks, free, hotels, delegationHotels ?? new Dictionary<int, int>());

        foreach (var party in parties.Where(p => p.Senior).Concat(parties.Where(p => !p.Senior)))
        {
            if (party.Members.Count == 1 && party.OpenToSameGender && JoinOpenRoom(party.Members[0], hotelOf[party.Group], rooms, joins))
                continue;

            var block = PickBlock(party, hotelOf[party.Group], blocks, free, hotels);
            if (block is null)
            {
                var anyNights = blocks.Any(b => Covers(b, party));
                unplaced.AddRange(party.Members.Select(m => new UnplacedGuest(m.DelegateId, anyNights ? UnplacedReason.NoRoomLeft : UnplacedReason.NightsNotHeld)));
                continue;
            }

            free[block.BlockId]--;
            rooms.Add(new WorkingRoom(block, null, party.Members.Select(m => new Occupant(m.DelegateId, m.Gender, m.Sharing, m.ShareWith)).ToList()));
        }

        var planned = rooms.Where(r => r.ExistingId is null).Select(r => new PlannedRoom(r.Block.BlockId, r.Occupants.Select(o => o.DelegateId).ToList())).ToList();
        return new AllocationPlan(planned, joins, unplaced);
    }

    /// <summary>
    /// Why <paramref name="guest"/>, on their own, finds no room in <paramref name="blocks"/> as they are now; null when some
    /// block would still take them. Organizers read it beside those left waiting after an allocation.
    /// </summary>
    public static PlacementObstacle? WhyNotPlaced(RoomGuest guest, IReadOnlyList<BlockSpace> blocks)
    {
        var holding = blocks.Where(b => Covers(b, guest.CheckIn, guest.CheckOut) && (b.Type != RoomType.Suite || guest.Senior || guest.Wants == RoomType.Suite)).ToList();
        if (holding.Count == 0)
            return new PlacementObstacle(UnplacedReason.NightsNotHeld, []);
        if (holding.Any(b => b.FreeRooms > 0))
            return null;

        var wanted = holding.Where(b => b.Type == guest.Wants).ToList();
        return new PlacementObstacle(UnplacedReason.NoRoomLeft, wanted.Count > 0 ? wanted : holding);
    }

    /// <summary>
    /// Whether two people may share a room: they named each other; or one named the other, who asked for nothing else or
    /// to share with their own gender and is of the same gender; or both want someone of their own gender and are.
    /// </summary>
    public static bool MayShare(Sharing aSharing, int aId, int? aNamed, Gender? aGender, Sharing bSharing, int bId, int? bNamed, Gender? bGender)
    {
        if (aSharing == Sharing.Alone || bSharing == Sharing.Alone)
            return false;
        var sameGender = aGender is Gender.Female or Gender.Male && aGender == bGender;
        if (aSharing == Sharing.Named && aNamed == bId)
            return bSharing == Sharing.Named ? bNamed == aId : sameGender;
        if (bSharing == Sharing.Named && bNamed == aId)
            return aSharing == Sharing.Named ? aNamed == bId : sameGender;
        return aSharing == Sharing.SameGender && bSharing == Sharing.SameGender && sameGender;
    }

    private sealed record Occupant(int DelegateId, Gender? Gender, Sharing Sharing, int? ShareWith);

    private sealed class WorkingRoom(BlockSpace block, int? existingId, List<Occupant> occupants)
    {
        public BlockSpace Block { get; } = block;
        public int? ExistingId { get; } = existingId;
        public List<Occupant> Occupants { get; } = occupants;
        public bool HasFreeBed => Occupants.Count < Block.Beds();
    }

    private sealed class Party(List<RoomGuest> members)
    {
        public List<RoomGuest> Members { get; } = members;
        public RoomGuest Lead => Members[0];
        public bool Senior => Members.Any(m => m.Senior);

        /// <summary>Delegation id, or a negative number standing for a delegate who came alone.</summary>
        public int Group => Lead.DelegationId ?? -Lead.DelegateId;

        public RoomType Wants => Members.Count > 1 && RoomTypes.Beds(Lead.Wants) < 2 ? RoomType.Twin : Lead.Wants;
        /// <summary>Strangers share twin rooms only: a double or a suite is for a partner one has named.</summary>
        public bool OpenToSameGender => Members.Count == 1 && Lead.Sharing == Sharing.SameGender && Lead.Wants == RoomType.Twin;
        public DateOnly CheckIn => Members.Min(m => m.CheckIn);
        public DateOnly CheckOut => Members.Max(m => m.CheckOut);
    }

    private static List<Party> FormParties(List<RoomGuest> ordered, List<WorkingRoom> rooms, List<PlannedJoin> joins)
    {
        var byId = ordered.ToDictionary(g => g.DelegateId);
        var position = ordered.Select((g, i) => (g.DelegateId, i)).ToDictionary(x => x.DelegateId, x => x.i);
        var done = new HashSet<int>();
        var parties = new List<Party>();

        // Named pairs first, whatever order the two come in: the one who was named may come before the one who named them.
        foreach (var guest in ordered.Where(g => g.Sharing == Sharing.Named && g.ShareWith is not null))
        {
            if (done.Contains(guest.DelegateId) || !byId.TryGetValue(guest.ShareWith!.Value, out var partner) || done.Contains(partner.DelegateId)
                || !MayShare(guest.Sharing, guest.DelegateId, guest.ShareWith, guest.Gender, partner.Sharing, partner.DelegateId, partner.ShareWith, partner.Gender))
                continue;

            done.Add(guest.DelegateId);
            done.Add(partner.DelegateId);
            var pair = position[guest.DelegateId] < position[partner.DelegateId] ? new List<RoomGuest> { guest, partner } : [partner, guest];
            parties.Add(new Party(pair));
        }

        foreach (var guest in ordered)
        {
            if (!done.Add(guest.DelegateId))
                continue;

            if (guest.Sharing == Sharing.Named && guest.ShareWith is { } named)
            {
                var partnersRoom = rooms.FirstOrDefault(r => r.ExistingId is not null && r.HasFreeBed && r.Occupants.Any(o => o.DelegateId == named
                    && MayShare(guest.Sharing, guest.DelegateId, guest.ShareWith, guest.Gender, o.Sharing, o.DelegateId, o.ShareWith, o.Gender)));
                if (partnersRoom is not null && Covers(partnersRoom.Block, guest.CheckIn, guest.CheckOut))
                {
                    partnersRoom.Occupants.Add(new Occupant(guest.DelegateId, guest.Gender, guest.Sharing, guest.ShareWith));
                    joins.Add(new PlannedJoin(partnersRoom.ExistingId!.Value, guest.DelegateId));
                    continue;
                }
            }

            parties.Add(new Party([guest]));
        }

        // Back in protocol order, so that delegations and seniors are served as before.
        return parties.OrderBy(p => p.Members.Min(m => position[m.DelegateId])).ToList();
    }

    /// <summary>One hotel per delegation, in protocol order: where it is housed already if there is room, else the first with free rooms enough for all of it, else the one with most.</summary>
    private static Dictionary<int, int?> ChooseHotels(List<Party> parties, IReadOnlyList<BlockSpace> blocks, Dictionary<int, int> free, List<int> hotels,
        IReadOnlyDictionary<int, int> delegationHotels)
    {
        var left = hotels.ToDictionary(h => h, h => blocks.Where(b => b.HotelId == h).Sum(b => free[b.BlockId]));
        var chosen = new Dictionary<int, int?>();
        foreach (var group in parties.GroupBy(p => p.Group))
        {
            // Two who each want to share with someone of their gender need one room between them.
            var need = group.Count(p => !p.OpenToSameGender) + group.Where(p => p.OpenToSameGender).GroupBy(p => (p.Lead.Gender, p.Wants)).Sum(g => (g.Count() + 1) / 2);
            var hotel = (delegationHotels.TryGetValue(group.Key, out var already) && left.TryGetValue(already, out var room) && room >= need ? already : (int?)null)
                ?? hotels.Where(h => left[h] >= need).Cast<int?>().FirstOrDefault()
                ?? hotels.OrderByDescending(h => left[h]).Cast<int?>().FirstOrDefault();
            chosen[group.Key] = hotel;
            if (hotel is { } h)
                left[h] -= Math.Min(need, left[h]);
        }

        return chosen;
    }

    private static bool JoinOpenRoom(RoomGuest guest, int? hotel, List<WorkingRoom> rooms, List<PlannedJoin> joins)
    {
        var room = rooms.FirstOrDefault(r => r.Block.HotelId == hotel && r.HasFreeBed && r.Block.Type == guest.Wants
            && Covers(r.Block, guest.CheckIn, guest.CheckOut)
            && r.Occupants.All(o => MayShare(guest.Sharing, guest.DelegateId, guest.ShareWith, guest.Gender, o.Sharing, o.DelegateId, o.ShareWith, o.Gender)));
        if (room is null)
            return false;

        room.Occupants.Add(new Occupant(guest.DelegateId, guest.Gender, guest.Sharing, guest.ShareWith));
        if (room.ExistingId is { } existing)
            joins.Add(new PlannedJoin(existing, guest.DelegateId));
        return true;
    }

    private static BlockSpace? PickBlock(Party party, int? hotel, IReadOnlyList<BlockSpace> blocks, Dictionary<int, int> free, List<int> hotels)
    {
        var beds = party.Members.Count;
        var fitting = blocks.Where(b => free[b.BlockId] > 0 && b.Beds() >= beds && Covers(b, party) && (b.Type != RoomType.Suite || party.Senior || party.Wants == RoomType.Suite));

        // The delegation's hotel first, then the other hotels in order; within a hotel the type asked for first.
        return fitting
            .OrderBy(b => b.HotelId == hotel ? -1 : hotels.IndexOf(b.HotelId))
            .ThenBy(b => b.Type == party.Wants ? 0 : 1)
            .ThenBy(b => party.Senior ? b.Grade : -b.Grade)
            .ThenBy(b => b.BlockId)
            .FirstOrDefault();
    }

    private static bool Covers(BlockSpace block, Party party) => Covers(block, party.CheckIn, party.CheckOut);

    private static bool Covers(BlockSpace block, DateOnly checkIn, DateOnly checkOut) =>
        block.FirstNight <= checkIn && block.LastNight >= checkOut.AddDays(-1);

    private static int Beds(this BlockSpace block) => RoomTypes.Beds(block.Type);
}

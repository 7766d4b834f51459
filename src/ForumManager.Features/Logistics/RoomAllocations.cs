using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Logistics;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Features.Webhooks;
using Delegate = ForumManager.Core.Delegates.Delegate;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Logistics;

public enum PlaceOutcome
{
    Placed,
    BlockFull,
    RoomFull,
    NotFound,
}

public sealed record AllocationOutcome(int Placed, IReadOnlyList<UnplacedGuest> Unplaced);

/// <summary>
/// Gives out hotel rooms. A room is taken from its block by one conditional update (<c>Allocated &lt; Rooms</c>),
/// backed by the block's check constraint, so two organizers allocating at once never give out more rooms than
/// the block holds; a delegate's single place is a unique index.
/// </summary>
public sealed class RoomAllocations(ForumDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Runs the allocator for every approved delegate who asked for a room and has none (of one delegation, when
    /// <paramref name="delegationId"/> is given: organizers often house the first delegations before the rest), and gives out what it proposes.
    /// </summary>
    public async Task<AllocationOutcome> AllocateAsync(int forumId, Actor actor, CancellationToken ct, int? delegationId = null)
    {
        var approved = db.Delegates.Where(d => d.Status == RegistrationStatus.Approved && (delegationId == null || d.DelegationId == delegationId));
        var requests = await db.AccommodationRequests.AsNoTracking()
            .Where(r => r.ForumId == forumId && !db.RoomOccupants.Any(o => o.DelegateId == r.DelegateId))
            .Join(approved, r => r.DelegateId, d => d.Id,
                (r, d) => new { Request = r, d.DelegationId, d.Category, d.PrecedenceRank, d.Gender, DelegationName = d.Delegation == null ? null : d.Delegation.NameEn })
            .ToListAsync(ct);
        var delegationOrder = requests.Where(r => r.DelegationId is not null).GroupBy(r => r.DelegationId!.Value)
            .OrderBy(g => g.Min(r => r.PrecedenceRank)).ThenBy(g => g.First().DelegationName, StringComparer.Ordinal)
            .Select((g, i) => (g.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var guests = requests.Select(r => new RoomGuest(r.Request.DelegateId, r.DelegationId,
            r.DelegationId is { } id ? delegationOrder[id] : int.MaxValue, r.Category is DelegateCategory.Vip or DelegateCategory.HeadOfDelegation,
            r.PrecedenceRank, r.Gender, r.Request.Type, r.Request.Sharing, r.Request.ShareWithDelegateId, r.Request.CheckIn, r.Request.CheckOut)).ToList();

        var blocks = await FreeBlocksAsync(forumId, ct);
        var openBeds = await OpenBedsAsync(forumId, ct);
        var housed = await db.RoomOccupants.AsNoTracking().Where(o => o.ForumId == forumId)
            .Join(db.Delegates.Where(d => d.DelegationId != null), o => o.DelegateId, d => d.Id, (o, d) => new { Delegation = d.DelegationId!.Value, o.HotelRoom!.RoomBlock!.HotelId })
            .Distinct().ToListAsync(ct);
        var delegationHotels = housed.GroupBy(h => h.Delegation).ToDictionary(g => g.Key, g => g.First().HotelId);
        var plan = RoomAllocator.Plan(guests, blocks, openBeds, delegationHotels);

        var placed = 0;
        var unplaced = plan.Unplaced.ToList();
        foreach (var block in plan.Rooms.GroupBy(r => r.BlockId))
        {
            // A block's rooms in one go; if the block filled up or someone was placed meanwhile, room by room.
            if (await NewRoomsAsync(forumId, block.Key, block.ToList(), ct))
            {
                placed += block.Sum(r => r.Occupants.Count);
                continue;
            }

            foreach (var room in block)
            {
                if (await NewRoomsAsync(forumId, block.Key, [room], ct))
                    placed += room.Occupants.Count;
                else
                    unplaced.AddRange(room.Occupants.Select(o => new UnplacedGuest(o, UnplacedReason.NoRoomLeft)));
            }
        }

        foreach (var join in plan.Joins)
        {
            if (await JoinAsync(forumId, join.HotelRoomId, join.DelegateId, ct) == PlaceOutcome.Placed)
                placed++;
            else
                unplaced.Add(new UnplacedGuest(join.DelegateId, UnplacedReason.NoRoomLeft));
        }

        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(HotelRoom), 0, "rooms-allocated",
            after: $"{(delegationId is { } one ? $"delegation {one}: " : "")}{placed} placed, {unplaced.Count} not placed"));
        await db.SaveChangesAsync(ct);
        return new AllocationOutcome(placed, unplaced);
    }

    /// <summary>Moves a delegate into a new room from <paramref name="blockId"/>, giving up the room they had.</summary>
    public async Task<PlaceOutcome> PlaceInNewRoomAsync(int forumId, int delegateId, int blockId, Actor actor, CancellationToken ct)
    {
        if (!await db.RoomBlocks.AnyAsync(b => b.Id == blockId && b.ForumId == forumId, ct) || !await IsDelegateAsync(forumId, delegateId, ct))
            return PlaceOutcome.NotFound;

        // The room is taken first: the write takes the database's lock before anything is read.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await TakeAsync(blockId, ct))
            return PlaceOutcome.BlockFull;
        await VacateInTransactionAsync(forumId, delegateId, ct);

        var room = new HotelRoom { ForumId = forumId, RoomBlockId = blockId, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        room.Occupants.Add(new RoomOccupant { ForumId = forumId, DelegateId = delegateId });
        db.HotelRooms.Add(room);
        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(Delegate), delegateId, "room-given", after: $"block {blockId}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return PlaceOutcome.Placed;
    }

    /// <summary>Moves a delegate into a room already given out, when it has a bed free.</summary>
    public async Task<PlaceOutcome> PlaceInRoomAsync(int forumId, int delegateId, int hotelRoomId, Actor actor, CancellationToken ct)
    {
        if (!await db.HotelRooms.AnyAsync(r => r.Id == hotelRoomId && r.ForumId == forumId, ct) || !await IsDelegateAsync(forumId, delegateId, ct))
            return PlaceOutcome.NotFound;
        if (await db.RoomOccupants.AnyAsync(o => o.HotelRoomId == hotelRoomId && o.DelegateId == delegateId, ct))
            return PlaceOutcome.Placed;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockRoomAsync(hotelRoomId, ct);
        await VacateInTransactionAsync(forumId, delegateId, ct);
        var outcome = await JoinInTransactionAsync(forumId, hotelRoomId, delegateId, ct);
        if (outcome != PlaceOutcome.Placed)
            return outcome;

        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(Delegate), delegateId, "room-given", after: $"room {hotelRoomId}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return PlaceOutcome.Placed;
    }

    /// <summary>Takes a delegate out of their room; a room left empty goes back to its block.</summary>
    public async Task VacateAsync(int forumId, int delegateId, Actor? actor, CancellationToken ct)
    {
        // Part of the caller's transaction when there is one (a delegate saving their travel form).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await VacateInTransactionAsync(forumId, delegateId, ct) && actor is not null)
        {
            db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(Delegate), delegateId, "room-given-up"));
            await db.SaveChangesAsync(ct);
        }

        if (transaction is not null)
            await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<BlockSpace>> FreeBlocksAsync(int forumId, CancellationToken ct) =>
        await db.RoomBlocks.AsNoTracking().Where(b => b.ForumId == forumId)
            .OrderBy(b => b.HotelId).ThenBy(b => b.Grade).ThenBy(b => b.Id)
            .Select(b => new BlockSpace(b.Id, b.HotelId, b.Type, b.Grade, b.FirstNight, b.LastNight, b.Rooms - b.Allocated))
            .ToListAsync(ct);

    private async Task<List<OpenBed>> OpenBedsAsync(int forumId, CancellationToken ct)
    {
        var rooms = await db.HotelRooms.AsNoTracking()
            .Where(r => r.ForumId == forumId && r.RoomBlock!.Type != RoomType.Single && r.Occupants.Count == 1)
            .Select(r => new { r.Id, r.RoomBlockId, r.RoomBlock!.HotelId, Occupant = r.Occupants.Select(o => o.DelegateId).First() })
            .ToListAsync(ct);
        var ids = rooms.Select(r => r.Occupant).ToList();
        var people = await db.Delegates.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Gender, Request = db.AccommodationRequests.Where(a => a.DelegateId == d.Id).Select(a => new { a.Sharing, a.ShareWithDelegateId }).FirstOrDefault() })
            .ToDictionaryAsync(d => d.Id, ct);
        return rooms.Select(r =>
        {
            var person = people[r.Occupant];
            return new OpenBed(r.Id, r.RoomBlockId, r.HotelId, r.Occupant, person.Gender, person.Request?.Sharing ?? Sharing.Alone, person.Request?.ShareWithDelegateId);
        }).ToList();
    }

    private async Task<bool> NewRoomsAsync(int forumId, int blockId, IReadOnlyList<PlannedRoom> rooms, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var count = rooms.Count;
        if (await db.RoomBlocks.Where(b => b.Id == blockId && b.Allocated + count <= b.Rooms)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Allocated, b => b.Allocated + count), ct) != 1)
            return false;

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var planned in rooms)
        {
            var room = new HotelRoom { ForumId = forumId, RoomBlockId = blockId, CreatedUtc = now };
            room.Occupants.AddRange(planned.Occupants.Select(o => new RoomOccupant { ForumId = forumId, DelegateId = o }));
            db.HotelRooms.Add(room);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone placed one of them in the meantime; the rooms taken go back with the rollback.
            return false;
        }
        finally
        {
            // Thousands of rooms in one run: what is saved need not be tracked any more.
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<PlaceOutcome> JoinAsync(int forumId, int hotelRoomId, int delegateId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = await JoinInTransactionAsync(forumId, hotelRoomId, delegateId, ct);
        if (outcome == PlaceOutcome.Placed)
            await transaction.CommitAsync(ct);
        return outcome;
    }

    private async Task<PlaceOutcome> JoinInTransactionAsync(int forumId, int hotelRoomId, int delegateId, CancellationToken ct)
    {
        if (await LockRoomAsync(hotelRoomId, ct) == 0)
            return PlaceOutcome.NotFound;
        var occupant = new RoomOccupant { ForumId = forumId, HotelRoomId = hotelRoomId, DelegateId = delegateId };
        db.RoomOccupants.Add(occupant);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return PlaceOutcome.RoomFull;
        }

        // Counted after the insert, inside the transaction: a second person in the last bed at the same moment sees both.
        var beds = await db.HotelRooms.Where(r => r.Id == hotelRoomId).Select(r => r.RoomBlock!.Type).FirstAsync(ct);
        if (await db.RoomOccupants.CountAsync(o => o.HotelRoomId == hotelRoomId, ct) > RoomTypes.Beds(beds))
        {
            db.ChangeTracker.Clear();
            return PlaceOutcome.RoomFull;
        }

        return PlaceOutcome.Placed;
    }

    private async Task<bool> VacateInTransactionAsync(int forumId, int delegateId, CancellationToken ct)
    {
        var occupant = await db.RoomOccupants.Where(o => o.DelegateId == delegateId && o.ForumId == forumId)
            .Select(o => new { o.Id, o.HotelRoomId, o.HotelRoom!.RoomBlockId }).FirstOrDefaultAsync(ct);
        if (occupant is null)
            return false;

        // The room's row is locked first, so that two leaving a twin at once, or one leaving as another joins, see each other.
        await LockRoomAsync(occupant.HotelRoomId, ct);
        await db.RoomOccupants.Where(o => o.Id == occupant.Id).ExecuteDeleteAsync(ct);

        // A delete the change tracker never sees: its webhook event is written here, in the same transaction.
        WebhookEventLog.Add(db, forumId, WebhookEvents.RoomChanged, WebhookEventCompanion.RoomData(delegateId, null), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        if (!await db.RoomOccupants.AnyAsync(o => o.HotelRoomId == occupant.HotelRoomId, ct))
        {
            await db.HotelRooms.Where(r => r.Id == occupant.HotelRoomId).ExecuteDeleteAsync(ct);
            await db.RoomBlocks.Where(b => b.Id == occupant.RoomBlockId && b.Allocated > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Allocated, b => b.Allocated - 1), ct);
        }

        return true;
    }

    private Task<int> LockRoomAsync(int hotelRoomId, CancellationToken ct) =>
        db.HotelRooms.Where(r => r.Id == hotelRoomId).ExecuteUpdateAsync(s => s.SetProperty(r => r.RoomNumber, r => r.RoomNumber), ct);

    private async Task<bool> TakeAsync(int blockId, CancellationToken ct) =>
        await db.RoomBlocks.Where(b => b.Id == blockId && b.Allocated < b.Rooms)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Allocated, b => b.Allocated + 1), ct) == 1;

    private Task<bool> IsDelegateAsync(int forumId, int delegateId, CancellationToken ct) =>
        db.Delegates.AnyAsync(d => d.Id == delegateId && d.ForumId == forumId, ct);
}

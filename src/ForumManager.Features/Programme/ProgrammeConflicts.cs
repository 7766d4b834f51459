using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Programme;

/// <summary>Loads an edition's programme as the conflict detector sees it, and checks it whole or with one session changed.</summary>
public sealed class ProgrammeConflicts(ForumDbContext db)
{
    /// <summary>The id a session not yet saved goes by while it is checked.</summary>
    public const int Unsaved = -1;

    public async Task<IReadOnlyList<Conflict>> FindAsync(Forum forum, CancellationToken ct) =>
        await FindAsync(forum, null, ct);

    /// <summary>The conflicts that involve <paramref name="candidate"/>, with it in place of its saved version.</summary>
    public async Task<IReadOnlyList<Conflict>> CheckAsync(Forum forum, PlannedSession candidate, CancellationToken ct) =>
        (await FindAsync(forum, candidate, ct)).Where(c => c.SessionId == candidate.Id || c.Other == candidate.Id).ToList();

    public static PlannedSession Plan(Session session) => new(session.Id == 0 ? Unsaved : session.Id, session.RoomId, session.StartUtc, session.EndUtc,
        Math.Max(session.ExpectedAttendance ?? 0, session.Capacity ?? 0), session.People.Select(p => p.Key).ToList(),
        session.Interpretation == InterpretationMode.Simultaneous);

    private async Task<IReadOnlyList<Conflict>> FindAsync(Forum forum, PlannedSession? candidate, CancellationToken ct)
    {
        var forumId = forum.Id;
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ForumId == forumId)
            .Include(s => s.People).ThenInclude(p => p.Guest).AsSplitQuery().ToListAsync(ct);
        var planned = sessions.Where(s => candidate is null || s.Id != candidate.Id).Select(Plan).ToList();
        if (candidate is not null)
        {
            planned.Add(candidate);
        }

        var rooms = await db.Rooms.AsNoTracking().Where(r => r.ForumId == forumId)
            .ToDictionaryAsync(r => r.Id, r => new RoomFacts(r.Id, r.VenueId, r.Capacity, r.OpensAt, r.ClosesAt, r.InterpretationBooths), ct);
        var travel = new TravelTimes();
        foreach (var time in await db.VenueTravelTimes.AsNoTracking().Where(t => t.ForumId == forumId).ToListAsync(ct))
        {
            travel.Set(time.FromVenueId, time.ToVenueId, TimeSpan.FromMinutes(time.Minutes));
        }

        return ConflictDetector.Find(planned, rooms, travel, forum.TimeZone);
    }
}

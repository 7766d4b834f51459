using System.Globalization;
using System.Text.Json;
using ForumManager.Core.Auditing;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Core.Text;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Protocol;

/// <summary>A person as a form names them: <c>d12</c> for delegate 12, <c>g3</c> for guest 3 (an interpreter is a guest too).</summary>
public static class PersonRef
{
    public static string Of(PersonKey person) => (person.Kind == PersonKind.Delegate ? "d" : "g") + person.Id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out bool isDelegate, out int id)
    {
        isDelegate = text is ['d', ..];
        id = 0;
        return text is ['d' or 'g', .. var digits] && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}

/// <summary>A seat on the session's map with who is in it (or the chair behind it) and why it is held.</summary>
public sealed record SeatView(SeatSpot Spot, SeatingPerson? Person, SeatingPerson? Behind, SeatPurpose? Reserved, string? Note);

/// <summary>Everything the seating page shows of one session.</summary>
public sealed record SeatingView(Session Session, string? RoomEn, string? RoomZh, SessionSeating? Seating, SeatLayout? Layout, SeatMap? Map,
    IReadOnlyList<SeatView> Seats, IReadOnlyList<SeatingPerson> Attending, IReadOnlyList<(SeatingPerson Person, UnseatedReason Reason)> Unseated,
    IReadOnlyList<SeatingConflict> Conflicts, IReadOnlyDictionary<PersonKey, SeatingPerson> People, IReadOnlyList<ReservedSeat> Reserved,
    IReadOnlyList<SeatLayout> Layouts, IReadOnlyDictionary<int, string> OtherSessionTitles)
{
    public SeatingPerson? Host => Seating is null ? null
        : Seating.HostDelegateId is { } d ? People.GetValueOrDefault(new PersonKey(PersonKind.Delegate, d))
        : Seating.HostGuestId is { } g ? People.GetValueOrDefault(new PersonKey(PersonKind.Guest, g)) : null;

    public int SeatedCount => Seats.Count(s => s.Person is not null) + Seats.Count(s => s.Behind is not null);

    /// <summary>The session was moved to another room after its layout was chosen: the plan is of a room it is no longer in.</summary>
    public bool LayoutOfAnotherRoom => Layout is not null && Layout.RoomId != Session.RoomId;
}

/// <summary>One line of the protocol overview: a session that can be seated.</summary>
public sealed record SeatingSummary(Session Session, string? RoomEn, string? RoomZh, SeatLayout? Layout, int Seated, int Attending, int Errors, int Warnings);

/// <summary>
/// A session's seating: its layout and host, the seats held back, the plan made by precedence in one transaction, moves
/// and swaps by hand, and its conflicts. Every change raises <see cref="SessionSeating.Version"/>, a concurrency token,
/// so a page acting on a plan someone has changed since is told so instead of overwriting it; every change is audited.
/// </summary>
public sealed class SeatingPlans(ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>Uses <paramref name="layoutId"/> (a layout of the session's room) for the session; the seats already given stay.</summary>
    public async Task<bool> ChooseLayoutAsync(int forumId, int sessionId, int layoutId, int version, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.ForumId == forumId, ct);
        var layout = await db.SeatLayouts.AsNoTracking().FirstOrDefaultAsync(l => l.Id == layoutId && l.ForumId == forumId, ct);
        if (session is null || layout is null || layout.RoomId != session.RoomId)
        {
            errors.Add("LayoutId", text["Seating_LayoutNotInRoom"]);
            return false;
        }

        var seating = await db.SessionSeatings.FirstOrDefaultAsync(s => s.SessionId == sessionId, ct);
        if (seating is not null && seating.Version != version)
        {
            errors.Add("Version", text["Seating_Stale"]);
            return false;
        }

        if (seating is null)
        {
            seating = new SessionSeating { ForumId = forumId, SessionId = sessionId, HostGuestId = await SeatingAttendance.DefaultHostGuestAsync(db, sessionId, ct) };
            db.SessionSeatings.Add(seating);
        }

        var before = seating.LayoutId;
        seating.LayoutId = layoutId;
        return await SaveAsync(seating, actor, "seating-layout", before == 0 ? null : before.ToString(CultureInfo.InvariantCulture), layout.NameEn, errors, ct);
    }

    /// <summary>Makes <paramref name="host"/> (someone attending, or nobody) the session's host.</summary>
    public async Task<bool> ChooseHostAsync(int forumId, int sessionId, string? host, int version, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        if (await SeatingAsync(forumId, sessionId, version, errors, ct) is not { } seating)
        {
            return false;
        }

        int? delegateId = null, guestId = null;
        if (!string.IsNullOrEmpty(host))
        {
            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
            var attending = await SeatingAttendance.ForSessionAsync(db, session, ct);
            if (!PersonRef.TryParse(host, out var isDelegate, out var id)
                || !attending.Any(p => !p.Interpreter && PersonRef.Of(p.Person) == host))
            {
                errors.Add("Host", text["Seating_NotAttending"]);
                return false;
            }

            (delegateId, guestId) = isDelegate ? ((int?)id, (int?)null) : ((int?)null, (int?)id);
        }

        var before = $"{seating.HostDelegateId}/{seating.HostGuestId}";
        seating.HostDelegateId = delegateId;
        seating.HostGuestId = guestId;
        return await SaveAsync(seating, actor, "seating-host", before, host, errors, ct);
    }

    public async Task<bool> ReserveAsync(int forumId, int sessionId, int table, int seat, SeatPurpose purpose, string? note, int version, Actor actor,
        FieldErrors errors, CancellationToken ct)
    {
        if (await SeatingAsync(forumId, sessionId, version, errors, ct) is not { } seating)
        {
            return false;
        }

        var layout = await db.SeatLayouts.AsNoTracking().SingleAsync(l => l.Id == seating.LayoutId, ct);
        if (!SeatLayouts.Map(layout).Contains(table, seat))
        {
            errors.Add("ReservedSeat", text["Seating_NoSuchSeat"]);
            return false;
        }

        if (!Enum.IsDefined(purpose))
        {
            errors.Add("Purpose", text["Validation_Choose"]);
            return false;
        }

        var existing = await db.ReservedSeats.FirstOrDefaultAsync(r => r.SessionId == sessionId && r.Table == table && r.Seat == seat, ct);
        if (existing is null)
        {
            db.ReservedSeats.Add(new ReservedSeat { ForumId = forumId, SessionId = sessionId, Table = table, Seat = seat, Purpose = purpose, Note = Clean(note) });
        }
        else
        {
            existing.Purpose = purpose;
            existing.Note = Clean(note);
        }

        return await SaveAsync(seating, actor, "seat-reserved", null, $"{table}/{seat} {purpose}", errors, ct);
    }

    public async Task<bool> UnreserveAsync(int forumId, int sessionId, int table, int seat, int version, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        if (await SeatingAsync(forumId, sessionId, version, errors, ct) is not { } seating)
        {
            return false;
        }

        if (await db.ReservedSeats.FirstOrDefaultAsync(r => r.SessionId == sessionId && r.Table == table && r.Seat == seat, ct) is not { } held)
        {
            errors.Add("ReservedSeat", text["Seating_NoSuchSeat"]);
            return false;
        }

        db.ReservedSeats.Remove(held);
        return await SaveAsync(seating, actor, "seat-unreserved", $"{table}/{seat} {held.Purpose}", null, errors, ct);
    }

    /// <summary>Replaces the session's plan with one made by precedence, in one transaction; returns the plan, or null when refused.</summary>
    public async Task<SeatingPlan?> SeatEveryoneAsync(int forumId, int sessionId, int version, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        if (await SeatingAsync(forumId, sessionId, version, errors, ct) is not { } seating)
        {
            return null;
        }

        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        var layout = await db.SeatLayouts.AsNoTracking().SingleAsync(l => l.Id == seating.LayoutId, ct);
        var attending = await SeatingAttendance.ForSessionAsync(db, session, ct);
        var reserved = await db.ReservedSeats.AsNoTracking().Where(r => r.SessionId == sessionId).ToListAsync(ct);
        var host = HostKey(seating, attending);
        var plan = SeatingPlanner.Plan(new SeatingRequest(SeatLayouts.Map(layout), reserved.Select(r => new ReservedSpot(r.Table, r.Seat, r.Purpose)).ToList(),
            host, session.Interpretation == InterpretationMode.Consecutive, attending.Select(p => p.Attendee).ToList()));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SeatAssignments.Where(a => a.SessionId == sessionId).ExecuteDeleteAsync(ct);
        db.SeatAssignments.AddRange(plan.Seats.Select(s => new SeatAssignment
        {
            ForumId = forumId, SessionId = sessionId, Table = s.Table, Seat = s.Seat, Behind = s.Behind,
            DelegateId = s.Person.Kind == PersonKind.Delegate ? s.Person.Id : null, GuestId = s.Person.Kind == PersonKind.Delegate ? null : s.Person.Id,
        }));
        if (!await SaveAsync(seating, actor, "seating-by-precedence", null,
                JsonSerializer.Serialize(new { Seated = plan.Seats.Count, Unseated = plan.Unseated.Count, Layout = layout.NameEn }), errors, ct))
        {
            return null;
        }

        await transaction.CommitAsync(ct);
        return plan;
    }

    /// <summary>Moves someone attending (seated or not yet) to an empty seat, or the chair behind it.</summary>
    public async Task<bool> MoveAsync(int forumId, int sessionId, string? person, int table, int seat, bool behind, int version, Actor actor,
        FieldErrors errors, CancellationToken ct)
    {
        if (await SeatingAsync(forumId, sessionId, version, errors, ct) is not { } seating)
        {
            return false;
        }

        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        var layout = await db.SeatLayouts.AsNoTracking().SingleAsync(l => l.Id == seating.LayoutId, ct);
        if (!PersonRef.TryParse(person, out var isDelegate, out var id)
            || !(await SeatingAttendance.ForSessionAsync(db, session, ct)).Any(p => PersonRef.Of(p.Person) == person))
        {
            errors.Add("Person", text["Seating_NotAttending"]);
            return false;
        }

        if (!SeatLayouts.Map(layout).Contains(table, seat))
        {
            errors.Add("Seat", text["Seating_NoSuchSeat"]);
            return false;
        }

        if (await db.SeatAssignments.AnyAsync(a => a.SessionId == sessionId && a.Table == table && a.Seat == seat && a.Behind == behind, ct))
        {
            errors.Add("Seat", text["Seating_SeatTaken"]);
            return false;
        }

        var assignment = await db.SeatAssignments.FirstOrDefaultAsync(a => a.SessionId == sessionId && (isDelegate ? a.DelegateId == id : a.GuestId == id), ct);
        var before = assignment is null ? null : $"{assignment.Table}/{assignment.Seat}{(assignment.Behind ? "b" : "")}";
        if (assignment is null)
        {
            db.SeatAssignments.Add(assignment = new SeatAssignment
            {
                ForumId = forumId, SessionId = sessionId, DelegateId = isDelegate ? id : null, GuestId = isDelegate ? null : id,
            });
        }

        (assignment.Table, assignment.Seat, assignment.Behind) = (table, seat, behind);
        return await SaveAsync(seating, actor, "seat-moved", before, $"{person} {table}/{seat}{(behind ? "b" : "")}", errors, ct);
    }

    /// <summary>
    /// Swaps two seated people in one transaction. The database keeps a seat to one person at every moment, so the first goes
    /// to a free place off the map (table −1) while the second takes their seat.
    /// </summary>
    public async Task<bool> SwapAsync(int forumId, int sessionId, string? first, string? second, int version, Actor actor, FieldErrors errors,
        CancellationToken ct)
    {
        if (await SeatingAsync(forumId, sessionId, version, errors, ct) is not { } seating)
        {
            return false;
        }

        var a = await AssignmentAsync(sessionId, first, ct);
        var b = await AssignmentAsync(sessionId, second, ct);
        if (a is null || b is null || a.Id == b.Id)
        {
            errors.Add(a is null ? "Person" : "Other", text["Seating_NotSeated"]);
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (aTable, aSeat, aBehind) = (a.Table, a.Seat, a.Behind);
        var (bTable, bSeat, bBehind) = (b.Table, b.Seat, b.Behind);
        try
        {
            (a.Table, a.Seat) = (-1, -1);
            await db.SaveChangesAsync(ct);
            (b.Table, b.Seat, b.Behind) = (aTable, aSeat, aBehind);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            errors.Add("Seat", text["Seating_SeatTaken"]);
            return false;
        }

        (a.Table, a.Seat, a.Behind) = (bTable, bSeat, bBehind);
        if (!await SaveAsync(seating, actor, "seats-swapped", $"{first} {aTable}/{aSeat}; {second} {bTable}/{bSeat}",
                $"{first} {bTable}/{bSeat}; {second} {aTable}/{aSeat}", errors, ct))
        {
            return false;
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Takes someone out of the plan.</summary>
    public async Task<bool> UnseatAsync(int forumId, int sessionId, string? person, int version, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        if (await SeatingAsync(forumId, sessionId, version, errors, ct) is not { } seating)
        {
            return false;
        }

        if (await AssignmentAsync(sessionId, person, ct) is not { } assignment)
        {
            errors.Add("Person", text["Seating_NotSeated"]);
            return false;
        }

        db.SeatAssignments.Remove(assignment);
        return await SaveAsync(seating, actor, "seat-emptied", $"{person} {assignment.Table}/{assignment.Seat}", null, errors, ct);
    }

    /// <summary>The session's seating, its map, people, the unseated with their reasons and the conflicts; null for no such session.</summary>
    public async Task<SeatingView?> ViewAsync(int forumId, int sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Room).FirstOrDefaultAsync(s => s.Id == sessionId && s.ForumId == forumId, ct);
        if (session?.RoomId is null)
        {
            return null;
        }

        var seating = await db.SessionSeatings.AsNoTracking().Include(s => s.Layout).FirstOrDefaultAsync(s => s.SessionId == sessionId, ct);
        var layouts = await db.SeatLayouts.AsNoTracking().Where(l => l.RoomId == session.RoomId).OrderBy(l => l.NameEn).ToListAsync(ct);
        var attending = await SeatingAttendance.ForSessionAsync(db, session, ct);
        var reserved = await db.ReservedSeats.AsNoTracking().Where(r => r.SessionId == sessionId).OrderBy(r => r.Table).ThenBy(r => r.Seat).ToListAsync(ct);
        var assignments = await db.SeatAssignments.AsNoTracking().Where(a => a.SessionId == sessionId).ToListAsync(ct);
        var people = await PeopleAsync(attending, assignments, ct);
        var seated = assignments.Select(a => new PlannedSeat(KeyOf(a, people), a.Table, a.Seat, a.Behind)).ToList();
        var layout = seating?.Layout;
        var map = layout is not null && SeatLayouts.Problem(layout) is null ? SeatLayouts.Map(layout) : null;

        var seats = new List<SeatView>();
        if (map is not null)
        {
            var inSeat = seated.Where(s => !s.Behind).GroupBy(s => (s.Table, s.Seat)).ToDictionary(g => g.Key, g => people[g.First().Person]);
            var behindSeat = seated.Where(s => s.Behind).GroupBy(s => (s.Table, s.Seat)).ToDictionary(g => g.Key, g => people[g.First().Person]);
            var held = reserved.ToDictionary(r => (r.Table, r.Seat));
            seats.AddRange(map.Seats.Select(s => new SeatView(s, inSeat.GetValueOrDefault((s.Table, s.Seat)), behindSeat.GetValueOrDefault((s.Table, s.Seat)),
                held.GetValueOrDefault((s.Table, s.Seat))?.Purpose, held.GetValueOrDefault((s.Table, s.Seat))?.Note)));
        }

        var seatedKeys = seated.Select(s => s.Person).ToHashSet();
        var consecutive = session.Interpretation == InterpretationMode.Consecutive;
        var interpreterSeats = reserved.Any(r => r.Purpose == SeatPurpose.Interpreter);
        var pressSeats = reserved.Any(r => r.Purpose == SeatPurpose.Press);
        var unseated = attending.Where(p => !seatedKeys.Contains(p.Person))
            .Select(p => (p, p.Interpreter && !consecutive && !interpreterSeats ? UnseatedReason.InterpreterInBooth
                : p.Interpreter && interpreterSeats ? UnseatedReason.InterpreterSeatsFull
                : p.Press && pressSeats && !p.Interpreter ? UnseatedReason.PressSeatsFull
                : seats.Count > 0 && seats.All(s => s.Person is not null || s.Reserved is not null) ? UnseatedReason.NoSeatLeft
                : UnseatedReason.NotYetSeated))
            .ToList();

        var conflicts = map is null ? [] : await ConflictsAsync(session, map, reserved, seated, attending, HostKey(seating!, attending), ct);
        var others = conflicts.Where(c => c.OtherSessionId is not null).Select(c => c.OtherSessionId!.Value).Distinct().ToList();
        var titles = await db.Sessions.AsNoTracking().Where(s => others.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? s.TitleZh : s.TitleEn, ct);
        return new SeatingView(session, session.Room?.NameEn, session.Room?.NameZh, seating, layout, map, seats, attending, unseated, conflicts, people,
            reserved, layouts, titles);
    }

    /// <summary>Every session with a room, with its layout, how many are seated of how many attend, and its conflicts.</summary>
    public async Task<IReadOnlyList<SeatingSummary>> OverviewAsync(int forumId, CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ForumId == forumId && s.RoomId != null).OrderBy(s => s.StartUtc).ThenBy(s => s.Id)
            .Select(s => s.Id).ToListAsync(ct);
        var summaries = new List<SeatingSummary>();
        foreach (var id in sessions)
        {
            var view = (await ViewAsync(forumId, id, ct))!;
            summaries.Add(new SeatingSummary(view.Session, view.RoomEn, view.RoomZh, view.Layout, view.SeatedCount, view.Attending.Count,
                view.Conflicts.Count(c => c.Severity == SeatingSeverity.Error), view.Conflicts.Count(c => c.Severity == SeatingSeverity.Warning)));
        }

        return summaries;
    }

    private async Task<IReadOnlyList<SeatingConflict>> ConflictsAsync(Session session, SeatMap map, List<ReservedSeat> reserved, List<PlannedSeat> seated,
        IReadOnlyList<SeatingPerson> attending, PersonKey? host, CancellationToken ct)
    {
        var delegateIds = seated.Where(s => s.Person.Kind == PersonKind.Delegate).Select(s => s.Person.Id).ToList();
        var guestIds = seated.Where(s => s.Person.Kind != PersonKind.Delegate).Select(s => s.Person.Id).ToList();
        var (start, end, id) = (session.StartUtc, session.EndUtc, session.Id);
        var elsewhere = await db.SeatAssignments.AsNoTracking()
            .Where(a => a.SessionId != id && a.Table >= 0 && ((a.DelegateId != null && delegateIds.Contains(a.DelegateId.Value)) || (a.GuestId != null && guestIds.Contains(a.GuestId.Value))))
            .Join(db.Sessions.Where(s => s.StartUtc < end && start < s.EndUtc), a => a.SessionId, s => s.Id,
                (a, s) => new { a.DelegateId, a.GuestId, s.Id, s.StartUtc, s.EndUtc })
            .ToListAsync(ct);
        var byKey = seated.Select(s => s.Person).ToHashSet();
        var others = elsewhere.Select(e => new SeatingElsewhere(
                e.DelegateId is { } d ? new PersonKey(PersonKind.Delegate, d) : byKey.FirstOrDefault(k => k.Kind != PersonKind.Delegate && k.Id == e.GuestId),
                e.Id, e.StartUtc, e.EndUtc))
            .ToList();
        var people = new SeatingPeople(
            attending.Where(p => !p.Interpreter).ToDictionary(p => p.Person, p => p.Rank),
            attending.Where(p => p.Press).Select(p => p.Person).ToHashSet(),
            attending.Where(p => p.Interpreter).Select(p => p.Person).ToHashSet(),
            host);
        return SeatingCheck.Check(map, reserved.Select(r => new ReservedSpot(r.Table, r.Seat, r.Purpose)).ToList(), seated, people, start, end, others);
    }

    /// <summary>Everyone attending, and anyone seated who no longer attends (a cancelled registration), by key.</summary>
    private async Task<Dictionary<PersonKey, SeatingPerson>> PeopleAsync(IReadOnlyList<SeatingPerson> attending, List<SeatAssignment> assignments, CancellationToken ct)
    {
        var people = attending.GroupBy(p => p.Person).ToDictionary(g => g.Key, g => g.First());
        var guests = attending.Where(p => p.Person.Kind != PersonKind.Delegate).Select(p => p.Person.Id).ToHashSet();
        var delegates = attending.Where(p => p.Person.Kind == PersonKind.Delegate).Select(p => p.Person.Id).ToHashSet();
        var missingDelegates = assignments.Where(a => a.DelegateId is { } d && !delegates.Contains(d)).Select(a => a.DelegateId!.Value).ToList();
        var missingGuests = assignments.Where(a => a.GuestId is { } g && !guests.Contains(g)).Select(a => a.GuestId!.Value).ToList();
        foreach (var d in await db.Delegates.AsNoTracking().Where(d => missingDelegates.Contains(d.Id))
                     .Select(d => new { d.Id, d.FamilyName, d.GivenName, d.NativeName, d.NativeNameLanguage, d.Position, d.PrecedenceRank }).ToListAsync(ct))
        {
            var key = new PersonKey(PersonKind.Delegate, d.Id);
            people[key] = new SeatingPerson(key, PersonName.Latin(d.FamilyName, d.GivenName), d.NativeName, d.NativeNameLanguage, d.Position,
                d.PrecedenceRank, null, null, null, false, false, null);
        }

        foreach (var g in await db.Guests.AsNoTracking().Where(g => missingGuests.Contains(g.Id)).ToListAsync(ct))
        {
            var key = new PersonKey(g.Kind == GuestKind.Interpreter ? PersonKind.Interpreter : PersonKind.Guest, g.Id);
            people[key] = new SeatingPerson(key, g.NameEn, g.NameZh, "zh-Hans", g.TitleEn, SeatingAttendance.InterpreterRank, null, null, null, false,
                g.Kind == GuestKind.Interpreter, null);
        }

        return people;
    }

    private static PersonKey KeyOf(SeatAssignment a, Dictionary<PersonKey, SeatingPerson> people)
    {
        if (a.DelegateId is { } d)
        {
            return new PersonKey(PersonKind.Delegate, d);
        }

        var guest = new PersonKey(PersonKind.Guest, a.GuestId ?? 0);
        return people.ContainsKey(guest) ? guest : new PersonKey(PersonKind.Interpreter, a.GuestId ?? 0);
    }

    private static PersonKey? HostKey(SessionSeating seating, IReadOnlyList<SeatingPerson> attending)
    {
        if (seating.HostDelegateId is { } d)
        {
            return new PersonKey(PersonKind.Delegate, d);
        }

        if (seating.HostGuestId is not { } g)
        {
            return null;
        }

        var interpreter = new PersonKey(PersonKind.Interpreter, g);
        return attending.Any(p => p.Person == interpreter) ? interpreter : new PersonKey(PersonKind.Guest, g);
    }

    private async Task<SeatAssignment?> AssignmentAsync(int sessionId, string? person, CancellationToken ct) =>
        PersonRef.TryParse(person, out var isDelegate, out var id)
            ? await db.SeatAssignments.FirstOrDefaultAsync(a => a.SessionId == sessionId && a.Table >= 0 && (isDelegate ? a.DelegateId == id : a.GuestId == id), ct)
            : null;

    /// <summary>The session's seating as the page last showed it: refused, with a message, when someone has changed it since.</summary>
    private async Task<SessionSeating?> SeatingAsync(int forumId, int sessionId, int version, FieldErrors errors, CancellationToken ct)
    {
        var seating = await db.SessionSeatings.FirstOrDefaultAsync(s => s.SessionId == sessionId && s.ForumId == forumId, ct);
        if (seating is null)
        {
            errors.Add("LayoutId", text["Seating_ChooseLayoutFirst"]);
            return null;
        }

        if (seating.Version != version)
        {
            errors.Add("Version", text["Seating_Stale"]);
            return null;
        }

        return seating;
    }

    /// <summary>Raises the version and saves with the audit entry; a plan changed meanwhile (the concurrency token) refuses the whole change.</summary>
    private async Task<bool> SaveAsync(SessionSeating seating, Actor actor, string action, string? before, string? after, FieldErrors errors, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        seating.Version++;
        seating.UpdatedUtc = now;

        // The change and its audit entry (which names the seating's id, new for a first layout) commit together.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
            db.AuditEntries.Add(actor.Audit(seating.ForumId, now, nameof(SessionSeating), seating.Id, action, before, after));
            await db.SaveChangesAsync(ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }

            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            errors.Add("Version", text["Seating_Stale"]);
            return false;
        }
        catch (DbUpdateException)
        {
            // The unique indexes: someone took the seat, or seated the person, a moment ago.
            db.ChangeTracker.Clear();
            errors.Add("Seat", text["Seating_SeatTaken"]);
            return false;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 200)];
}

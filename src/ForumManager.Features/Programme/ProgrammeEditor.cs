using System.Globalization;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Notices;
using ForumManager.Core.Programme;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features.Notices;
using ForumManager.Features.Text;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Programme;

/// <summary>What a session can be given: the rooms, tracks and people of the edition, named in the page's language.</summary>
public sealed record SessionChoices(IReadOnlyList<(int Id, string Name)> Rooms, IReadOnlyList<(int Id, string Name)> Tracks,
    IReadOnlyList<(string Key, string Name, bool Interpreter)> People, IReadOnlyDictionary<int, GuestKind> GuestKinds);

/// <summary>A save as the editor checked it: the session as it would be, what clashes with it, and its id once saved.</summary>
public sealed record SessionSave(PlannedSession Candidate, IReadOnlyList<Conflict> Conflicts, int? SavedId);

/// <summary>
/// The draft programme's sessions are written here and nowhere else: added and edited from the session form, moved on
/// the grid, deleted. A change that would book a room or a person twice is refused; each change is audited; seats
/// added go to those waiting; a deleted session's enrolled delegates are told at once.
/// </summary>
public sealed class ProgrammeEditor(ForumDbContext db, ProgrammeConflicts conflicts, Enrolments enrolments, MailQueue mail, NoticeRenderer notices,
    TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<SessionChoices> ChoicesAsync(Forum forum, CancellationToken ct)
    {
        var forumId = forum.Id;
        var chinese = UiLanguage.Chinese;
        var rooms = (await db.Rooms.AsNoTracking().Include(r => r.Venue).Where(r => r.ForumId == forumId).OrderBy(r => r.VenueId).ThenBy(r => r.NameEn)
            .ToListAsync(ct)).Select(r => (r.Id, chinese ? $"{r.Venue!.NameZh} · {r.NameZh} ({r.Capacity})" : $"{r.Venue!.NameEn} · {r.NameEn} ({r.Capacity})")).ToList();
        var tracks = (await db.Tracks.AsNoTracking().Where(t => t.ForumId == forumId).OrderBy(t => t.Id).ToListAsync(ct)).Select(t => (t.Id, chinese ? t.NameZh : t.NameEn)).ToList();
        var guests = await db.Guests.AsNoTracking().Where(g => g.ForumId == forumId).OrderBy(g => g.NameEn).ToListAsync(ct);
        var delegates = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected)
            .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).Select(d => new { d.Id, d.FamilyName, d.GivenName, d.NativeName }).ToListAsync(ct);
        var people = guests.Select(g => ($"g:{g.Id}", $"{g.NameEn}{(g.NameZh is null ? string.Empty : " " + g.NameZh)} ({text["GuestKind_" + g.Kind]})", g.Kind == GuestKind.Interpreter))
            .Concat(delegates.Select(d => ($"d:{d.Id}", $"{d.FamilyName.ToUpperInvariant()} {d.GivenName}{(d.NativeName is null ? string.Empty : " " + d.NativeName)}", false)))
            .ToList();
        return new SessionChoices(rooms, tracks, people, guests.ToDictionary(g => g.Id, g => g.Kind));
    }

    /// <summary>The session with its people, tracked for a save; null when the edition has no such session.</summary>
    public Task<Session?> FindAsync(Forum forum, int id, CancellationToken ct)
    {
        var forumId = forum.Id;
        return db.Sessions.Include(s => s.People).ThenInclude(p => p.Guest).SingleOrDefaultAsync(s => s.Id == id && s.ForumId == forumId, ct);
    }

    public static SessionInput Input(Session session, Forum forum)
    {
        var starts = ForumTime.ToLocal(session.StartUtc, forum.TimeZone);
        return new SessionInput
        {
            Type = session.Type, TitleEn = session.TitleEn, TitleZh = session.TitleZh, AbstractEn = session.AbstractEn, AbstractZh = session.AbstractZh,
            TrackId = session.TrackId, RoomId = session.RoomId, Day = DateOnly.FromDateTime(starts), Start = TimeOnly.FromDateTime(starts),
            Minutes = (int)session.Duration.TotalMinutes, Capacity = session.Capacity, ExpectedAttendance = session.ExpectedAttendance,
            Languages = session.Languages, Interpretation = session.Interpretation, InterpretationLanguages = session.InterpretationLanguages,
            IsPublic = session.IsPublic,
            Speakers = Keys(session, SessionRole.Speaker), Moderators = Keys(session, SessionRole.Moderator),
            Participants = Keys(session, SessionRole.Participant), Interpreters = Keys(session, SessionRole.Interpreter),
        };
    }

    /// <summary>Cleans the form and puts each problem at its field (keys under <c>Input.</c>).</summary>
    public void Check(Forum forum, SessionInput input, SessionChoices choices, FieldErrors errors)
    {
        input.TitleEn = PersonName.Clean(input.TitleEn);
        input.TitleZh = PersonName.Clean(input.TitleZh);
        input.AbstractEn = CleanText(input.AbstractEn);
        input.AbstractZh = CleanText(input.AbstractZh);
        input.Languages = (input.Languages ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        input.InterpretationLanguages = string.IsNullOrWhiteSpace(input.InterpretationLanguages) ? null : input.InterpretationLanguages.Trim().ToLowerInvariant();
        foreach (var list in new[] { input.Speakers, input.Moderators, input.Participants, input.Interpreters })
        {
            list.RemoveAll(string.IsNullOrWhiteSpace);
        }

        void Error(string field, string key, params object[] args) => errors.Add("Input." + field, text[key, args]);
        if (!Enum.IsDefined(input.Type))
        {
            Error(nameof(input.Type), "Validation_Choose");
        }

        if (!Enum.IsDefined(input.Interpretation))
        {
            Error(nameof(input.Interpretation), "Validation_Choose");
        }
        else if (input.Interpretation != InterpretationMode.None && input.InterpretationLanguages is null)
        {
            Error(nameof(input.InterpretationLanguages), "Programme_PairFormat");
        }

        if (input.RoomId is { } room && choices.Rooms.All(r => r.Id != room))
        {
            Error(nameof(input.RoomId), "Validation_Choose");
        }

        if (input.TrackId is { } track && choices.Tracks.All(t => t.Id != track))
        {
            Error(nameof(input.TrackId), "Validation_Choose");
        }

        if (input.Day is { } day && (day < forum.StartDate.AddDays(-7) || day > forum.EndDate.AddDays(7)))
        {
            Error(nameof(input.Day), "Programme_DayOutside", Dates.Range(forum.StartDate, forum.EndDate));
        }

        foreach (var (field, value) in new[] { (nameof(input.TitleEn), input.TitleEn), (nameof(input.TitleZh), input.TitleZh),
            (nameof(input.AbstractEn), input.AbstractEn ?? string.Empty), (nameof(input.AbstractZh), input.AbstractZh ?? string.Empty) })
        {
            if (value.IndexOfAny(['<', '>']) >= 0)
            {
                Error(field, "Validation_NoMarkup");
            }
        }

        var known = choices.People.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (field, keys) in new[] { (nameof(input.Speakers), input.Speakers), (nameof(input.Moderators), input.Moderators),
            (nameof(input.Participants), input.Participants), (nameof(input.Interpreters), input.Interpreters) })
        {
            if (keys.Any(k => !known.Contains(k)))
            {
                Error(field, "Validation_Choose");
            }
        }

        if (input.Day is { } day2 && input.Start is { } start && !ForumTime.Exists(day2, start, forum.TimeZone))
        {
            errors.Add("Input.Start", text["Programme_TimeSkipped"]);
        }
    }

    /// <summary>
    /// Saves a checked form as a new session (<paramref name="session"/> null) or over <paramref name="session"/>, unless
    /// it clashes or would seat fewer than are enrolled (said in <paramref name="errors"/>).
    /// </summary>
    public async Task<SessionSave> SaveAsync(Forum forum, Session? session, SessionInput input, SessionChoices choices, Actor actor,
        FieldErrors errors, CancellationToken ct)
    {
        var people = Parts(input, choices);
        var startUtc = ForumTime.ToUtc(input.Day!.Value, input.Start!.Value, forum.TimeZone);
        var candidate = new PlannedSession(session?.Id ?? ProgrammeConflicts.Unsaved, input.RoomId, startUtc, startUtc.AddMinutes(input.Minutes),
            Math.Max(input.ExpectedAttendance ?? 0, input.Capacity ?? 0), people.Select(p => p.Key).Distinct().ToList());
        var found = await conflicts.CheckAsync(forum, candidate, ct);
        if (found.Any(c => c.Severity == ConflictSeverity.Error))
        {
            return new SessionSave(candidate, found, null);
        }

        if (session is not null && input.Capacity is { } seats && seats < session.EnrolledCount)
        {
            errors.Add("Input.Capacity", text["Programme_CapacityBelowEnrolled", session.EnrolledCount]);
            return new SessionSave(candidate, found, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = session is null ? null : Describe(session);
        var isNew = session is null;
        session ??= new Session { ForumId = forum.Id, TitleEn = input.TitleEn, TitleZh = input.TitleZh };
        var moved = !isNew && (session.StartUtc != startUtc || session.EndUtc != candidate.EndUtc || session.RoomId != input.RoomId
            || session.TitleEn != input.TitleEn || session.TitleZh != input.TitleZh);
        session.Type = input.Type;
        session.TitleEn = input.TitleEn;
        session.TitleZh = input.TitleZh;
        session.AbstractEn = input.AbstractEn;
        session.AbstractZh = input.AbstractZh;
        session.TrackId = input.TrackId;
        session.RoomId = input.RoomId;
        session.StartUtc = startUtc;
        session.EndUtc = candidate.EndUtc;
        session.Capacity = input.Capacity;
        session.ExpectedAttendance = input.ExpectedAttendance;
        session.Languages = input.Languages;
        session.Interpretation = input.Interpretation;
        session.InterpretationLanguages = input.Interpretation == InterpretationMode.None ? null : input.InterpretationLanguages;
        session.IsPublic = input.IsPublic;
        session.Sequence += moved ? 1 : 0;
        session.UpdatedUtc = now;
        db.SessionPeople.RemoveRange(session.People);
        session.People = people.Select(p => p.Part).ToList();
        if (isNew)
        {
            db.Sessions.Add(session);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(actor.Audit(forum.Id, now, nameof(Session), session.Id, isNew ? "added" : "edited", before, Describe(session)));
        await db.SaveChangesAsync(ct);
        if (!isNew)
        {
            // Seats added (or the limit lifted) go to those waiting, in order, before any newcomer.
            await enrolments.FillFreedSeatsAsync(session.Id, ct);
        }

        await transaction.CommitAsync(ct);
        return new SessionSave(candidate, found, session.Id);
    }

    /// <summary>Moves a session to another room or start on its day, unless that clashes; the clashes are returned and nothing is saved.</summary>
    public async Task<IReadOnlyList<Conflict>> MoveAsync(Forum forum, Session session, int? roomId, DateTime startUtc, Actor actor, CancellationToken ct)
    {
        var candidate = ProgrammeConflicts.Plan(session) with { RoomId = roomId, StartUtc = startUtc, EndUtc = startUtc + session.Duration };
        var clashes = (await conflicts.CheckAsync(forum, candidate, ct)).Where(c => c.Severity == ConflictSeverity.Error).ToList();
        if (clashes.Count > 0)
        {
            return clashes;
        }

        var before = $"{session.StartUtc:yyyy-MM-dd HH:mm}Z room {session.RoomId}";
        session.RoomId = roomId;
        session.EndUtc = candidate.EndUtc;
        session.StartUtc = startUtc;
        session.Sequence++;
        session.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        db.AuditEntries.Add(actor.Audit(forum.Id, session.UpdatedUtc, nameof(Session), session.Id, "moved", before, $"{startUtc:yyyy-MM-dd HH:mm}Z room {roomId}"));
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Deletes a session, telling those enrolled now (its enrolments go with it, so no release could tell them later).</summary>
    /// <returns>false when the edition has no such session.</returns>
    public async Task<bool> DeleteAsync(Forum forum, int id, Actor actor, CancellationToken ct)
    {
        var forumId = forum.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var session = await db.Sessions.AsNoTracking().Include(s => s.Room).FirstOrDefaultAsync(s => s.Id == id && s.ForumId == forumId, ct);
        if (session is null)
        {
            return false;
        }

        var enrolledIds = await db.Enrolments.AsNoTracking().Where(e => e.SessionId == id).Select(e => e.DelegateId).ToListAsync(ct);
        var enrolled = await db.Delegates.AsNoTracking().Include(d => d.Delegation).Where(d => enrolledIds.Contains(d.Id)).ToListAsync(ct);
        foreach (var person in enrolled)
        {
            var extras = new NoticeExtras(session.TitleEn, session.TitleZh, session.StartUtc, session.Room?.NameEn, session.Room?.NameZh) { SessionRemoved = true };
            await notices.QueueAsync(forum, person, NoticeKind.ProgrammeChange, extras, ct);
        }

        if (await db.Sessions.Where(s => s.Id == id && s.ForumId == forumId).ExecuteDeleteAsync(ct) == 0)
        {
            return false;
        }

        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(Session), id, "deleted"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        mail.NotifySaved();
        return true;
    }

    private static List<string> Keys(Session session, SessionRole role) => session.People.Where(p => p.Role == role).OrderBy(p => p.Position)
        .Select(p => p.DelegateId is { } d ? $"d:{d}" : $"g:{p.GuestId}").ToList();

    private static string? CleanText(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : string.Join('\n', value.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(PersonName.Clean)).Trim();

    private static List<(SessionPerson Part, PersonKey Key)> Parts(SessionInput input, SessionChoices choices)
    {
        var parts = new List<(SessionPerson, PersonKey)>();
        foreach (var (role, keys) in new[] { (SessionRole.Speaker, input.Speakers), (SessionRole.Moderator, input.Moderators),
            (SessionRole.Participant, input.Participants), (SessionRole.Interpreter, input.Interpreters) })
        {
            var position = 0;
            foreach (var key in keys.Distinct(StringComparer.Ordinal))
            {
                var id = int.Parse(key[2..], CultureInfo.InvariantCulture);
                var person = key[0] == 'd' ? new PersonKey(PersonKind.Delegate, id)
                    : new PersonKey(choices.GuestKinds.GetValueOrDefault(id) == GuestKind.Interpreter ? PersonKind.Interpreter : PersonKind.Guest, id);
                parts.Add((new SessionPerson
                {
                    Role = role, Position = ++position,
                    DelegateId = key[0] == 'd' ? id : null,
                    GuestId = key[0] == 'g' ? id : null,
                }, person));
            }
        }

        return parts;
    }

    private static string Describe(Session s)
    {
        var people = string.Join(", ", s.People.Select(p => $"{p.Role} {(p.DelegateId is { } d ? "d" + d : "g" + p.GuestId)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.Type} {s.TitleEn} / {s.TitleZh}\n{s.StartUtc:yyyy-MM-dd HH:mm}Z–{s.EndUtc:HH:mm}Z room {s.RoomId} track {s.TrackId}\ncapacity {s.Capacity} expected {s.ExpectedAttendance} {(s.IsPublic ? "public" : "invitation only")}\n{people}");
    }
}

using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Features.Text;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Protocol;

public enum ConfirmOutcome
{
    Confirmed = 0,
    NotFound = 1,

    /// <summary>The meeting is not waiting for a time (declined, held, cancelled).</summary>
    NotSchedulable = 2,

    /// <summary>Someone or something the slot needs was taken meanwhile; see the problem.</summary>
    Clash = 3,

    /// <summary>The time asked for is not within the forum's days.</summary>
    OutsideForum = 4,
}

public sealed record ConfirmResult(ConfirmOutcome Outcome, MeetingPlanProblem? Problem = null);

public sealed record ScheduleAllResult(IReadOnlyList<MeetingSlot> Confirmed, IReadOnlyList<MeetingPlanProblem> Unplaced);

/// <summary>
/// Turns the database into the planner's view (everyone's sessions, enrolments and fixed meetings with their venues,
/// the rooms and their bookings, the interpreters and the journeys), proposes slots, and confirms them. A confirmation
/// takes the edition's scheduling lock (a write to the forum's row) before it reads anything, checks the slot again and
/// only then writes, so two organizers confirming clashing slots at once get one meeting and one clear refusal.
/// </summary>
public sealed class MeetingScheduling(ForumDbContext db, TimeProvider clock, MeetingInvitations invitations, MailQueue mail,
    IStringLocalizer<SharedResource> text)
{
    public const int MaxOptions = 8;

    private static readonly MeetingStatus[] Fixed = [MeetingStatus.Confirmed, MeetingStatus.Held];

    /// <summary>The planner's view of the edition, leaving out <paramref name="excluding"/>'s own booking.</summary>
    public async Task<MeetingPlanInput> InputAsync(Forum forum, IReadOnlyList<Meeting> requests, IReadOnlyCollection<int> excluding, CancellationToken ct)
    {
        var forumId = forum.Id;
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.ForumId == forumId)
            .Select(r => new RoomFacts(r.Id, r.VenueId, r.Capacity, r.OpensAt, r.ClosesAt, r.InterpretationBooths)).ToListAsync(ct);
        var venueOf = rooms.ToDictionary(r => r.Id, r => r.VenueId);
        var guests = await db.Guests.AsNoTracking().Where(g => g.ForumId == forumId).ToDictionaryAsync(g => g.Id, ct);
        var people = new Dictionary<PersonKey, List<BusyTime>>();
        var roomsBusy = new Dictionary<int, List<BusyTime>>();
        void Add<TKey>(Dictionary<TKey, List<BusyTime>> map, TKey key, BusyTime busy) where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(busy);
        }

        PersonKey Key(int? delegateId, int? guestId) => delegateId is { } d ? new PersonKey(PersonKind.Delegate, d)
            : new PersonKey(guests.TryGetValue(guestId ?? 0, out var g) && g.Kind == GuestKind.Interpreter ? PersonKind.Interpreter : PersonKind.Guest, guestId ?? 0);

        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ForumId == forumId)
            .Select(s => new { s.Id, s.RoomId, s.StartUtc, s.EndUtc }).ToDictionaryAsync(s => s.Id, ct);
        BusyTime SessionBusy(int sessionId) => sessions[sessionId] is var s
            ? new BusyTime(s.StartUtc, s.EndUtc, s.RoomId is { } r && venueOf.TryGetValue(r, out var v) ? v : null) : default;
        foreach (var session in sessions.Values.Where(s => s.RoomId != null))
        {
            Add(roomsBusy, session.RoomId!.Value, SessionBusy(session.Id));
        }

        var sessionIds = sessions.Keys.ToList();
        foreach (var person in await db.SessionPeople.AsNoTracking().Where(p => sessionIds.Contains(p.SessionId))
                     .Select(p => new { p.SessionId, p.DelegateId, p.GuestId }).ToListAsync(ct))
        {
            Add(people, Key(person.DelegateId, person.GuestId), SessionBusy(person.SessionId));
        }

        foreach (var enrolment in await db.Enrolments.AsNoTracking().Where(e => sessionIds.Contains(e.SessionId) && e.Status == EnrolmentStatus.Enrolled)
                     .Select(e => new { e.SessionId, e.DelegateId }).ToListAsync(ct))
        {
            Add(people, new PersonKey(PersonKind.Delegate, enrolment.DelegateId), SessionBusy(enrolment.SessionId));
        }

        var held = await db.Meetings.AsNoTracking().Include(m => m.Participants)
            .Where(m => m.ForumId == forumId && Fixed.Contains(m.Status) && m.StartUtc != null && !excluding.Contains(m.Id)).ToListAsync(ct);
        foreach (var meeting in held)
        {
            var busy = new BusyTime(meeting.StartUtc!.Value, meeting.EndUtc!.Value, meeting.RoomId is { } r && venueOf.TryGetValue(r, out var v) ? v : null);
            foreach (var participant in meeting.Participants)
            {
                Add(people, Key(participant.DelegateId, participant.GuestId), busy);
            }

            if (meeting.InterpreterGuestId is { } interpreter)
            {
                Add(people, new PersonKey(PersonKind.Interpreter, interpreter), busy);
            }

            if (meeting.RoomId is { } room)
            {
                Add(roomsBusy, room, busy);
            }
        }

        var travel = new TravelTimes();
        foreach (var time in await db.VenueTravelTimes.AsNoTracking().Where(t => t.ForumId == forumId).ToListAsync(ct))
        {
            travel.Set(time.FromVenueId, time.ToVenueId, TimeSpan.FromMinutes(time.Minutes));
        }

        var ranks = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && d.DelegationId != null)
            .GroupBy(d => d.DelegationId!.Value).Select(g => new { g.Key, Rank = g.Min(d => d.PrecedenceRank) }).ToDictionaryAsync(g => g.Key, g => g.Rank, ct);
        return new MeetingPlanInput
        {
            Requests = requests.Select(m => new MeetingRequestFacts(m.Id, ranks.GetValueOrDefault(m.DelegationId, int.MaxValue),
                m.Participants.Select(p => Key(p.DelegateId, p.GuestId)).ToList(), m.DurationMinutes,
                m.Preferences.Select(p => new TimeWindow(p.FromUtc, p.ToUtc)).ToList(), m.LanguagePair)).ToList(),
            PeopleBusy = people,
            Rooms = rooms,
            RoomsBusy = roomsBusy,
            Interpreters = guests.Values.Where(g => g.Kind == GuestKind.Interpreter && g.LanguagePairs != null)
                .Select(g => new InterpreterFacts(g.Id, HostDepartments.ParsePairs(g.LanguagePairs) ?? [])).ToList(),
            Travel = travel,
            Zone = forum.TimeZone,
        };
    }

    private Task<Meeting?> LoadAsync(int forumId, int meetingId, CancellationToken ct) => db.Meetings
        .Include(m => m.Participants).Include(m => m.Preferences).SingleOrDefaultAsync(m => m.Id == meetingId && m.ForumId == forumId, ct);

    /// <summary>Up to <see cref="MaxOptions"/> slots for one meeting inside its preferred times, or why there are none.</summary>
    public async Task<(IReadOnlyList<MeetingSlot> Slots, MeetingPlanProblem? Problem)> OptionsAsync(Forum forum, int meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Participants).Include(m => m.Preferences)
            .SingleOrDefaultAsync(m => m.Id == meetingId && m.ForumId == forum.Id, ct);
        if (meeting is null)
        {
            return ([], null);
        }

        var input = await InputAsync(forum, [meeting], [meeting.Id], ct);
        var slots = MeetingPlanner.Options(input, input.Requests[0], MaxOptions);
        return (slots, slots.Count == 0 ? MeetingPlanner.Explain(input, input.Requests[0]) : null);
    }

    /// <summary>Takes the edition's scheduling lock: a write to the forum's row, made before anything is read.</summary>
    private Task LockAsync(int forumId, CancellationToken ct) =>
        db.Forums.Where(f => f.Id == forumId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, f => f.Status), ct);

    /// <summary>Fixes a meeting's time, room and interpreter after checking them again under the lock; the parties are told.</summary>
    public async Task<ConfirmResult> ConfirmAsync(Forum forum, int meetingId, DateTime startUtc, int roomId, int? interpreterId, Actor actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(forum.Id, ct);
        var meeting = await LoadAsync(forum.Id, meetingId, ct);
        if (meeting is null)
        {
            return new ConfirmResult(ConfirmOutcome.NotFound);
        }

        if (meeting.Status is not (MeetingStatus.Accepted or MeetingStatus.Confirmed))
        {
            return new ConfirmResult(ConfirmOutcome.NotSchedulable);
        }

        // A time posted by hand, not one of the slots offered: the whole meeting must fall within the forum's days.
        var zone = forum.TimeZone;
        if (startUtc < ForumTime.ToUtc(forum.StartDate, TimeOnly.MinValue, zone)
            || startUtc > ForumTime.ToUtc(forum.EndDate.AddDays(1), TimeOnly.MinValue, zone).AddMinutes(-meeting.DurationMinutes))
        {
            return new ConfirmResult(ConfirmOutcome.OutsideForum);
        }

        var input = await InputAsync(forum, [meeting], [meeting.Id], ct);
        var slot = new MeetingSlot(meeting.Id, DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), startUtc.AddMinutes(meeting.DurationMinutes), roomId,
            meeting.LanguagePair is null ? null : interpreterId);
        if (MeetingPlanner.Check(input, input.Requests[0], slot) is { } problem)
        {
            return new ConfirmResult(ConfirmOutcome.Clash, problem);
        }

        await FixAsync(forum, meeting, slot, actor, "confirmed", ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        mail.NotifySaved();
        return new ConfirmResult(ConfirmOutcome.Confirmed);
    }

    private async Task FixAsync(Forum forum, Meeting meeting, MeetingSlot slot, Actor actor, string action, CancellationToken ct)
    {
        var before = meeting.StartUtc is null ? null : $"{meeting.StartUtc:O} room {meeting.RoomId} interpreter {meeting.InterpreterGuestId}";
        meeting.StartUtc = slot.StartUtc;
        meeting.EndUtc = slot.EndUtc;
        meeting.RoomId = slot.RoomId;
        meeting.InterpreterGuestId = slot.InterpreterGuestId;
        meeting.Status = MeetingStatus.Confirmed;
        meeting.Sequence++;
        meeting.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        db.AuditEntries.Add(actor.Audit(forum.Id, meeting.UpdatedUtc, nameof(Meeting), meeting.Id, action, before,
            $"{slot.StartUtc:O} room {slot.RoomId} interpreter {slot.InterpreterGuestId}"));
        await invitations.StageAsync(forum, meeting, cancel: false, ct);
    }

    /// <summary>Places every accepted meeting the planner can, in one transaction, and says why each other one could not be.</summary>
    public async Task<ScheduleAllResult> ScheduleAllAsync(Forum forum, Actor actor, CancellationToken ct)
    {
        var forumId = forum.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(forumId, ct);
        var accepted = await db.Meetings.Include(m => m.Participants).Include(m => m.Preferences)
            .Where(m => m.ForumId == forumId && m.Status == MeetingStatus.Accepted).ToListAsync(ct);
        var input = await InputAsync(forum, accepted, [], ct);
        var plan = MeetingPlanner.Plan(input);
        var byId = accepted.ToDictionary(m => m.Id);
        foreach (var slot in plan.Slots)
        {
            await FixAsync(forum, byId[slot.RequestId], slot, actor, "scheduled", ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        mail.NotifySaved();
        return new ScheduleAllResult(plan.Slots, plan.Problems);
    }

    /// <summary>Calls a meeting off; a confirmed one's parties get the cancellation in their language.</summary>
    public async Task<bool> CancelAsync(Forum forum, int meetingId, Actor actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(forum.Id, ct);
        var meeting = await LoadAsync(forum.Id, meetingId, ct);
        if (meeting is null || meeting.Status is MeetingStatus.Held or MeetingStatus.Cancelled or MeetingStatus.Declined)
        {
            return false;
        }

        var told = meeting.Status == MeetingStatus.Confirmed;
        meeting.Status = MeetingStatus.Cancelled;
        meeting.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        if (told)
        {
            meeting.Sequence++;
            await invitations.StageAsync(forum, meeting, cancel: true, ct);
        }

        db.AuditEntries.Add(actor.Audit(forum.Id, meeting.UpdatedUtc, nameof(Meeting), meeting.Id, "cancelled"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        mail.NotifySaved();
        return true;
    }

    /// <summary>Records what a confirmed (or already held) meeting came to; problems under <c>Minutes</c> and <c>Outcome</c>.</summary>
    public async Task<bool> RecordAsync(Forum forum, int meetingId, string? minutes, MeetingOutcome outcome, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        minutes = minutes?.Trim();
        if (string.IsNullOrEmpty(minutes))
        {
            errors.Add("Minutes", text["Validation_Required", text["Meetings_Minutes"]]);
        }
        else if (minutes.Length > MeetingRules.MaxMinutesLength)
        {
            errors.Add("Minutes", text["Validation_MaxLength", text["Meetings_Minutes"], MeetingRules.MaxMinutesLength]);
        }

        if (!Enum.IsDefined(outcome))
        {
            errors.Add("Outcome", text["Validation_Choose"]);
        }

        var meeting = await LoadAsync(forum.Id, meetingId, ct);
        if (meeting is not null && meeting.Status is not (MeetingStatus.Confirmed or MeetingStatus.Held))
        {
            errors.Add("Minutes", text["Meetings_NotYetConfirmed"]);
        }

        if (meeting is null || !errors.IsEmpty)
        {
            return false;
        }

        var before = meeting.Status == MeetingStatus.Held ? $"{meeting.Outcome}: {meeting.Minutes}" : null;
        meeting.Minutes = minutes;
        meeting.Outcome = outcome;
        meeting.Status = MeetingStatus.Held;
        meeting.MinutesUtc = meeting.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        db.AuditEntries.Add(actor.Audit(forum.Id, meeting.UpdatedUtc, nameof(Meeting), meeting.Id, "minutes", before, $"{outcome}: {minutes}"));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A planner problem in the reader's words, naming the busy people or the interpreters' pair.</summary>
    public async Task<string> DescribeAsync(MeetingPlanProblem problem, CancellationToken ct)
    {
        var names = await NamesAsync(problem.People, ct);
        var pair = LanguageNames.Pair(problem.LanguagePair) ?? string.Empty;
        return problem.Reason switch
        {
            MeetingPlanReason.NoTime => text["Meetings_WhyNoTime"],
            MeetingPlanReason.PersonBusy => text["Meetings_WhyPersonBusy", names],
            MeetingPlanReason.NoInterpreter => text["Meetings_WhyNoInterpreter", pair],
            MeetingPlanReason.InterpreterBusy => text["Meetings_WhyInterpreterBusy", pair, names],
            _ => text["Meetings_WhyNoRoom"],
        };
    }

    private async Task<string> NamesAsync(IReadOnlyList<PersonKey> people, CancellationToken ct)
    {
        var delegateIds = people.Where(p => p.Kind == PersonKind.Delegate).Select(p => p.Id).ToList();
        var guestIds = people.Where(p => p.Kind != PersonKind.Delegate).Select(p => p.Id).ToList();
        var names = await db.Delegates.AsNoTracking().Where(d => delegateIds.Contains(d.Id))
            .Select(d => d.FamilyName.ToUpper() + " " + d.GivenName).ToListAsync(ct);
        names.AddRange(await db.Guests.AsNoTracking().Where(g => guestIds.Contains(g.Id)).Select(g => g.NameEn).ToListAsync(ct));
        return string.Join(UiLanguage.Chinese ? "、" : ", ", names);
    }
}

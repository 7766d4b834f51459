using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Features.Agenda;
using ForumManager.Features.Text;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumManager.Features.Protocol;

/// <summary>Someone told of a meeting: an address, a name and the language they read.</summary>
public sealed record MeetingParty(string Email, string Name, string Language);

/// <summary>What an invitation says of a meeting, in one language.</summary>
public sealed record MeetingInvitationFacts(int MeetingId, string Topic, string DelegationName, string PartnerName, DateTime StartUtc, DateTime EndUtc,
    string? Room, string? Venue, string? Interpreter, int Sequence);

/// <summary>
/// Tells each party of a meeting (the delegation's head and its participants, the partner department at its address or
/// the partner delegation's head and participants), each in their own language, with an iCalendar invitation
/// (RFC 5546: <c>METHOD:REQUEST</c>, or <c>METHOD:CANCEL</c> when called off) whose UID stays the same for the meeting
/// and whose SEQUENCE is the meeting's. Mail is only staged: the caller's save writes the change and its notices together.
/// </summary>
public sealed class MeetingInvitations(ForumDbContext db, MailQueue mail, IOptions<MailOptions> mailOptions, TimeProvider clock)
{
    /// <summary>A UID that stays the same for a meeting across changes and installs.</summary>
    public static string Uid(Forum forum, int meetingId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"forummanager:{forum.Acronym}:meeting:{meetingId}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true) + "@forummanager";
    }

    /// <summary>Everyone to tell of <paramref name="meeting"/>, once each by address.</summary>
    public async Task<List<MeetingParty>> PartiesAsync(Meeting meeting, CancellationToken ct)
    {
        var delegationIds = new[] { meeting.DelegationId, meeting.PartnerDelegationId ?? 0 };
        var participantIds = meeting.Participants.Where(p => p.DelegateId != null).Select(p => p.DelegateId!.Value).ToList();
        var people = await db.Delegates.AsNoTracking()
            .Where(d => (participantIds.Contains(d.Id) || (d.Category == DelegateCategory.HeadOfDelegation && d.DelegationId != null && delegationIds.Contains(d.DelegationId.Value)))
                && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected)
            .OrderBy(d => d.PrecedenceRank).ToListAsync(ct);
        var parties = people.Select(d => new MeetingParty(d.Email, $"{d.GivenName} {d.FamilyName}", d.PreferredLanguage)).ToList();
        if (meeting.HostDepartmentId is { } departmentId
            && await db.HostDepartments.AsNoTracking().SingleOrDefaultAsync(h => h.Id == departmentId, ct) is { Email: { } email } department)
        {
            parties.Add(new MeetingParty(email, department.ContactName ?? (department.PreferredLanguage == "zh-Hans" ? department.NameZh : department.NameEn),
                department.PreferredLanguage));
        }

        return parties.DistinctBy(p => p.Email.ToLowerInvariant()).ToList();
    }

    /// <summary>The facts of a confirmed (or called-off) meeting in one language.</summary>
    public async Task<MeetingInvitationFacts> FactsAsync(Meeting meeting, bool chinese, CancellationToken ct)
    {
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.Id == meeting.DelegationId || d.Id == meeting.PartnerDelegationId)
            .ToDictionaryAsync(d => d.Id, ct);
        var department = meeting.HostDepartmentId is { } h ? await db.HostDepartments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == h, ct) : null;
        var room = meeting.RoomId is { } r ? await db.Rooms.AsNoTracking().Include(x => x.Venue).SingleOrDefaultAsync(x => x.Id == r, ct) : null;
        var interpreter = meeting.InterpreterGuestId is { } i ? await db.Guests.AsNoTracking().SingleOrDefaultAsync(g => g.Id == i, ct) : null;
        string Name(Delegation d) => chinese ? d.NameZh : d.NameEn;
        var partner = department is not null ? (chinese ? department.NameZh : department.NameEn)
            : meeting.PartnerDelegationId is { } p && delegations.TryGetValue(p, out var other) ? Name(other) : string.Empty;
        return new MeetingInvitationFacts(meeting.Id, meeting.Topic, Name(delegations[meeting.DelegationId]), partner, meeting.StartUtc ?? default,
            meeting.EndUtc ?? default, room is null ? null : chinese ? room.NameZh : room.NameEn,
            room?.Venue is null ? null : chinese ? room.Venue.NameZh : room.Venue.NameEn,
            interpreter is null ? null : chinese && interpreter.NameZh is not null ? interpreter.NameZh : interpreter.NameEn, meeting.Sequence);
    }

    /// <summary>Stages one message to each party, in their language, with the invitation (or its cancellation) attached.</summary>
    public async Task<int> StageAsync(Forum forum, Meeting meeting, bool cancel, CancellationToken ct)
    {
        var parties = await PartiesAsync(meeting, ct);
        var stamp = clock.GetUtcNow().UtcDateTime;
        foreach (var party in parties)
        {
            var chinese = party.Language == "zh-Hans";
            var language = chinese ? "zh-Hans" : "en";
            var facts = await FactsAsync(meeting, chinese, ct);
            var organizer = CalendarOrganizer.For(forum, mailOptions.Value, chinese);
            var ics = Ics(forum, facts, organizer, parties, cancel, stamp, chinese);
            var when = When(facts.StartUtc, facts.EndUtc, forum.TimeZone);
            var subject = SharedResource.Get(cancel ? "Meetings_CancelledSubject" : "Meetings_ConfirmedSubject", language, facts.PartnerName, when);
            var body = SharedResource.Get(cancel ? "Meetings_CancelledBody" : "Meetings_ConfirmedBody", language,
                facts.DelegationName, facts.PartnerName, facts.Topic, when, $"{facts.Room}, {facts.Venue}".Trim(' ', ','), facts.Interpreter ?? "—");
            mail.Add(new MailDraft(party.Email, party.Name, subject, body, null, cancel ? "meeting-cancelled" : "meeting-confirmed")
            {
                FromName = forum.Name(chinese),
                Attachments = [new MailAttachment("meeting.ics", $"text/calendar; charset=utf-8; method={(cancel ? "CANCEL" : "REQUEST")}", Encoding.UTF8.GetBytes(ics))],
            });
        }

        return parties.Count;
    }

    /// <summary>"23 June 2010 14:00–14:45 (UTC+08:00)" in the forum's time.</summary>
    public static string When(DateTime startUtc, DateTime endUtc, TimeZoneInfo zone)
    {
        var start = ForumTime.ToLocal(startUtc, zone);
        var end = ForumTime.ToLocal(endUtc, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm}–{end:HH:mm} ({ForumTime.OffsetLabel(startUtc, zone)})");
    }

    /// <summary>The invitation: times in UTC, the forum's office as ORGANIZER, every party as an ATTENDEE.</summary>
    public static string Ics(Forum forum, MeetingInvitationFacts facts, CalendarOrganizer organizer, IReadOnlyList<MeetingParty> attendees, bool cancel,
        DateTime stampUtc, bool chinese)
    {
        static string Utc(DateTime value) => value.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var summary = SharedResource.Get("Meetings_IcsSummary", chinese ? "zh-Hans" : "en", facts.DelegationName, facts.PartnerName);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ForumManager//Meetings//EN", "CALSCALE:GREGORIAN",
            "METHOD:" + (cancel ? "CANCEL" : "REQUEST"),
            "BEGIN:VEVENT",
            "UID:" + Uid(forum, facts.MeetingId),
            "DTSTAMP:" + Utc(stampUtc),
            "DTSTART:" + Utc(facts.StartUtc),
            "DTEND:" + Utc(facts.EndUtc),
            "SEQUENCE:" + facts.Sequence.ToString(CultureInfo.InvariantCulture),
            "STATUS:" + (cancel ? "CANCELLED" : "CONFIRMED"),
            "SUMMARY:" + CalendarText.Text(summary),
            "DESCRIPTION:" + CalendarText.Text(facts.Topic + (facts.Interpreter is null ? string.Empty : "\n" + facts.Interpreter)),
        };
        if (facts.Room is not null)
        {
            lines.Add("LOCATION:" + CalendarText.Text(facts.Venue is null ? facts.Room : $"{facts.Room}, {facts.Venue}"));
        }

        lines.Add($"ORGANIZER;CN={CalendarText.Parameter(organizer.Name)}:mailto:{organizer.Address}");
        foreach (var attendee in attendees)
        {
            lines.Add($"ATTENDEE;CN={CalendarText.Parameter(attendee.Name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{attendee.Email}");
        }

        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        return CalendarText.Lines(lines);
    }
}

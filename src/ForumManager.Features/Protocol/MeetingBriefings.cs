using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Documents;
using ForumManager.Documents.Protocol;
using ForumManager.Features.Accreditation;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Protocol;

/// <summary>
/// The briefing sheet of a meeting, with every heading in both languages: the parties, time, room and interpreter,
/// the topic, each side's people (with their approved photos) and the earlier meetings between the same parties.
/// Earlier meetings are this edition's meetings held before this one between the same two parties, and earlier
/// editions' held meetings of a delegation from the same partner city with a department of the same English name or a
/// delegation from the same partner city. Printing it is audited, since it shows photos.
/// </summary>
public sealed class MeetingBriefings(ForumDbContext db, AccreditationPhotos photos, TimeProvider clock)
{
    private static string Both(string key, params object[] args) => $"{SharedResource.Get(key, "en", args)} {SharedResource.Get(key, "zh-Hans", args)}";

    /// <summary>"English – Chinese 英语 – 中文": the pair as both languages call it.</summary>
    private static string? PairInBoth(string? pair)
    {
        if (pair is null)
        {
            return null;
        }

        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
            var english = Text.LanguageNames.Pair(pair);
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");
            return $"{english} {Text.LanguageNames.Pair(pair)}";
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    public async Task<PdfResult?> RenderAsync(Forum forum, int meetingId, Actor actor, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Participants).SingleOrDefaultAsync(m => m.Id == meetingId && m.ForumId == forum.Id, ct);
        if (meeting is null || meeting.Status is not (MeetingStatus.Confirmed or MeetingStatus.Held))
        {
            return null;
        }

        var delegations = await db.Delegations.AsNoTracking().Where(d => d.Id == meeting.DelegationId || d.Id == meeting.PartnerDelegationId).ToDictionaryAsync(d => d.Id, ct);
        var own = delegations[meeting.DelegationId];
        var department = meeting.HostDepartmentId is { } h ? await db.HostDepartments.AsNoTracking().SingleAsync(d => d.Id == h, ct) : null;
        var partner = meeting.PartnerDelegationId is { } p ? delegations[p] : null;
        var partnerName = department is not null ? $"{department.NameEn} {department.NameZh}" : $"{partner!.NameEn} {partner.NameZh}";
        var room = meeting.RoomId is { } r ? await db.Rooms.AsNoTracking().Include(x => x.Venue).SingleAsync(x => x.Id == r, ct) : null;
        var interpreter = meeting.InterpreterGuestId is { } i ? await db.Guests.AsNoTracking().SingleAsync(g => g.Id == i, ct) : null;

        var delegateIds = meeting.Participants.Where(x => x.DelegateId != null).Select(x => x.DelegateId!.Value).ToList();
        var guestIds = meeting.Participants.Where(x => x.GuestId != null).Select(x => x.GuestId!.Value).ToList();
        var people = await db.Delegates.AsNoTracking().Where(d => delegateIds.Contains(d.Id)).OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).ToListAsync(ct);
        var guests = await db.Guests.AsNoTracking().Where(g => guestIds.Contains(g.Id)).OrderBy(g => g.NameEn).ToListAsync(ct);
        var faces = await photos.ApprovedAsync(forum.Id, delegateIds, ct);
        BriefingPerson Person(Core.Delegates.Delegate d) => new($"{d.Honorific} {d.LatinName}".Trim(), d.NativeName,
            d.NativeNameLanguage, d.Position, d.Organization, faces.GetValueOrDefault(d.Id));
        var sides = new List<BriefingSide>
        {
            new($"{own.NameEn} {own.NameZh}", people.Where(d => d.DelegationId == own.Id).Select(Person).ToList()),
            new(partnerName, [
                .. people.Where(d => d.DelegationId != own.Id).Select(Person),
                .. guests.Select(g => new BriefingPerson(g.NameEn, g.NameZh, "zh-Hans", string.Join(" ", new[] { g.TitleEn, g.TitleZh }.Where(t => t is not null)), g.Organization, null)),
            ]),
        };

        sides.RemoveAll(s => s.People.Count == 0);
        var zone = forum.TimeZone;
        var facts = new List<(string, string)>
        {
            (Both("Meetings_When"), MeetingInvitations.When(meeting.StartUtc!.Value, meeting.EndUtc!.Value, zone)),
            (Both("Meetings_Where"), room is null ? "—" : $"{room.NameEn}, {room.Venue!.NameEn} · {room.NameZh}，{room.Venue.NameZh}"),
            (Both("Meetings_Interpreter"), interpreter is null ? "—" : $"{interpreter.NameEn} {interpreter.NameZh}".Trim()),
            (Both("Meetings_LanguagePair"), PairInBoth(meeting.LanguagePair) ?? "—"),
            (Both("Meetings_Topic"), meeting.Topic),
        };

        var earlier = await EarlierAsync(forum, meeting, own.PartnerCityId, department?.NameEn, partner?.PartnerCityId, ct);
        db.AuditEntries.Add(actor.Audit(forum.Id, clock.GetUtcNow().UtcDateTime, nameof(Meeting), meeting.Id, "briefing-printed",
            after: $"photos of {faces.Count}"));
        await db.SaveChangesAsync(ct);
        return BriefingDocument.Render(new BriefingData
        {
            Title = Both("Meetings_BriefingTitle"),
            Parties = $"{own.NameEn} {own.NameZh} – {partnerName}",
            Facts = facts,
            PeopleHeading = Both("Meetings_Participants"),
            Sides = sides,
            EarlierHeading = Both("Meetings_Earlier"),
            Earlier = earlier,
            NoEarlier = Both("Meetings_NoEarlier"),
            Footer = $"{forum.NameEn} {forum.NameZh}",
        });
    }

    private async Task<List<BriefingEarlier>> EarlierAsync(Forum forum, Meeting meeting, int? cityId, string? departmentName, int? partnerCityId, CancellationToken ct)
    {
        var found = new List<(Meeting Meeting, Forum Forum)>();
        var here = await db.Meetings.AsNoTracking().Where(m => m.ForumId == forum.Id && m.Id != meeting.Id && m.Status == MeetingStatus.Held
                && m.StartUtc < meeting.StartUtc
                && ((m.DelegationId == meeting.DelegationId && m.HostDepartmentId == meeting.HostDepartmentId && m.PartnerDelegationId == meeting.PartnerDelegationId)
                    || (meeting.PartnerDelegationId != null && m.DelegationId == meeting.PartnerDelegationId && m.PartnerDelegationId == meeting.DelegationId)))
            .ToListAsync(ct);
        found.AddRange(here.Select(m => (m, forum)));
        if (cityId is { } city)
        {
            var before = await db.Forums.AsNoTracking().Where(f => f.Id != forum.Id && f.StartDate < forum.StartDate).ToDictionaryAsync(f => f.Id, ct);
            var forumIds = before.Keys.ToList();
            var candidates = await (from m in db.Meetings.AsNoTracking()
                                    join d in db.Delegations on m.DelegationId equals d.Id
                                    where forumIds.Contains(m.ForumId) && m.Status == MeetingStatus.Held && d.PartnerCityId == city
                                    select m).ToListAsync(ct);
            var departmentIds = candidates.Where(m => m.HostDepartmentId != null).Select(m => m.HostDepartmentId!.Value).ToList();
            var names = await db.HostDepartments.AsNoTracking().Where(h => departmentIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.NameEn, ct);
            var partnerIds = candidates.Where(m => m.PartnerDelegationId != null).Select(m => m.PartnerDelegationId!.Value).ToList();
            var cities = await db.Delegations.AsNoTracking().Where(d => partnerIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.PartnerCityId, ct);
            found.AddRange(candidates.Where(m => m.HostDepartmentId is { } hd ? departmentName is not null && names.GetValueOrDefault(hd) == departmentName
                    : partnerCityId is not null && cities.GetValueOrDefault(m.PartnerDelegationId ?? 0) == partnerCityId)
                .Select(m => (m, before[m.ForumId])));
        }

        var delegationIds = found.SelectMany(f => new[] { f.Meeting.DelegationId, f.Meeting.PartnerDelegationId ?? 0 }).Distinct().ToList();
        var delegationNames = await db.Delegations.AsNoTracking().Where(d => delegationIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => $"{d.NameEn} {d.NameZh}", ct);
        var departmentIdsAll = found.Where(f => f.Meeting.HostDepartmentId != null).Select(f => f.Meeting.HostDepartmentId!.Value).Distinct().ToList();
        var departmentNames = await db.HostDepartments.AsNoTracking().Where(h => departmentIdsAll.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => $"{h.NameEn} {h.NameZh}", ct);
        return found.OrderByDescending(f => f.Meeting.StartUtc).Select(f => new BriefingEarlier(
            $"{f.Forum.Acronym} · {(f.Meeting.StartUtc is { } s ? ForumTime.ToLocal(s, f.Forum.TimeZone).ToString("yyyy-MM-dd") : "—")}",
            $"{delegationNames.GetValueOrDefault(f.Meeting.DelegationId)} – {(f.Meeting.HostDepartmentId is { } hd ? departmentNames.GetValueOrDefault(hd) : delegationNames.GetValueOrDefault(f.Meeting.PartnerDelegationId ?? 0))}",
            $"{Both("MeetingOutcome_" + f.Meeting.Outcome)} · {f.Meeting.Topic}",
            f.Meeting.Minutes is { Length: > 300 } long_ ? long_[..300] + "…" : f.Meeting.Minutes)).ToList();
    }
}

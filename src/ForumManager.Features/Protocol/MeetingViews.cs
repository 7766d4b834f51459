using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Features.Text;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Protocol;

/// <summary>A meeting as lists show it, names in the reader's language.</summary>
public sealed record MeetingRow(int Id, int DelegationId, string Delegation, string Partner, string Topic, MeetingStatus Status, DateTime? StartUtc,
    DateTime? EndUtc, string? Room, string? Interpreter, string? LanguagePair, int DurationMinutes, MeetingOutcome Outcome, string? DeclineReason = null);

/// <summary>A participant with what the briefing and the page show of them.</summary>
public sealed record MeetingPersonRow(int? DelegateId, int? GuestId, string LatinName, string? NativeName, string? Title, string? Organization, string Side);

/// <summary>The reads the meeting pages share: lists by status, one meeting, one delegation's meetings.</summary>
public sealed class MeetingViews(ForumDbContext db)
{
    public async Task<List<MeetingRow>> ListAsync(int forumId, int? delegationId, MeetingStatus? status, CancellationToken ct)
    {
        var chinese = UiLanguage.Chinese;
        var query = db.Meetings.AsNoTracking().Where(m => m.ForumId == forumId);
        if (delegationId is { } d)
        {
            query = query.Where(m => m.DelegationId == d || m.PartnerDelegationId == d);
        }

        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        var meetings = await query.OrderBy(m => m.StartUtc == null).ThenBy(m => m.StartUtc).ThenBy(m => m.Id).ToListAsync(ct);
        var delegations = await db.Delegations.AsNoTracking().Where(x => x.ForumId == forumId).ToDictionaryAsync(x => x.Id, x => chinese ? x.NameZh : x.NameEn, ct);
        var departments = await db.HostDepartments.AsNoTracking().Where(x => x.ForumId == forumId).ToDictionaryAsync(x => x.Id, x => chinese ? x.NameZh : x.NameEn, ct);
        var rooms = await db.Rooms.AsNoTracking().Include(r => r.Venue).Where(r => r.ForumId == forumId)
            .ToDictionaryAsync(r => r.Id, r => chinese ? $"{r.NameZh}, {r.Venue!.NameZh}" : $"{r.NameEn}, {r.Venue!.NameEn}", ct);
        var guests = await db.Guests.AsNoTracking().Where(g => g.ForumId == forumId).ToDictionaryAsync(g => g.Id, g => chinese && g.NameZh != null ? g.NameZh : g.NameEn, ct);
        return meetings.Select(m => new MeetingRow(m.Id, m.DelegationId, delegations.GetValueOrDefault(m.DelegationId, "?"),
            m.HostDepartmentId is { } h ? departments.GetValueOrDefault(h, "?") : delegations.GetValueOrDefault(m.PartnerDelegationId ?? 0, "?"),
            m.Topic, m.Status, m.StartUtc, m.EndUtc, m.RoomId is { } r ? rooms.GetValueOrDefault(r) : null,
            m.InterpreterGuestId is { } i ? guests.GetValueOrDefault(i) : null, m.LanguagePair, m.DurationMinutes, m.Outcome, m.DeclineReason)).ToList();
    }

    /// <summary>Rooms ("room, venue") and interpreters by id, in the reader's language.</summary>
    public async Task<(IReadOnlyDictionary<int, string> Rooms, IReadOnlyDictionary<int, string> Interpreters)> NamesAsync(int forumId, CancellationToken ct)
    {
        var chinese = UiLanguage.Chinese;
        var rooms = await db.Rooms.AsNoTracking().Include(r => r.Venue).Where(r => r.ForumId == forumId)
            .ToDictionaryAsync(r => r.Id, r => chinese ? $"{r.NameZh}, {r.Venue!.NameZh}" : $"{r.NameEn}, {r.Venue!.NameEn}", ct);
        var interpreters = await db.Guests.AsNoTracking().Where(g => g.ForumId == forumId && g.Kind == Core.Programme.GuestKind.Interpreter)
            .ToDictionaryAsync(g => g.Id, g => chinese && g.NameZh != null ? g.NameZh : g.NameEn, ct);
        return (rooms, interpreters);
    }

    public Task<Meeting?> FindAsync(int forumId, int meetingId, CancellationToken ct) => db.Meetings.AsNoTracking()
        .Include(m => m.Participants).Include(m => m.Preferences).SingleOrDefaultAsync(m => m.Id == meetingId && m.ForumId == forumId, ct);

    /// <summary>The people taking part, the asking delegation's first, each in protocol order.</summary>
    public async Task<List<MeetingPersonRow>> PeopleAsync(Meeting meeting, CancellationToken ct)
    {
        var chinese = UiLanguage.Chinese;
        var delegateIds = meeting.Participants.Where(p => p.DelegateId != null).Select(p => p.DelegateId!.Value).ToList();
        var guestIds = meeting.Participants.Where(p => p.GuestId != null).Select(p => p.GuestId!.Value).ToList();
        var delegates = await db.Delegates.AsNoTracking().Where(d => delegateIds.Contains(d.Id))
            .OrderBy(d => d.DelegationId != meeting.DelegationId).ThenBy(d => d.PrecedenceRank).ToListAsync(ct);
        var guests = await db.Guests.AsNoTracking().Where(g => guestIds.Contains(g.Id)).OrderBy(g => g.NameEn).ToListAsync(ct);
        return
        [
            .. delegates.Select(d => new MeetingPersonRow(d.Id, null, $"{d.Honorific} {d.LatinName}".Trim(), d.NativeName,
                d.Position, d.Organization, d.DelegationId == meeting.DelegationId ? "own" : "partner")),
            .. guests.Select(g => new MeetingPersonRow(null, g.Id, g.NameEn, g.NameZh, chinese ? g.TitleZh ?? g.TitleEn : g.TitleEn ?? g.TitleZh, g.Organization, "partner")),
        ];
    }
}

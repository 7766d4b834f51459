using System.Globalization;
using System.Text.Json;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features.Notices;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ForumManager.Features.Programme;

/// <summary>A public session as a release fixes it: everything the agenda and the exports show, in both languages.</summary>
public sealed record AgendaSession(int Id, SessionType Type, string TitleEn, string TitleZh, string? AbstractEn, string? AbstractZh,
    DateTime StartUtc, DateTime EndUtc, int? RoomId, string? RoomEn, string? RoomZh, string? VenueEn, string? VenueZh,
    int? TrackId, string? TrackEn, string? TrackZh, string? TrackColor, string Languages, InterpretationMode Interpretation,
    string? InterpretationLanguages, int? Capacity, int Sequence, IReadOnlyList<AgendaPerson> People)
{
    public string Title(bool chinese) => chinese ? TitleZh : TitleEn;
    public string? Abstract(bool chinese) => chinese ? AbstractZh ?? AbstractEn : AbstractEn ?? AbstractZh;
    public string? Room(bool chinese) => chinese ? RoomZh : RoomEn;
    public string? Track(bool chinese) => chinese ? TrackZh : TrackEn;

    /// <summary>What attendees must be told about when it changes: when, where and what.</summary>
    public bool DiffersForAttendees(AgendaSession other) =>
        StartUtc != other.StartUtc || EndUtc != other.EndUtc || RoomId != other.RoomId || TitleEn != other.TitleEn || TitleZh != other.TitleZh;
}

public sealed record AgendaPerson(SessionRole Role, string NameEn, string? NameZh);

/// <summary>The agenda as last released: the release, its sessions in time order, and when it was published.</summary>
public sealed record ReleasedAgenda(int Version, DateTime PublishedUtc, string Changelog, IReadOnlyList<AgendaSession> Sessions);

/// <summary>One session as the last release has it and as the next one would, and which of what people see differs.</summary>
public sealed record SessionChange(AgendaSession Before, AgendaSession After)
{
    public bool TimeChanged => Before.StartUtc != After.StartUtc || Before.EndUtc != After.EndUtc;
    public bool RoomChanged => Before.RoomId != After.RoomId || Before.RoomEn != After.RoomEn || Before.RoomZh != After.RoomZh;
    public bool TitleChanged => Before.TitleEn != After.TitleEn || Before.TitleZh != After.TitleZh;

    /// <summary>The roles whose people (or their order) differ: speakers, moderators, participants.</summary>
    public IReadOnlyList<SessionRole> PeopleChanged =>
        [.. new[] { SessionRole.Speaker, SessionRole.Moderator, SessionRole.Participant }.Where(role => !People(Before, role).SequenceEqual(People(After, role)))];

    /// <summary>Something else differs: the description, track, languages, interpretation or capacity.</summary>
    public bool OtherChanged => !TimeChanged && !RoomChanged && !TitleChanged && PeopleChanged.Count == 0;

    public static IEnumerable<AgendaPerson> People(AgendaSession session, SessionRole role) => session.People.Where(p => p.Role == role);
}

/// <summary>What a release would change, compared with the one before.</summary>
public sealed record ReleaseChanges(IReadOnlyList<AgendaSession> Added, IReadOnlyList<SessionChange> Changed, IReadOnlyList<AgendaSession> Removed)
{
    public bool Any => Added.Count + Changed.Count + Removed.Count > 0;
}

/// <summary>Someone outside the features who keeps a copy of the public agenda (a page cache, say) and drops it on a release.</summary>
public interface IProgrammeReleaseListener
{
    Task ReleasedAsync(int forumId, CancellationToken ct);
}

/// <summary>
/// Publishes the draft programme as a numbered release. Delegates enrolled in a session that a release moves, renames or
/// removes are told through the mail outbox.
/// </summary>
public sealed class ProgrammeReleases(ReleasedAgendas agendas, ForumDbContext db, MailQueue mail, NoticeRenderer notices,
    IEnumerable<IProgrammeReleaseListener> listeners, TimeProvider clock)
{
    /// <summary>The demo forum comes with its programme released, so a fresh install shows a full agenda.</summary>
    public async Task PublishDemoAsync(CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Acronym == Data.Seeding.DemoForumSeeder.Acronym, ct);
        if (forum is not null && !await db.ProgrammeReleases.AnyAsync(r => r.ForumId == forum.Id, ct))
        {
            await PublishAsync(forum, "First programme / 首版日程", Actor.System, ct);
        }
    }

    public async Task<ReleaseChanges> PendingChangesAsync(int forumId, CancellationToken ct) =>
        Compare((await agendas.LatestAsync(forumId, ct))?.Sessions ?? [], await agendas.DraftAsync(forumId, ct));

    /// <summary>Publishes the draft as the next version; of two organizers publishing at once, the unique version index keeps one and refuses the other.</summary>
    public async Task<int> PublishAsync(Forum forum, string changelog, Actor actor, CancellationToken ct)
    {
        var forumId = forum.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var previous = await db.ProgrammeReleases.AsNoTracking().Where(r => r.ForumId == forumId).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        var draft = await agendas.DraftAsync(forumId, ct);
        var before = previous is null ? [] : ReleasedAgendas.Read(previous.Snapshot);
        var changes = Compare(before, draft);
        var version = (previous?.Version ?? 0) + 1;
        db.ProgrammeReleases.Add(new ProgrammeRelease
        {
            ForumId = forumId, Version = version, PublishedUtc = now, PublishedBy = actor.Name, Changelog = changelog,
            Snapshot = JsonSerializer.Serialize(draft, ReleasedAgendas.Json),
        });
        if (previous is not null)
        {
            // Only what changes where and when people must be is worth a mail; a reworded description is not.
            await NotifyAsync(forum, changes.Changed.Where(c => c.Before.DiffersForAttendees(c.After)).Select(c => c.After).ToList(), changes.Removed, ct);
        }

        db.AuditEntries.Add(actor.Audit(forumId, now, nameof(ProgrammeRelease), version, "published",
            after: $"{changes.Added.Count} added, {changes.Changed.Count} changed, {changes.Removed.Count} removed\n{changelog}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        mail.NotifySaved();
        agendas.Forget(forumId);
        foreach (var listener in listeners)
        {
            await listener.ReleasedAsync(forumId, CancellationToken.None);
        }

        return version;
    }

    private async Task NotifyAsync(Forum forum, IReadOnlyList<AgendaSession> moved, IReadOnlyList<AgendaSession> gone, CancellationToken ct)
    {
        var affected = moved.Concat(gone).ToDictionary(s => s.Id);
        if (affected.Count == 0)
        {
            return;
        }

        var ids = affected.Keys.ToList();
        var removed = gone.Select(s => s.Id).ToHashSet();
        var enrolled = await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.SessionId)).Select(e => new { e.SessionId, e.DelegateId }).ToListAsync(ct);
        var delegateIds = enrolled.Select(e => e.DelegateId).Distinct().ToList();
        var people = await db.Delegates.AsNoTracking().Include(d => d.Delegation).Where(d => delegateIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        foreach (var enrolment in enrolled)
        {
            var session = affected[enrolment.SessionId];
            var extras = new NoticeExtras(session.TitleEn, session.TitleZh, session.StartUtc, session.RoomEn ?? "—", session.RoomZh ?? session.RoomEn ?? "—")
            {
                SessionRemoved = removed.Contains(session.Id),
            };

            await notices.QueueAsync(forum, people[enrolment.DelegateId], Core.Notices.NoticeKind.ProgrammeChange, extras, ct);
        }
    }

    public static ReleaseChanges Compare(IReadOnlyList<AgendaSession> before, IReadOnlyList<AgendaSession> after)
    {
        var old = before.ToDictionary(s => s.Id);
        var now = after.ToDictionary(s => s.Id);
        return new ReleaseChanges(
            after.Where(s => !old.ContainsKey(s.Id)).ToList(),
            after.Where(s => old.TryGetValue(s.Id, out var was) && was != s && !SameContent(was, s)).Select(s => new SessionChange(old[s.Id], s)).ToList(),
            before.Where(s => !now.ContainsKey(s.Id)).ToList());
    }

    /// <summary>Records compare lists by reference; two snapshots of one session are the same when their JSON is.</summary>
    private static bool SameContent(AgendaSession a, AgendaSession b) => JsonSerializer.Serialize(a, ReleasedAgendas.Json) == JsonSerializer.Serialize(b, ReleasedAgendas.Json);

}

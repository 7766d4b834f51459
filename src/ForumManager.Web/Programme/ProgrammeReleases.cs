using ForumManager.Core.Auditing;
using System.Globalization;
using System.Text.Json;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Mail;
using ForumManager.Web.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ForumManager.Web.Programme;

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

/// <summary>
/// Publishes the draft programme as a numbered release and serves the latest release to the public agenda and the
/// exports, cached per app instance and dropped on every release. Delegates enrolled in a session that a release
/// moves, renames or removes are told through the mail outbox.
/// </summary>
public sealed class ProgrammeReleases(IServiceProvider services, ForumDbContext db, MailQueue mail, IMemoryCache cache, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore pages,
    TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string CacheKey(int forumId) => "agenda:" + forumId.ToString(CultureInfo.InvariantCulture);

    public async Task<ReleasedAgenda?> LatestAsync(int forumId, CancellationToken ct) =>
        await cache.GetOrCreateAsync(CacheKey(forumId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            var release = await db.ProgrammeReleases.AsNoTracking().Where(r => r.ForumId == forumId).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
            return release is null ? null : new ReleasedAgenda(release.Version, release.PublishedUtc, release.Changelog, Read(release.Snapshot));
        });

    /// <summary>The public sessions of the draft, as a release would fix them.</summary>
    public Task<List<AgendaSession>> DraftAsync(int forumId, CancellationToken ct) =>
        SessionsAsync(db.Sessions.Where(s => s.ForumId == forumId && s.IsPublic), ct);

    /// <summary>
    /// Invitation-only sessions among <paramref name="sessionIds"/>, as they stand now: no release carries them, yet
    /// those taking part (a bilateral meeting's participants, say) see them on their own agenda and feed.
    /// </summary>
    public Task<List<AgendaSession>> InvitationOnlyAsync(int forumId, IReadOnlyCollection<int> sessionIds, CancellationToken ct) =>
        SessionsAsync(db.Sessions.Where(s => s.ForumId == forumId && !s.IsPublic && sessionIds.Contains(s.Id)), ct);

    private async Task<List<AgendaSession>> SessionsAsync(IQueryable<Session> query, CancellationToken ct)
    {
        var sessions = await query.AsNoTracking()
            .Include(s => s.Room).ThenInclude(r => r!.Venue).Include(s => s.Track).Include(s => s.People).ThenInclude(p => p.Guest)
            .AsSplitQuery().OrderBy(s => s.StartUtc).ThenBy(s => s.Room!.NameEn).ToListAsync(ct);
        var delegateIds = sessions.SelectMany(s => s.People).Where(p => p.DelegateId != null).Select(p => p.DelegateId!.Value).Distinct().ToList();
        var delegates = await db.Delegates.AsNoTracking().Where(d => delegateIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => (En: $"{d.Honorific} {d.GivenName} {d.FamilyName.ToUpperInvariant()}".Trim(), Zh: d.NativeName), ct);
        return sessions.Select(s => new AgendaSession(s.Id, s.Type, s.TitleEn, s.TitleZh, s.AbstractEn, s.AbstractZh, s.StartUtc, s.EndUtc,
                s.RoomId, s.Room?.NameEn, s.Room?.NameZh, s.Room?.Venue?.NameEn, s.Room?.Venue?.NameZh,
                s.TrackId, s.Track?.NameEn, s.Track?.NameZh, s.Track?.Color, s.Languages, s.Interpretation, s.InterpretationLanguages, s.Capacity, s.Sequence,
                s.People.Where(p => p.Role != SessionRole.Interpreter).OrderBy(p => p.Role).ThenBy(p => p.Position)
                    .Select(p => p.DelegateId is { } d
                        ? new AgendaPerson(p.Role, delegates.GetValueOrDefault(d).En ?? "?", delegates.GetValueOrDefault(d).Zh)
                        : new AgendaPerson(p.Role, p.Guest?.NameEn ?? "?", p.Guest?.NameZh))
                    .ToList()))
            .ToList();
    }

    /// <summary>The demo forum comes with its programme released, so a fresh install shows a full agenda.</summary>
    public static async Task PublishDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ForumDbContext>();
        var forum = await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Acronym == Data.Seeding.DemoForumSeeder.Acronym, ct);
        if (forum is not null && !await db.ProgrammeReleases.AnyAsync(r => r.ForumId == forum.Id, ct))
        {
            await services.GetRequiredService<ProgrammeReleases>().PublishAsync(forum, "First programme / 首版日程", Actor.System, ct);
        }
    }

    public async Task<ReleaseChanges> PendingChangesAsync(int forumId, CancellationToken ct) =>
        Compare((await LatestAsync(forumId, ct))?.Sessions ?? [], await DraftAsync(forumId, ct));

    /// <summary>Publishes the draft as the next version; of two organizers publishing at once, the unique version index keeps one and refuses the other.</summary>
    public async Task<int> PublishAsync(Forum forum, string changelog, Actor actor, CancellationToken ct)
    {
        var forumId = forum.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var previous = await db.ProgrammeReleases.AsNoTracking().Where(r => r.ForumId == forumId).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        var draft = await DraftAsync(forumId, ct);
        var before = previous is null ? [] : Read(previous.Snapshot);
        var changes = Compare(before, draft);
        var version = (previous?.Version ?? 0) + 1;
        db.ProgrammeReleases.Add(new ProgrammeRelease
        {
            ForumId = forumId, Version = version, PublishedUtc = now, PublishedBy = actor.Name, Changelog = changelog,
            Snapshot = JsonSerializer.Serialize(draft, Json),
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
        cache.Remove(CacheKey(forumId));
        await pages.EvictByTagAsync(AgendaOutputCache.Tag, CancellationToken.None);
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
            var extras = new Notices.NoticeExtras(session.TitleEn, session.TitleZh, session.StartUtc, session.RoomEn ?? "—", session.RoomZh ?? session.RoomEn ?? "—")
            {
                SessionRemoved = removed.Contains(session.Id),
            };

            // Resolved here, not injected: the renderer itself reads releases for the agenda it may list.
            var notices = services.GetRequiredService<Notices.NoticeRenderer>();
            mail.Add(await notices.RenderAsync(forum, people[enrolment.DelegateId], Core.Notices.NoticeKind.ProgrammeChange, extras, ct));
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
    private static bool SameContent(AgendaSession a, AgendaSession b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json);

    private static List<AgendaSession> Read(string snapshot) => JsonSerializer.Deserialize<List<AgendaSession>>(snapshot, Json) ?? [];
}

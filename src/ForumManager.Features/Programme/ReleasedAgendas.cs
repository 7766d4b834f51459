using System.Globalization;
using System.Text.Json;
using ForumManager.Core.Programme;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using ForumManager.Features.Instances;

namespace ForumManager.Features.Programme;

/// <summary>
/// The latest release as the public agenda, the exports and the notices read it, cached per app instance for a short
/// while and dropped on every instance at every release; and the draft and invitation-only sessions in the same shape.
/// </summary>
public sealed class ReleasedAgendas(ForumDbContext db, InstanceCaches cache)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private static string CacheKey(int forumId) => "agenda:" + forumId.ToString(CultureInfo.InvariantCulture);

    public async Task<ReleasedAgenda?> LatestAsync(int forumId, CancellationToken ct) =>
        await cache.GetOrCreateAsync(CacheKey(forumId), Lifetime, async () =>
        {
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

    /// <summary>Forgets the cached release on every instance, so the next reader anywhere sees the one just published.</summary>
    public void Forget(int forumId) => cache.Forget(CacheKey(forumId));

    internal static List<AgendaSession> Read(string snapshot) => JsonSerializer.Deserialize<List<AgendaSession>>(snapshot, Json) ?? [];
}

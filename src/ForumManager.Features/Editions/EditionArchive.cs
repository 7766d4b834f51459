using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features.Forums;
using ForumManager.Features.Programme;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Editions;

/// <summary>A past edition in the public archive, with the version of its programme last released.</summary>
public sealed record ArchivedEdition(int Id, string Acronym, string NameEn, string NameZh, DateOnly StartDate, DateOnly EndDate, int Version)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>
/// The public archive: every edition other than the public one that was opened (open, closed or archived, never a draft)
/// and released a programme, with that programme as last released, read-only.
/// </summary>
public sealed class EditionArchive(ForumDbContext db, CurrentForum current, ReleasedAgendas releases)
{
    public async Task<IReadOnlyList<ArchivedEdition>> ListAsync(CancellationToken ct)
    {
        var shown = (await current.PublicAsync(ct))?.Id ?? 0;
        var rows = await db.Forums.AsNoTracking().Where(f => f.Id != shown && f.Status != ForumStatus.Draft)
            .Select(f => new { f.Id, f.Acronym, f.NameEn, f.NameZh, f.StartDate, f.EndDate, Version = db.ProgrammeReleases.Where(r => r.ForumId == f.Id).Max(r => (int?)r.Version) })
            .Where(f => f.Version != null).OrderByDescending(f => f.StartDate).ToListAsync(ct);
        return rows.Select(f => new ArchivedEdition(f.Id, f.Acronym, f.NameEn, f.NameZh, f.StartDate, f.EndDate, f.Version!.Value)).ToList();
    }

    /// <summary>The edition named <paramref name="acronym"/> and its last released programme, when it is in the archive.</summary>
    public async Task<(Forum Forum, ReleasedAgenda Agenda)?> FindAsync(string acronym, CancellationToken ct)
    {
        var shown = (await current.PublicAsync(ct))?.Id ?? 0;
        var name = acronym.Trim().ToUpperInvariant();
        var forum = await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Acronym == name && f.Id != shown && f.Status != ForumStatus.Draft, ct);
        return forum is not null && await releases.LatestAsync(forum.Id, ct) is { } agenda ? (forum, agenda) : null;
    }
}

using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Infrastructure;

/// <summary>Lists that several organizers' pages offer in their filters.</summary>
public static class FilterChoices
{
    /// <summary>The edition's delegations by English name, for a delegation filter.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> DelegationsAsync(this ForumDbContext db, int forumId, CancellationToken ct) =>
        (await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId).OrderBy(d => d.NameEn).Select(d => new { d.Id, d.NameEn }).ToListAsync(ct))
            .Select(d => (d.Id, d.NameEn)).ToList();
}

using ForumManager.Core.Forums;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Forums;

/// <summary>The edition the site is showing: the latest one that is open or closed (drafts and archives are not shown).</summary>
public sealed class CurrentForum(ForumDbContext db)
{
    private Forum? _forum;
    private bool _loaded;

    public async Task<Forum?> GetAsync(CancellationToken ct)
    {
        if (!_loaded)
        {
            _forum = await db.Forums.AsNoTracking()
                .Where(f => f.Status == ForumStatus.Open || f.Status == ForumStatus.Closed)
                .OrderByDescending(f => f.StartDate)
                .FirstOrDefaultAsync(ct);
            _loaded = true;
        }

        return _forum;
    }
}

using ForumManager.Core.Notices;
using ForumManager.Data;
using ForumManager.Web.Infrastructure;
using ForumManager.Web.Notices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.Admin.Notices;

/// <summary>Notices: the templates of every kind in both languages, the batches sent, and the way to send a new one.</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current) : PageModel
{
    public sealed record BatchRow(int Id, DateTime CreatedUtc, string CreatedBy, NoticeKind Kind, string Audience, BatchProgress Progress);

    public HashSet<(NoticeKind, string)> Customized { get; private set; } = [];
    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        Customized = (await db.NoticeTemplates.AsNoTracking().Where(t => t.ForumId == forum.Id).Select(t => new { t.Kind, t.Language }).ToListAsync(ct))
            .Select(t => (t.Kind, t.Language)).ToHashSet();
        var batches = await db.NoticeBatches.AsNoTracking().Where(b => b.ForumId == forum.Id).OrderByDescending(b => b.Id).Take(50).ToListAsync(ct);
        var rows = new List<BatchRow>();
        foreach (var b in batches)
        {
            rows.Add(new BatchRow(b.Id, b.CreatedUtc, b.CreatedBy, b.Kind, b.Audience, await NoticeBatchService.ProgressAsync(db, b.Id, ct)));
        }

        Batches = rows;
        return Page();
    }
}

using ForumManager.Core.Notices;
using ForumManager.Data;
using ForumManager.Features.Forums;
using ForumManager.Features.Notices;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.Admin.Notices;

/// <summary>
/// Notices: the templates of every kind in both languages (and those that failed for messages, until they are
/// saved again), the batches sent, and the way to send a new one.
/// </summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current) : PageModel
{
    public sealed record BatchRow(int Id, DateTime CreatedUtc, string CreatedBy, NoticeKind Kind, string Audience, BatchProgress Progress, bool Cancelled);

    public sealed record FailedTemplate(NoticeKind Kind, string Language, int Failures, DateTime FailedUtc, string Failure);

    public Core.Forums.Forum Forum { get; private set; } = null!;
    public HashSet<(NoticeKind, string)> Customized { get; private set; } = [];
    public IReadOnlyList<FailedTemplate> Failed { get; private set; } = [];
    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        Forum = forum;
        Failed = (await db.NoticeTemplates.AsNoTracking().Where(t => t.ForumId == forum.Id && t.Failures > 0)
                .Select(t => new { t.Kind, t.Language, t.Failures, t.FailedUtc, t.Failure }).ToListAsync(ct))
            .Select(t => new FailedTemplate(t.Kind, t.Language, t.Failures, t.FailedUtc ?? default, t.Failure ?? string.Empty))
            .OrderBy(t => t.Kind).ThenBy(t => t.Language, StringComparer.Ordinal).ToList();
        Customized = (await db.NoticeTemplates.AsNoTracking().Where(t => t.ForumId == forum.Id).Select(t => new { t.Kind, t.Language }).ToListAsync(ct))
            .Select(t => (t.Kind, t.Language)).ToHashSet();
        var batches = await db.NoticeBatches.AsNoTracking().Where(b => b.ForumId == forum.Id).OrderByDescending(b => b.Id).Take(50).ToListAsync(ct);
        var rows = new List<BatchRow>();
        foreach (var b in batches)
        {
            rows.Add(new BatchRow(b.Id, b.CreatedUtc, b.CreatedBy, b.Kind, b.Audience, await NoticeBatchService.ProgressAsync(db, b.Id, ct), b.CancelledUtc is not null));
        }

        Batches = rows;
        return Page();
    }
}

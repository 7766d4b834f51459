using ForumManager.Core.Notices;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Notices;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Notices;

/// <summary>A notice batch: its progress bar, every recipient's delivery, sending the failed ones again, and stopping it.</summary>
public sealed class BatchModel(ForumDbContext db, CurrentForum current, ForumManager.Mail.OutboxSignal signal, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public NoticeBatch Batch { get; private set; } = null!;
    public Core.Forums.Forum Forum { get; private set; } = null!;
    public BatchProgress Progress { get; private set; } = new(0, 0, 0, 0, 0);
    public IReadOnlyList<RecipientState> Recipients { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Recipients = await NoticeBatchService.RecipientsAsync(db, id, Describe, ct);
        return Page();
    }

    /// <summary>The progress as JSON, for the page's script.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var recipients = await NoticeBatchService.RecipientsAsync(db, id, Describe, ct);
        return new JsonResult(new
        {
            total = Progress.Total, sent = Progress.Sent, failed = Progress.Failed, retrying = Progress.Retrying, queued = Progress.Queued,
            withdrawn = Progress.Withdrawn, percent = Progress.Percent,
            recipients = recipients.Select(r => new { id = r.DelegateId, state = r.State, error = r.Error }),
        });
    }

    public async Task<IActionResult> OnPostRetryAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var again = await NoticeBatchService.RetryFailedAsync(db, id, clock.GetUtcNow().UtcDateTime, ct);
        signal.Wake();
        TempData["Status"] = text["Notices_Retried", again].Value;
        return Redirect($"/admin/notices/batch/{id}");
    }

    /// <summary>Stops the batch: nobody else gets it, and what is still queued for it is withdrawn.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var withdrawn = await NoticeBatchService.CancelAsync(db, id, User.Identity?.Name ?? "organizer", clock.GetUtcNow().UtcDateTime, ct);
        if (withdrawn is { } count)
        {
            TempData["Status"] = text["Notices_StoppedNow", count].Value;
        }

        return Redirect($"/admin/notices/batch/{id}");
    }

    private string Describe(string code) => NoticeSandbox.Describe(code, (key, args) => text[key, args]);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum
            || await db.NoticeBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.ForumId == forum.Id, ct) is not { } batch)
        {
            return false;
        }

        Batch = batch;
        Forum = forum;
        Progress = await NoticeBatchService.ProgressAsync(db, id, ct);
        return true;
    }
}

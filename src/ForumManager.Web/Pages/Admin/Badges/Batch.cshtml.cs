using ForumManager.Core.Badges;
using ForumManager.Features;
using ForumManager.Features.Badges;
using ForumManager.Features.Forums;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Badges;

/// <summary>
/// A background badge batch of the current forum: its progress bar, its state as JSON for the bar's script, the PDF
/// once done, and another try once failed. All read from the database, so any instance serves a batch another made.
/// </summary>
public sealed class BatchModel(BadgeBatches batches, CurrentForum current, IStringLocalizer<SharedResource> text) : PageModel
{
    public BadgeBatchView Batch { get; private set; } = null!;

    /// <summary>Why the batch failed, in the reader's language where the app itself gave up; else the error as the server met it.</summary>
    public string? Reason => Worded(Batch.Error);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } batch)
        {
            return NotFound();
        }

        Batch = batch;
        return Page();
    }

    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken ct) => await FindAsync(id, ct) is { } batch
        ? new JsonResult(new { done = batch.Done, total = batch.Total, state = batch.State.ToString().ToLowerInvariant(), missingGlyphs = batch.MissingGlyphs, reason = Worded(batch.Error) })
        : NotFound();

    /// <summary>The PDF; not found until the batch is done.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        var pdf = forum is null ? null : await batches.PdfAsync(forum.Id, id, ct);
        return pdf is null ? NotFound() : File(pdf, "application/pdf", "badges.pdf");
    }

    /// <summary>Queues a failed batch again; whichever instance is free makes it.</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null || await batches.FindAsync(forum.Id, id, ct) is not { } batch)
        {
            return NotFound();
        }

        if (batch.State == BadgeBatchState.Failed)
        {
            await batches.RetryAsync(forum.Id, id, ct);
        }

        return RedirectToPage(new { id });
    }

    private string? Worded(string? error) => error == BadgeBatchJob.NeverFinished ? text["Badges_BatchNeverFinished", BadgeBatchJob.MaxAttempts].Value : error;

    private async Task<BadgeBatchView?> FindAsync(Guid id, CancellationToken ct) =>
        await current.GetAsync(ct) is { } forum ? await batches.FindAsync(forum.Id, id, ct) : null;
}

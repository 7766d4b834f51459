using ForumManager.Features.Badges;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Admin.Badges;

/// <summary>A background badge batch: its progress bar, its state as JSON for the bar's script, and the PDF once done.</summary>
public sealed class BatchModel(BadgeBatches batches) : PageModel
{
    public BadgeBatch Batch { get; private set; } = null!;

    public IActionResult OnGet(Guid id)
    {
        if (batches.Find(id) is not { } batch)
        {
            return NotFound();
        }

        Batch = batch;
        return Page();
    }

    public IActionResult OnGetStatus(Guid id) => batches.Find(id) is { } batch
        ? new JsonResult(new { done = batch.Done, total = batch.Total, state = batch.State.ToString().ToLowerInvariant(), missingGlyphs = batch.MissingGlyphs })
        : NotFound();

    public IActionResult OnGetDownload(Guid id)
    {
        if (batches.Find(id) is not { State: BatchState.Done, FilePath: { } path } || !System.IO.File.Exists(path))
        {
            return NotFound();
        }

        return PhysicalFile(path, "application/pdf", "badges.pdf");
    }
}

using ForumManager.Core.Auditing;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Editions;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Editions;

/// <summary>
/// The forum's editions: which one the public site shows, which one this person works on, their status changes, and
/// inviting last edition's delegation heads to a new one.
/// </summary>
public sealed class IndexModel(ForumEditions editions, LastEditionHeads heads, WorkingEdition working, ForumDbContext db,
    UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<EditionRow> Editions { get; private set; } = [];

    /// <summary>The edition this person works on (the public one unless they chose another).</summary>
    public int? WorkingOn { get; private set; }

    public ConfirmStep? Confirmation { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostWorkAsync(int id, CancellationToken ct)
    {
        var edition = await db.Forums.AsNoTracking().Where(f => f.Id == id).Select(f => new { f.Id, f.NameEn, f.NameZh }).SingleOrDefaultAsync(ct);
        if (edition is null)
        {
            return NotFound();
        }

        var shown = (await editions.ListAsync(ct)).FirstOrDefault(e => e.Public)?.Id;
        working.Choose(HttpContext, id == shown ? null : id);
        TempData["Status"] = text["Editions_WorkingOnNow", UiLanguage.Chinese ? edition.NameZh : edition.NameEn].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, EditionStatusChange change, [FromForm(Name = ConfirmStep.Field)] bool confirm, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Editions.FirstOrDefault(e => e.Id == id) is not { } edition)
        {
            return NotFound();
        }

        if (!ForumEditions.Allowed(edition.Status).Contains(change))
        {
            TempData["Status"] = text["Editions_StatusNotNow"].Value;
            TempData["StatusKind"] = "error";
            return RedirectToPage();
        }

        var name = edition.Name(UiLanguage.Chinese);
        if (!confirm)
        {
            Confirmation = new ConfirmStep(text["Editions_Confirm" + change, name], [text["Editions_Consequence" + change]],
                text["Editions_Do" + change], "/admin/editions");
            return Page();
        }

        var changed = await editions.ChangeStatusAsync(id, change, Actor(), ct);
        TempData["Status"] = changed ? text["Editions_StatusChanged", name, text["ForumStatus_" + ForumEditions.Target(change)]].Value : text["Editions_StatusNotNow"].Value;
        TempData["StatusKind"] = changed ? null : "error";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostInviteHeadsAsync(int id, [FromForm(Name = ConfirmStep.Field)] bool confirm, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (forum is null)
        {
            return NotFound();
        }

        var chinese = UiLanguage.Chinese;
        var previous = await heads.PreviousAsync(forum, ct);
        if (previous is null)
        {
            TempData["Status"] = text["Editions_NoPrevious"].Value;
            TempData["StatusKind"] = "error";
            return RedirectToPage();
        }

        if (!confirm)
        {
            await LoadAsync(ct);
            Confirmation = new ConfirmStep(text["Editions_ConfirmInvite", previous.Name(chinese), forum.Name(chinese)],
                [text["Editions_InviteMail"], text["Editions_InviteOnce"], text["Editions_InviteLinks"]], text["Editions_InviteHeads"], "/admin/editions");
            return Page();
        }

        try
        {
            var report = await heads.InviteAsync(forum, Actor(), ct);
            TempData["Status"] = text["Editions_InviteReport", report.Invited.Count, report.Count(HeadSkipped.AlreadyCarriedOver),
                report.Count(HeadSkipped.AlreadyInvitedOrRegistered), report.Count(HeadSkipped.Purged)].Value;
        }
        catch (DbUpdateException)
        {
            // Another organizer ran it at the same moment: the database kept theirs, this one changed nothing.
            TempData["Status"] = text["Editions_InviteRace"].Value;
            TempData["StatusKind"] = "error";
        }

        return RedirectToPage();
    }

    private Actor Actor() => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    private async Task LoadAsync(CancellationToken ct)
    {
        Editions = await editions.ListAsync(ct);
        WorkingOn = working.ForumId is { } id && Editions.Any(e => e.Id == id) ? id : Editions.FirstOrDefault(e => e.Public)?.Id;
    }
}

using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Logistics;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Me;

/// <summary>The delegate's flights or trains and their room request; found by the signed-in account, never by an id from the browser.</summary>
public sealed class TravelModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, TravelForm form, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public TravelInput Travel { get; set; } = new();

    public TravelOptions? Options { get; private set; }
    public TravelSummary? Given { get; private set; }
    public Forum? Forum { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await MineAsync(ct) is not { } mine)
            return RedirectToPage("Index");

        Travel = await form.LoadAsync(Forum!, mine, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await MineAsync(ct) is not { } mine)
            return RedirectToPage("Index");

        // Binding errors (a date that is not a date) are already at their fields; the form adds its own checks.
        var actor = new Actor(users.GetUserId(User), User.Identity?.Name ?? "delegate");
        var errors = new FieldErrors();
        if (!ModelState.IsValid || !await form.SaveAsync(Forum!, mine, Travel, Options!, errors, nameof(Travel), actor, ct))
        {
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Status"] = text["Travel_Saved"].Value;
        return RedirectToPage();
    }

    private async Task<int?> MineAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        var userId = users.GetUserId(User);
        if (Forum is null || userId is null)
            return null;

        var forumId = Forum.Id;
        var mine = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.UserId == userId && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected)
            .Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (mine is { } id)
        {
            Options = await form.OptionsAsync(Forum, id, ct);
            Given = await form.SummaryAsync(id, ct);
        }

        return mine;
    }
}

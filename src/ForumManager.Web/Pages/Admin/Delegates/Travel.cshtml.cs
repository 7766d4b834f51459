using ForumManager.Core.Auditing;
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

namespace ForumManager.Web.Pages.Admin.Delegates;

/// <summary>An organizer enters or corrects a delegate's travel and room request, as sent by email or fax; the same checks as the delegate's own page.</summary>
public sealed class TravelModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, TravelForm form, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public TravelInput Travel { get; set; } = new();

    public TravelOptions? Options { get; private set; }
    public TravelSummary? Given { get; private set; }
    public Forum? Forum { get; private set; }
    public string? Name { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Travel = await form.LoadAsync(Forum!, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();

        var actor = new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer");
        var errors = new FieldErrors();
        if (!ModelState.IsValid || !await form.SaveAsync(Forum!, id, Travel, Options!, errors, nameof(Travel), actor, ct))
        {
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Status"] = text["Travel_Saved"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null)
            return false;
        var forumId = Forum.Id;
        Name = await db.Delegates.AsNoTracking().Where(d => d.Id == id && d.ForumId == forumId)
            .Select(d => d.FamilyName.ToUpper() + " " + d.GivenName + (d.NativeName == null ? "" : " · " + d.NativeName)).FirstOrDefaultAsync(ct);
        if (Name is null)
            return false;
        Options = await form.OptionsAsync(Forum, id, ct);
        Given = await form.SummaryAsync(id, ct);
        return true;
    }
}

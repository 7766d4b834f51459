using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Letters;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Letters;

/// <summary>Visa invitation letters as a batch: approved delegates of a delegation, or all, who asked for a letter; one page each.</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, VisaLetters letters, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Delegation { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "VisaLetters_OnlyRequested")]
    public bool OnlyRequested { get; set; } = true;

    public IReadOnlyList<(int Id, string Name)> Delegations { get; private set; } = [];
    public int Ready { get; private set; }
    public int WithoutPassport { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        Delegations = await db.DelegationsAsync(forum.Id, ct);
        var counts = await Selection(forum.Id).GroupBy(d => d.PassportNumberProtected != null).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Ready = counts.FirstOrDefault(c => c.Key)?.Count ?? 0;
        WithoutPassport = counts.FirstOrDefault(c => !c.Key)?.Count ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        var ids = await Selection(forum.Id).Where(d => d.PassportNumberProtected != null)
            .OrderBy(d => d.Delegation == null ? "\uffff" : d.Delegation.NameEn).ThenBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName)
            .Select(d => d.Id).ToListAsync(ct);
        var pdf = await letters.IssueAsync(forum, ids, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct);
        if (pdf is null)
        {
            TempData.Refusal(text["VisaLetters_NoneReady"].Value);
            return RedirectToPage(new { Delegation, OnlyRequested });
        }

        return File(pdf.Pdf, "application/pdf", "visa-letters.pdf");
    }

    private IQueryable<Core.Delegates.Delegate> Selection(int forumId)
    {
        var query = new Delegates.DelegateFilter(null, RegistrationStatus.Approved, null, null, Delegation, null)
            .Apply(db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId));
        return OnlyRequested ? query.Where(d => d.NeedsVisaLetter) : query;
    }
}

using System.ComponentModel.DataAnnotations;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Documents.Badges;
using ForumManager.Features;
using ForumManager.Features.Badges;
using ForumManager.Features.Forums;
using ForumManager.Features.Logistics;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Admin.Badges;

/// <summary>Badges: the layout each category prints in, with a preview, and batches selected by delegation, category, status or "not printed yet".</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, BadgeSource badges, BadgeBatches batches,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public Dictionary<DelegateCategory, BadgeLayout> Layouts { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Delegation { get; set; }

    [BindProperty(SupportsGet = true)]
    public DelegateCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public RegistrationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "Badges_NotPrinted")]
    public bool NotPrinted { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? ArrivalDay { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Hotel { get; set; }

    public IReadOnlyList<DateOnly> ArrivalDays { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Hotels { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public BadgeLayout Layout { get; set; } = BadgeLayout.A6;

    public IReadOnlyList<(int Id, string Name)> Delegations { get; private set; } = [];
    public int Matching { get; private set; }

    /// <summary>Of those, the people the forum's clearance rule leaves without a badge.</summary>
    public int NotCleared { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        DefaultToApproved();
        await LoadAsync(forum, ct);
        return Page();
    }

    /// <summary>Badges are for approved delegates unless the organizer chose another status, or "all" (an empty value).</summary>
    private void DefaultToApproved()
    {
        if (!Request.Query.ContainsKey(nameof(Status)) && !(Request.HasFormContentType && Request.Form.ContainsKey(nameof(Status))))
        {
            Status = RegistrationStatus.Approved;
        }
    }

    public async Task<IActionResult> OnPostLayoutsAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        if (Layouts.Any(l => !Enum.IsDefined(l.Key) || !Enum.IsDefined(l.Value)))
        {
            return BadRequest();
        }

        var existing = await db.BadgeLayoutChoices.Where(c => c.ForumId == forum.Id).ToListAsync(ct);
        foreach (var (category, layout) in Layouts)
        {
            var choice = existing.FirstOrDefault(c => c.Category == category);
            if (choice is null)
            {
                db.BadgeLayoutChoices.Add(new BadgeLayoutChoice { ForumId = forum.Id, Category = category, Layout = (int)layout });
            }
            else
            {
                choice.Layout = (int)layout;
            }
        }

        await db.SaveChangesAsync(ct);
        TempData["Status"] = text["Badges_LayoutsSaved"].Value;
        return RedirectToPage();
    }

    /// <summary>A small batch comes back as the PDF at once; a large one is made in the background with a progress bar.</summary>
    public async Task<IActionResult> OnPostPrintAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        if (!Enum.IsDefined(Layout))
        {
            return BadRequest();
        }

        DefaultToApproved();

        var ids = await Selection(forum)
            .OrderBy(d => d.Delegation == null ? "\uffff" : d.Delegation.NameEn).ThenBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).ThenBy(d => d.GivenName)
            .Select(d => d.Id)
            .ToListAsync(ct);
        var notCleared = await badges.NotClearedAsync(forum, ids, ct);
        if (ids.Count > 0 && notCleared.Count == ids.Count)
        {
            TempData.Refusal(text["Badges_NoneCleared", ids.Count].Value);
            return RedirectToPage(new { Delegation, Category, Status, NotPrinted, ArrivalDay, Hotel, Layout });
        }

        ids = ids.Except(notCleared).ToList();
        if (ids.Count == 0)
        {
            TempData.Refusal(text["Badges_NoneMatch"].Value);
            return RedirectToPage(new { Delegation, Category, Status, NotPrinted, ArrivalDay, Hotel, Layout });
        }

        var byName = User.Identity?.Name ?? "organizer";
        if (ids.Count <= BadgeBatches.RunInBackgroundAbove)
        {
            var pdf = await badges.PrintAsync(forum, ids, Layout, byName, null, ct);
            return File(pdf.Pdf, "application/pdf", $"badges-{Layout}.pdf");
        }

        var batch = await batches.EnqueueAsync(forum.Id, ids, Layout, byName, ct);
        return RedirectToPage("Batch", new { id = batch });
    }

    private IQueryable<Delegate> Selection(Forum forum)
    {
        var forumId = forum.Id;
        var query = new Delegates.DelegateFilter(null, Status, Category, null, Delegation, null)
            .Apply(db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId));
        query = TravelAudience.Apply(query, db, forum, ArrivalDay, Hotel);
        if (NotPrinted)
        {
            query = query.Where(d => !db.BadgePrints.Any(p => p.DelegateId == d.Id));
        }

        return query;
    }

    private async Task LoadAsync(Forum forum, CancellationToken ct)
    {
        var forumId = forum.Id;
        Layouts = await badges.LayoutsAsync(forumId, ct);
        Delegations = await db.DelegationsAsync(forumId, ct);
        ArrivalDays = TravelAudience.ArrivalDays(forum);
        Hotels = await TravelAudience.HotelsAsync(db, forumId, ct);
        Matching = await Selection(forum).CountAsync(ct);
        NotCleared = forum.ClearanceRequired ? await Selection(forum).CountAsync(d => d.Clearance != Core.Accreditation.ClearanceStatus.Cleared, ct) : 0;
    }
}

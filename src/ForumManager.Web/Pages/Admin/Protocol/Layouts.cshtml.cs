using ForumManager.Core.Auditing;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Protocol;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Protocol;

/// <summary>
/// The seat layouts of each room: round tables, theatre rows, a head table with rows, a hollow square or a U. A form adds
/// one or changes the one being edited, with each problem beside its field; a layout a session uses is not deleted.
/// </summary>
public sealed class LayoutsModel(ForumDbContext db, CurrentForum current, SeatLayoutEditor editor, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record RoomLayouts(int RoomId, string NameEn, string NameZh, IReadOnlyList<SeatLayout> Layouts);

    [BindProperty] public SeatLayoutInput Layout { get; set; } = new();

    /// <summary>The layout being changed; none when adding.</summary>
    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }

    public IReadOnlyList<RoomLayouts> Rooms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Edit is { } id)
        {
            if (Rooms.SelectMany(r => r.Layouts).FirstOrDefault(l => l.Id == id) is not { } layout)
            {
                return NotFound();
            }

            Layout = SeatLayoutInput.From(layout);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (ModelState.IsValid && await editor.SaveAsync(forum.Id, Edit, Layout, Actor, errors, ct) is not null)
        {
            TempData["Status"] = text[Edit is null ? "Layout_Added" : "Layout_Changed"].Value;
            return RedirectToPage();
        }

        ModelState.AddErrorsBesideRefused(Prefixed(errors));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (await editor.DeleteAsync(forum.Id, id, Actor, errors, ct))
        {
            TempData["Status"] = text["Layout_Deleted"].Value;
        }
        else
        {
            TempData.Refusal(errors.All.FirstOrDefault().Message ?? text["Validation_Choose"].Value);
        }

        return RedirectToPage();
    }

    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    private static FieldErrors Prefixed(FieldErrors errors)
    {
        var prefixed = new FieldErrors();
        foreach (var (field, message) in errors.All)
        {
            prefixed.Add($"{nameof(Layout)}.{field}", message);
        }

        return prefixed;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return false;
        }

        var forumId = forum.Id;
        var layouts = await db.SeatLayouts.AsNoTracking().Where(l => l.ForumId == forumId).OrderBy(l => l.NameEn).ToListAsync(ct);
        Rooms = (await db.Rooms.AsNoTracking().Where(r => r.ForumId == forumId).OrderBy(r => r.NameEn).Select(r => new { r.Id, r.NameEn, r.NameZh }).ToListAsync(ct))
            .Select(r => new RoomLayouts(r.Id, r.NameEn, r.NameZh, layouts.Where(l => l.RoomId == r.Id).ToList())).ToList();
        return true;
    }
}

using ForumManager.Core.Auditing;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Protocol;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Protocol.Meetings;

/// <summary>The host departments delegations meet, and which department each official speaks for and the pairs each interpreter works in.</summary>
public sealed class DepartmentsModel(CurrentForum current, HostDepartments departments, UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    [BindProperty]
    public HostDepartmentInput Input { get; set; } = new();

    /// <summary>The department being changed; null while adding one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    public IReadOnlyList<HostDepartment> Departments { get; private set; } = [];
    public IReadOnlyList<Guest> Guests { get; private set; } = [];

    /// <summary>Guest fields as posted when refused, by guest id.</summary>
    public Dictionary<int, string?> Posted { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Id is { } id)
        {
            if (Departments.FirstOrDefault(d => d.Id == id) is not { } department)
            {
                return NotFound();
            }

            Input = new HostDepartmentInput
            {
                NameEn = department.NameEn, NameZh = department.NameZh, Email = department.Email, ContactName = department.ContactName,
                PreferredLanguage = department.PreferredLanguage,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || (Id is { } id && Departments.All(d => d.Id != id)))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (await departments.SaveAsync((await current.GetAsync(ct))!.Id, Id, Input, Actor, errors, ct) is null)
        {
            // The feature checks every field itself, in the reader's words; binding's own messages would name properties.
            ModelState.Clear();
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Status"] = text["Departments_Saved", Input.NameEn].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostGuestAsync(int guestId, int? department, string? pairs, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Guests.All(g => g.Id != guestId))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var field = $"Guest{guestId}";
        if (!await departments.SaveGuestAsync((await current.GetAsync(ct))!.Id, guestId, department, pairs, Actor, field, errors, ct))
        {
            ModelState.AddErrors(errors);
            Posted[guestId] = pairs;
            return Page();
        }

        TempData["Status"] = text["Departments_GuestSaved", Guests.Single(g => g.Id == guestId).NameEn].Value;
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return false;
        }

        Departments = await departments.ListAsync(forum.Id, ct);
        Guests = await departments.GuestsAsync(forum.Id, ct);
        return true;
    }
}

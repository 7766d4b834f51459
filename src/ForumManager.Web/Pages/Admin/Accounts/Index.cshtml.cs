using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Accounts;
using ForumManager.Data;
using ForumManager.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Accounts;

/// <summary>Admins give and take roles. An admin cannot take the Admin role from themselves, so one always remains.</summary>
public sealed class IndexModel(ForumDbContext db, UserManager<ForumUser> users, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public sealed record UserRow(string Id, string Email, bool EmailConfirmed, bool LockedOut, IReadOnlyList<string> Roles);

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    [StringLength(256)]
    public string? Search { get; set; }

    [BindProperty, Required]
    public string UserId { get; set; } = string.Empty;

    [BindProperty, Required]
    public string Role { get; set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct) => await ChangeAsync(add: true, ct);

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) => await ChangeAsync(add: false, ct);

    private async Task<IActionResult> ChangeAsync(bool add, CancellationToken ct)
    {
        var role = Roles.Normalize(Role);
        var user = ModelState.IsValid ? await users.FindByIdAsync(UserId) : null;
        if (user is null || role is null)
        {
            ModelState.AddModelError(string.Empty, text["Users_NotFound"]);
            await LoadAsync(ct);
            return Page();
        }

        if (!add && role == Roles.Admin && user.Id == users.GetUserId(User))
        {
            ModelState.AddModelError(string.Empty, text["Users_CannotRemoveOwnAdmin"]);
            await LoadAsync(ct);
            return Page();
        }

        var result = add ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        if (result.Succeeded)
        {
            // A new stamp makes the person's sign-in pick up the change within a minute, not at its next expiry.
            await users.UpdateSecurityStampAsync(user);
        }

        TempData["Status"] = result.Succeeded
            ? text[add ? "Users_RoleAdded" : "Users_RoleRemoved", role, user.Email ?? string.Empty].Value
            : string.Join(" ", result.Errors.Select(e => e.Description));
        return RedirectToPage(new { Search });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail != null && u.NormalizedEmail.Contains(term));
        }

        var now = clock.GetUtcNow();
        var rows = await query.OrderBy(u => u.Email).Take(200)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.EmailConfirmed,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        Users = rows.Select(r => new UserRow(r.Id, r.Email ?? string.Empty, r.EmailConfirmed, r.LockoutEnd > now, r.Roles.Order().ToList())).ToList();
    }
}

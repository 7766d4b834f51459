using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Zones;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Delegates;

/// <summary>One delegate's zones: what their category grants, and the zones organizers give them or take away.</summary>
public sealed class ZonesModel(ForumDbContext db, CurrentForum current, ZoneSettings settings, ZoneAccess access, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>A zone for this person: whether the category grants it, the person's exception, and whether the badge opens it.</summary>
    public sealed record Row(Zone Zone, bool ByCategory, bool? Exception, bool Opens);

    public string Name { get; private set; } = string.Empty;
    public string Category { get; private set; } = string.Empty;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Sets the exception for one zone: "give", "take" or "category" (none).</summary>
    public async Task<IActionResult> OnPostAsync(int id, int zoneId, string? choice, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        bool? granted = choice switch { "give" => true, "take" => false, "category" => null, _ => null };
        if (choice is not ("give" or "take" or "category"))
        {
            return BadRequest();
        }

        if (!await settings.SetDelegateZoneAsync(forum, id, zoneId, granted, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct))
        {
            return NotFound();
        }

        TempData["Status"] = text["Zones_ExceptionSaved"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return false;
        }

        var person = await db.Delegates.AsNoTracking().Where(d => d.Id == id && d.ForumId == forum.Id)
            .Select(d => new { d.FamilyName, d.GivenName, d.NativeName, d.Category }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return false;
        }

        Name = person.FamilyName.ToUpperInvariant() + " " + person.GivenName + (person.NativeName is null ? "" : " · " + person.NativeName);
        Category = person.Category.ToString();
        var zones = await db.Zones.AsNoTracking().Where(z => z.ForumId == forum.Id).OrderBy(z => z.Code).ToListAsync(ct);
        var granted = await db.ZoneGrants.AsNoTracking().Where(g => g.ForumId == forum.Id && g.Category == person.Category).Select(g => g.ZoneId).Distinct().ToListAsync(ct);
        var exceptions = await db.DelegateZones.AsNoTracking().Where(z => z.DelegateId == id).ToDictionaryAsync(z => z.ZoneId, z => z.Granted, ct);
        var opens = (await access.BadgeZonesAsync(forum.Id, [(id, person.Category)], ct))[id].Select(z => z.Code).ToHashSet();
        Rows = zones.Select(z => new Row(z, granted.Contains(z.Id), exceptions.TryGetValue(z.Id, out var e) ? e : null, opens.Contains(z.Code))).ToList();
        return true;
    }
}

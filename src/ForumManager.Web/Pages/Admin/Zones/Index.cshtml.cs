using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Text;
using ForumManager.Features.Zones;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Zones;

/// <summary>
/// The forum's zones (code, names, room or capacity), their checkpoints with a direction, and which category enters which
/// zone on which days and hours; who is inside each now, and the end-of-day button that marks everyone out.
/// </summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, ZoneSettings settings, ZoneAccess access, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record ZoneRow(Zone Zone, string? RoomEn, string? RoomZh, int? RoomSeats, IReadOnlyList<ZoneCheckpoint> Checkpoints, IReadOnlyList<ZoneGrant> Grants);

    [BindProperty] public ZoneInput Zone { get; set; } = new();
    [BindProperty] public CheckpointInput Checkpoint { get; set; } = new();
    [BindProperty] public GrantInput Grant { get; set; } = new();

    public Forum? Forum { get; private set; }
    public IReadOnlyList<ZoneRow> Zones { get; private set; } = [];
    public IReadOnlyList<(int Id, string NameEn, string NameZh, int Seats)> Rooms { get; private set; } = [];
    public IReadOnlyList<ZoneOccupancy> Occupancy { get; private set; } = [];

    /// <summary>The latest refusals at any door, newest first, from the scan log.</summary>
    public IReadOnlyList<(DateTime Local, string Person, string Checkpoint, string Reason, string By)> Refusals { get; private set; } = [];

    /// <summary>The form whose errors are shown: "zone", "checkpoint" or "grant".</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostZoneAsync(CancellationToken ct) =>
        SaveAsync("zone", nameof(Zone), (forum, errors) => settings.AddZoneAsync(forum, Zone, Actor, errors, ct), "Zones_ZoneAdded", ct);

    public Task<IActionResult> OnPostCheckpointAsync(CancellationToken ct) =>
        SaveAsync("checkpoint", nameof(Checkpoint), (forum, errors) => settings.AddCheckpointAsync(forum, Checkpoint, Actor, errors, ct), "Zones_CheckpointAdded", ct);

    public Task<IActionResult> OnPostGrantAsync(CancellationToken ct) =>
        SaveAsync("grant", nameof(Grant), (forum, errors) => settings.AddGrantAsync(forum, Grant, Actor, errors, ct), "Zones_GrantAdded", ct);

    public Task<IActionResult> OnPostDeleteZoneAsync(int id, CancellationToken ct) =>
        RemoveAsync(forum => settings.DeleteZoneAsync(forum, id, Actor, ct), "Zones_ZoneDeleted", ct);

    public Task<IActionResult> OnPostDeleteCheckpointAsync(int id, CancellationToken ct) =>
        RemoveAsync(forum => settings.DeleteCheckpointAsync(forum, id, Actor, ct), "Zones_CheckpointDeleted", ct);

    public Task<IActionResult> OnPostDeleteGrantAsync(int id, CancellationToken ct) =>
        RemoveAsync(forum => settings.DeleteGrantAsync(forum, id, Actor, ct), "Zones_GrantDeleted", ct);

    /// <summary>The end of a day: everyone is marked out of every zone (or of one), audited with how many were inside.</summary>
    public async Task<IActionResult> OnPostEveryoneOutAsync(int? zoneId, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var count = await access.MarkEveryoneOutAsync(forum.Id, zoneId, Actor, ct);
        TempData["Status"] = text["Zones_EveryoneOutDone", count].Value;
        return RedirectToPage();
    }

    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    private async Task<IActionResult> SaveAsync(string form, string prefix, Func<Forum, FieldErrors, Task<bool>> save, string doneKey, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var valid = ModelState.Where(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal)).All(e => e.Value?.ValidationState != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid);
        if (valid && await save(forum, errors))
        {
            TempData["Status"] = text[doneKey].Value;
            return RedirectToPage();
        }

        // Only this form's fields are shown as refused; the page's other forms were not sent.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        ModelState.AddErrors(errors);
        if (ModelState.IsValid)
        {
            ModelState.AddModelError(prefix, text["Validation_Choose"]);
        }

        FailedForm = form;
        await LoadAsync(ct);
        return Page();
    }

    private async Task<IActionResult> RemoveAsync(Func<Forum, Task<bool>> remove, string doneKey, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || !await remove(forum))
        {
            return NotFound();
        }

        TempData["Status"] = text[doneKey].Value;
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null)
        {
            return false;
        }

        var forumId = Forum.Id;
        var zones = await db.Zones.AsNoTracking().Where(z => z.ForumId == forumId).OrderBy(z => z.Code).ToListAsync(ct);
        var checkpoints = await db.ZoneCheckpoints.AsNoTracking().Where(c => c.ForumId == forumId).OrderBy(c => c.Id).ToListAsync(ct);
        var grants = await db.ZoneGrants.AsNoTracking().Where(g => g.ForumId == forumId)
            .OrderBy(g => g.Category).ThenBy(g => g.Day).ThenBy(g => g.From).ToListAsync(ct);
        Rooms = (await db.Rooms.AsNoTracking().Where(r => r.ForumId == forumId).OrderBy(r => r.NameEn)
            .Select(r => new { r.Id, r.NameEn, r.NameZh, r.Capacity }).ToListAsync(ct))
            .Select(r => (r.Id, r.NameEn, r.NameZh, r.Capacity)).ToList();
        Zones = zones.Select(z =>
        {
            var room = Rooms.FirstOrDefault(r => r.Id == z.RoomId);
            return new ZoneRow(z, room.NameEn, room.NameZh, z.RoomId is null ? null : room.Seats,
                checkpoints.Where(c => c.ZoneId == z.Id).ToList(), grants.Where(g => g.ZoneId == z.Id).ToList());
        }).ToList();
        Occupancy = await access.OccupancyAsync(forumId, ct);
        var chinese = UiLanguage.Chinese;
        var doors = checkpoints.ToDictionary(c => ZoneCheckpoints.For(c.Id), c => chinese ? c.NameZh : c.NameEn);
        foreach (var session in await db.Sessions.AsNoTracking().Where(x => x.ForumId == forumId).Select(x => new { x.Id, x.TitleEn, x.TitleZh }).ToListAsync(ct))
        {
            doors[Core.CheckIns.Checkpoints.ForSession(session.Id)] = chinese ? session.TitleZh : session.TitleEn;
        }

        doors[Core.CheckIns.Checkpoints.Main] = text["Zones_MainEntrance"].Value;
        var zone = Forum.TimeZone;
        Refusals = (await db.Scans.AsNoTracking()
            .Where(s => s.ForumId == forumId && s.Result == Features.CheckIns.ScanResults.Refused)
            .OrderByDescending(s => s.ScannedUtc).ThenByDescending(s => s.Id).Take(20)
            .Select(s => new { s.ScannedUtc, s.Checkpoint, s.Reason, s.ByName, Person = db.Delegates.Where(d => d.Id == s.DelegateId).Select(d => new { d.FamilyName, d.GivenName }).FirstOrDefault() })
            .ToListAsync(ct))
            .Select(s => (ForumTime.ToLocal(s.ScannedUtc, zone), s.Person is null ? "" : s.Person.FamilyName.ToUpperInvariant() + " " + s.Person.GivenName,
                doors.GetValueOrDefault(s.Checkpoint, s.Checkpoint), s.Reason ?? "", s.ByName))
            .ToList();
        return true;
    }
}

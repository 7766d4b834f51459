using System.ComponentModel.DataAnnotations;
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

namespace ForumManager.Web.Pages.Admin.Venues;

/// <summary>
/// Venues with their address and map link, and their rooms: seats, opening hours, equipment and interpreters' booths.
/// Travel times between venues are set with the programme (<c>/admin/programme/setup</c>), where conflicts are checked.
/// </summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class VenueInput : PlaceInput
    {
        public int? Id { get; set; }
    }

    public sealed class RoomInput
    {
        public int? Id { get; set; }

        public int VenueId { get; set; }

        [Required(ErrorMessage = "Validation_Required"), StringLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Hotels_NameEn")]
        public string NameEn { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation_Required"), StringLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Hotels_NameZh")]
        public string NameZh { get; set; } = string.Empty;

        [Range(0, 100_000, ErrorMessage = "Validation_Range"), Display(Name = "Setup_Seats")]
        public int Capacity { get; set; }

        [Display(Name = "Setup_Opens")]
        public TimeOnly? OpensAt { get; set; }

        [Display(Name = "Setup_Closes")]
        public TimeOnly? ClosesAt { get; set; }

        [StringLength(500, ErrorMessage = "Validation_MaxLength"), Display(Name = "Venues_Equipment")]
        public string? Equipment { get; set; }

        [Range(0, 20, ErrorMessage = "Validation_Range"), Display(Name = "Venues_Booths")]
        public int InterpretationBooths { get; set; }
    }

    public Forum? Forum { get; private set; }
    public IReadOnlyList<Venue> Venues { get; private set; } = [];
    public VenueInput Venue { get; set; } = new();
    public RoomInput Room { get; set; } = new();

    /// <summary>Which form the errors belong to, so that the page shows them there: "venue-{id}", "room-{id}", "new-venue", "new-room-{venue}".</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVenueAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        await TryUpdateModelAsync(Venue, nameof(Venue));
        var name = Venue.NameEn?.Trim() ?? string.Empty;
        if (ModelState.IsValid && Venues.Any(v => v.Id != Venue.Id && v.NameEn == name))
            ModelState.AddModelError("Venue.NameEn", text["Venues_NameTaken"]);
        var venue = Venue.Id is { } id ? await db.Venues.FirstOrDefaultAsync(v => v.Id == id && v.ForumId == Forum!.Id, ct) : new Venue { ForumId = Forum!.Id, NameEn = name, NameZh = Venue.NameZh };
        if (venue is null)
            return NotFound();
        if (!ModelState.IsValid)
        {
            FailedForm = Venue.Id is { } failed ? $"venue-{failed}" : "new-venue";
            return Page();
        }

        var before = Venue.Id is null ? null : $"{venue.NameEn} | {venue.AddressEn} | {venue.MapUrl}";
        venue.NameEn = name;
        venue.NameZh = Venue.NameZh?.Trim() ?? string.Empty;
        venue.AddressEn = Blank(Venue.AddressEn);
        venue.AddressZh = Blank(Venue.AddressZh);
        venue.MapUrl = Blank(Venue.MapUrl);
        if (Venue.Id is null)
            db.Venues.Add(venue);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(Actor().Audit(Forum!.Id, clock.GetUtcNow().UtcDateTime, nameof(Core.Forums.Venue), venue.Id, Venue.Id is null ? "created" : "changed",
            before, $"{venue.NameEn} | {venue.AddressEn} | {venue.MapUrl}"));
        await db.SaveChangesAsync(ct);
        TempData["Status"] = text["Venues_Saved", venue.NameEn].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoomAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        await TryUpdateModelAsync(Room, nameof(Room));
        if (Venues.All(v => v.Id != Room.VenueId))
            return NotFound();
        if ((Room.OpensAt is null) != (Room.ClosesAt is null) || (Room.OpensAt is { } opens && Room.ClosesAt is { } closes && closes <= opens))
            ModelState.AddModelError("Room.ClosesAt", text["Setup_HoursFormat"]);
        var room = Room.Id is { } id
            ? await db.Rooms.FirstOrDefaultAsync(r => r.Id == id && r.ForumId == Forum!.Id, ct)
            : new Core.Forums.Room { ForumId = Forum!.Id, VenueId = Room.VenueId, NameEn = Room.NameEn, NameZh = Room.NameZh };
        if (room is null)
            return NotFound();
        if (!ModelState.IsValid)
        {
            FailedForm = Room.Id is { } failed ? $"room-{failed}" : $"new-room-{Room.VenueId}";
            return Page();
        }

        var before = Room.Id is null ? null : Describe(room);
        room.NameEn = Room.NameEn?.Trim() ?? string.Empty;
        room.NameZh = Room.NameZh?.Trim() ?? string.Empty;
        room.Capacity = Room.Capacity;
        room.OpensAt = Room.OpensAt;
        room.ClosesAt = Room.ClosesAt;
        room.Equipment = Blank(Room.Equipment);
        room.InterpretationBooths = Room.InterpretationBooths;
        if (Room.Id is null)
            db.Rooms.Add(room);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(Actor().Audit(Forum!.Id, clock.GetUtcNow().UtcDateTime, nameof(Core.Forums.Room), room.Id, Room.Id is null ? "created" : "changed", before, Describe(room)));
        await db.SaveChangesAsync(ct);
        TempData["Status"] = text["Venues_Saved", room.NameEn].Value;
        return RedirectToPage();
    }

    private static string Describe(Core.Forums.Room r) => $"{r.NameEn} | {r.Capacity} | {r.OpensAt}-{r.ClosesAt} | {r.Equipment} | booths {r.InterpretationBooths}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private Actor Actor() => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null)
            return false;
        var forumId = Forum.Id;
        Venues = await db.Venues.AsNoTracking().Where(v => v.ForumId == forumId).Include(v => v.Rooms.OrderBy(r => r.Id)).OrderBy(v => v.Id).ToListAsync(ct);
        return true;
    }
}

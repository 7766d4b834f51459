using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Programme;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Programme;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Programme;

/// <summary>What conflict detection needs besides sessions: travel times between venues, and the guests on the programme.</summary>
public sealed class SetupModel(ForumDbContext db, CurrentForum current, ProgrammeSetup setup, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    public const int MaxMinutes = 24 * 60;

    public sealed record Pair(int From, int To, string FromName, string ToName, int? Minutes);

    public sealed record RoomRow(int Id, string Name, int Capacity, TimeOnly? Opens, TimeOnly? Closes);

    /// <summary>Each room's seats and opening hours as posted, by room id: "capacity", "opens", "closes".</summary>
    [BindProperty]
    public Dictionary<string, string?> RoomFields { get; set; } = [];

    public IReadOnlyList<RoomRow> Rooms { get; private set; } = [];
    public Dictionary<string, string> RoomErrors { get; } = [];

    [BindProperty]
    public GuestInput Guest { get; set; } = new();

    [BindProperty]
    public Dictionary<string, string?> Minutes { get; set; } = [];

    public IReadOnlyList<Pair> Pairs { get; private set; } = [];
    public IReadOnlyList<Guest> Guests { get; private set; } = [];
    public Dictionary<string, string> TravelErrors { get; } = [];

    public static string Key(int from, int to) => $"{from}-{to}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTravelAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var forumId = (await current.GetAsync(ct))!.Id;
        var chosen = new Dictionary<(int From, int To), int?>();
        foreach (var pair in Pairs)
        {
            var raw = Minutes.GetValueOrDefault(Key(pair.From, pair.To))?.Trim();
            if (string.IsNullOrEmpty(raw))
            {
                chosen[(pair.From, pair.To)] = null;
            }
            else if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes <= MaxMinutes)
            {
                chosen[(pair.From, pair.To)] = minutes;
            }
            else
            {
                TravelErrors[Key(pair.From, pair.To)] = text["Validation_Range", $"{pair.FromName} → {pair.ToName}", 0, MaxMinutes];
            }
        }

        if (TravelErrors.Count > 0)
        {
            return Page();
        }

        await setup.SaveTravelTimesAsync(forumId, chosen.Where(c => c.Value is not null).Select(c => (c.Key.From, c.Key.To, c.Value!.Value)).ToList(), Actor, ct);
        TempData["Status"] = text["Setup_TravelSaved"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoomsAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var parsed = new List<(int Id, int Capacity, TimeOnly? Opens, TimeOnly? Closes)>();
        foreach (var room in Rooms)
        {
            var capacityText = RoomFields.GetValueOrDefault($"{room.Id}.capacity")?.Trim();
            var opens = ParseTime(RoomFields.GetValueOrDefault($"{room.Id}.opens"), out var opensOk);
            var closes = ParseTime(RoomFields.GetValueOrDefault($"{room.Id}.closes"), out var closesOk);
            if (!int.TryParse(capacityText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var capacity) || capacity > 100_000)
            {
                RoomErrors[$"{room.Id}.capacity"] = text["Validation_Range", room.Name, 0, 100_000];
            }

            if (!opensOk || !closesOk || (opens is null) != (closes is null))
            {
                RoomErrors[$"{room.Id}.hours"] = text["Setup_HoursFormat"];
            }

            parsed.Add((room.Id, capacity, opens, closes));
        }

        if (RoomErrors.Count > 0)
        {
            return Page();
        }

        await setup.SaveRoomsAsync((await current.GetAsync(ct))!.Id, parsed, Actor, ct);
        TempData["Status"] = text["Setup_RoomsSaved"].Value;
        return RedirectToPage();
    }

    private static TimeOnly? ParseTime(string? value, out bool ok)
    {
        ok = true;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        ok = TimeOnly.TryParseExact(value.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var time);
        return ok ? time : null;
    }

    public async Task<IActionResult> OnPostGuestAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!await setup.AddGuestAsync((await current.GetAsync(ct))!.Id, Guest, errors => ModelState.AddErrors(errors), alreadyRefused: !ModelState.IsValid, ct))
        {
            return Page();
        }

        TempData["Status"] = text["Setup_GuestAdded", Guest.NameEn].Value;
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return false;
        }

        var forumId = forum.Id;
        var venues = await db.Venues.AsNoTracking().Where(v => v.ForumId == forumId).OrderBy(v => v.Id).Select(v => new { v.Id, v.NameEn }).ToListAsync(ct);
        var times = await db.VenueTravelTimes.AsNoTracking().Where(t => t.ForumId == forumId).ToListAsync(ct);
        Pairs = venues.SelectMany((a, i) => venues.Skip(i + 1).Select(b => new Pair(a.Id, b.Id, a.NameEn, b.NameEn,
            times.FirstOrDefault(t => t.FromVenueId == a.Id && t.ToVenueId == b.Id)?.Minutes))).ToList();
        Rooms = (await db.Rooms.AsNoTracking().Include(r => r.Venue).Where(r => r.ForumId == forumId).OrderBy(r => r.VenueId).ThenBy(r => r.Id).ToListAsync(ct))
            .Select(r => new RoomRow(r.Id, UiLanguage.Chinese ? $"{r.Venue!.NameZh} · {r.NameZh}" : $"{r.Venue!.NameEn} · {r.NameEn}", r.Capacity, r.OpensAt, r.ClosesAt)).ToList();
        Guests = await db.Guests.AsNoTracking().Where(g => g.ForumId == forumId).OrderBy(g => g.Kind).ThenBy(g => g.NameEn).ToListAsync(ct);
        return true;
    }
}

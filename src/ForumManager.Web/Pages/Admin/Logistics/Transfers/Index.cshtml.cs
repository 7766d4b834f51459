using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Logistics;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Logistics.Transfers;

/// <summary>A day's arrivals board by hour and place, its pickup waves, and the vehicles.</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, TransferPlanning planning, TransportFleet fleet, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Bound only by the handler that adds a place, under its own prefix.</summary>
    public HubInput Hub { get; set; } = new();

    public sealed record HourRow(int Hour, IReadOnlyDictionary<int, int> ByHub, int Total);

    public sealed record WaveRow(int Id, string Hub, DateTime StartUtc, DateTime EndUtc, DateTime DepartsUtc, int Passengers, int Seated, IReadOnlyList<string> Vehicles);

    /// <summary>Bound only by the handler that adds a vehicle, under its own prefix, so other forms on the page never see its rules.</summary>
    public VehicleInput Vehicle { get; set; } = new();

    /// <summary>The window within which arrivals share a wave, in minutes.</summary>
    [BindProperty]
    public int Window { get; set; } = 60;

    /// <summary>From landing to leaving the airport: baggage, immigration, finding the liaison officer.</summary>
    [BindProperty]
    public int Allowance { get; set; } = 45;

    public Forum? Forum { get; private set; }
    public DateOnly Day { get; private set; }
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public IReadOnlyList<TransportHub> Hubs { get; private set; } = [];
    public IReadOnlyList<HourRow> Board { get; private set; } = [];
    public IReadOnlyList<WaveRow> Waves { get; private set; } = [];
    public int NotInWave { get; private set; }
    public IReadOnlyList<Vehicle> Vehicles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(DateOnly? day, CancellationToken ct) => await LoadAsync(day, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPlanAsync(DateOnly? day, CancellationToken ct)
    {
        if (!await LoadAsync(day, ct))
            return NotFound();
        if (Window is < 0 or > 360)
            ModelState.AddModelError(nameof(Window), text["Validation_Range", text["Transfers_Window"], 0, 360]);
        if (Allowance is < 0 or > 240)
            ModelState.AddModelError(nameof(Allowance), text["Validation_Range", text["Transfers_Allowance"], 0, 240]);
        if (!ModelState.IsValid)
            return Page();

        var made = await planning.PlanWavesAsync(Forum!, Day, TimeSpan.FromMinutes(Window), TimeSpan.FromMinutes(Allowance), Actor(), ct);
        TempData["Status"] = text["Transfers_Planned", made].Value;
        return RedirectToPage(new { day = Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>Suggests vehicles for every wave of the day in one go, as the wave page does for one.</summary>
    public async Task<IActionResult> OnPostSuggestDayAsync(DateOnly? day, CancellationToken ct)
    {
        if (!await LoadAsync(day, ct))
            return NotFound();

        var (waves, unseated) = await planning.SuggestVehiclesForDayAsync(Forum!, Day, Actor(), ct);
        var words = waves == 0 ? text["Transfers_NoWavesToSeat"].Value
            : unseated == 0 ? text.Plural("Transfers_DaySeated", waves).Value
            : text.Plural("Transfers_DaySomeUnseated", unseated, waves).Value;
        TempData.Outcome(words, refused: waves == 0 || unseated > 0);
        return RedirectToPage(new { day = Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
    }

    public async Task<IActionResult> OnPostVehicleAsync(DateOnly? day, CancellationToken ct)
    {
        if (!await LoadAsync(day, ct))
            return NotFound();
        await TryUpdateModelAsync(Vehicle, nameof(Vehicle));
        if (!ModelState.IsValid)
            return Page();
        var errors = new FieldErrors();
        if (await fleet.AddVehicleAsync(Forum!, Vehicle, Actor(), errors, ct) is not { } label)
        {
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Status"] = text["Vehicles_Added", label].Value;
        return RedirectToPage(new { day = Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>Adds an airport or station delegates can arrive at and leave from.</summary>
    public async Task<IActionResult> OnPostHubAsync(DateOnly? day, CancellationToken ct)
    {
        if (!await LoadAsync(day, ct))
            return NotFound();
        await TryUpdateModelAsync(Hub, nameof(Hub));
        if (!ModelState.IsValid)
            return Page();
        var errors = new FieldErrors();
        if (await fleet.AddHubAsync(Forum!, Hub, Actor(), errors, ct) is not { } code)
        {
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Status"] = text["Vehicles_Added", code].Value;
        return RedirectToPage(new { day = Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
    }

    private Actor Actor() => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    private async Task<bool> LoadAsync(DateOnly? day, CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null)
            return false;

        var forumId = Forum.Id;
        var zone = Forum.TimeZone;
        Days = TravelAudience.ArrivalDays(Forum);
        Day = day is { } chosen && Days.Contains(chosen) ? chosen : Forum.StartDate;
        var (from, to) = TransferPlanning.DayInUtc(Forum, Day);
        Hubs = await db.TransportHubs.AsNoTracking().Where(h => h.ForumId == forumId).OrderBy(h => h.Mode).ThenBy(h => h.Id).ToListAsync(ct);

        // Counted by the database per place, time of landing (flights share a handful of times, however many are on
        // them) and whether in a wave yet, then each time put in its local hour; no date function runs on every row.
        var counts = await db.Journeys.AsNoTracking()
            .Where(j => j.ForumId == forumId && j.Direction == JourneyDirection.Arrival && j.ScheduledUtc >= from && j.ScheduledUtc < to)
            // "In the approved" rather than "exists an approved one": the database reads the ids from an index once
            // instead of visiting each delegate's row.
            .Where(j => db.Delegates.Where(d => d.ForumId == forumId && d.Status == RegistrationStatus.Approved).Select(d => d.Id).Contains(j.DelegateId))
            .GroupBy(j => new { j.HubId, j.ScheduledUtc, Waiting = j.PickupWaveId == null })
            .Select(g => new { g.Key.HubId, g.Key.ScheduledUtc, g.Key.Waiting, Count = g.Count() })
            .ToListAsync(ct);
        Board = counts.GroupBy(t => ForumTime.ToLocal(t.ScheduledUtc, zone).Hour).OrderBy(g => g.Key)
            .Select(g => new HourRow(g.Key, g.GroupBy(t => t.HubId).ToDictionary(h => h.Key, h => h.Sum(t => t.Count)), g.Sum(t => t.Count))).ToList();
        NotInWave = counts.Where(t => t.Waiting).Sum(t => t.Count);

        var chinese = UiLanguage.Chinese;
        var waves = await db.PickupWaves.AsNoTracking().Where(w => w.ForumId == forumId && w.StartUtc >= from && w.StartUtc < to).OrderBy(w => w.StartUtc)
            .Select(w => new
            {
                w.Id, Hub = chinese ? w.Hub!.NameZh : w.Hub!.NameEn, w.StartUtc, w.EndUtc, w.DepartsUtc,
                Passengers = db.Journeys.Count(j => j.PickupWaveId == w.Id), Seated = db.Journeys.Count(j => j.PickupWaveId == w.Id && j.TransferId != null),
                Vehicles = w.Transfers.OrderBy(t => t.VehicleId).Select(t => t.Vehicle!.Label + " (" + t.Taken + "/" + t.Seats + ")").ToList(),
            }).ToListAsync(ct);
        Waves = waves.Select(w => new WaveRow(w.Id, w.Hub, w.StartUtc, w.EndUtc, w.DepartsUtc, w.Passengers, w.Seated, w.Vehicles)).ToList();
        Vehicles = await db.Vehicles.AsNoTracking().Where(v => v.ForumId == forumId).OrderBy(v => v.Id).ToListAsync(ct);
        return true;
    }
}

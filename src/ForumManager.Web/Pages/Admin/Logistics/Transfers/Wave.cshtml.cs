using ForumManager.Core.Auditing;
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

/// <summary>One pickup wave: its passengers, the vehicles serving it (suggested, then adjusted by hand) and their manifests.</summary>
public sealed class WaveModel(ForumDbContext db, CurrentForum current, TransferPlanning planning, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record PassengerRow(int JourneyId, string LatinName, string? NativeName, string? NativeLanguage, string? Delegation, string Number,
        DateTime ScheduledUtc, string? Terminal, int? TransferId, bool Senior);

    public sealed record TransferRow(int Id, string Label, string? Plate, int Seats, int Taken, string? Driver, string? DriverPhone, string? Liaison);

    public Forum? Forum { get; private set; }
    public PickupWave? Wave { get; private set; }
    public string? HubName { get; private set; }
    public IReadOnlyList<PassengerRow> Passengers { get; private set; } = [];
    public IReadOnlyList<TransferRow> Transfers { get; private set; } = [];
    public IReadOnlyList<Vehicle> FreeVehicles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSuggestAsync(int id, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || !await db.PickupWaves.AnyAsync(w => w.Id == id && w.ForumId == forum.Id, ct))
            return NotFound();

        var unseated = await planning.SuggestVehiclesAsync(forum.Id, id, Actor(), ct);
        TempData["Status"] = unseated == 0 ? text["Transfers_AllSeated"].Value : text["Transfers_SomeUnseated", unseated].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddVehicleAsync(int id, int vehicleId, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await planning.AddVehicleAsync(forum.Id, id, vehicleId, ct) is null)
            return NotFound();
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSeatAsync(int id, int journeyId, int? transferId, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
            return NotFound();

        var outcome = await planning.SeatAsync(forum.Id, journeyId, transferId, Actor(), ct);
        if (outcome == SeatOutcome.NotFound)
            return NotFound();
        TempData.Outcome(text["Transfers_Seat_" + outcome].Value, refused: outcome != SeatOutcome.Seated);
        return RedirectToPage(new { id });
    }

    private Actor Actor() => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null)
            return false;
        var forumId = Forum.Id;
        Wave = await db.PickupWaves.AsNoTracking().Include(w => w.Hub).FirstOrDefaultAsync(w => w.Id == id && w.ForumId == forumId, ct);
        if (Wave is null)
            return false;

        var chinese = UiLanguage.Chinese;
        HubName = chinese ? Wave.Hub!.NameZh : Wave.Hub!.NameEn;
        Passengers = await db.Journeys.AsNoTracking().Where(j => j.PickupWaveId == id)
            .Join(db.Delegates, j => j.DelegateId, d => d.Id, (j, d) => new { j, d })
            .OrderBy(x => x.j.ScheduledUtc).ThenBy(x => x.d.DelegationId).ThenBy(x => x.d.FamilyName)
            .Select(x => new PassengerRow(x.j.Id, x.d.FamilyName.ToUpper() + " " + x.d.GivenName, x.d.NativeName, x.d.NativeNameLanguage,
                x.d.Delegation == null ? null : chinese ? x.d.Delegation.NameZh : x.d.Delegation.NameEn, x.j.Number, x.j.ScheduledUtc, x.j.Terminal, x.j.TransferId,
                x.d.Category == Core.Delegates.DelegateCategory.Vip || x.d.Category == Core.Delegates.DelegateCategory.HeadOfDelegation))
            .ToListAsync(ct);
        Transfers = await db.Transfers.AsNoTracking().Where(t => t.PickupWaveId == id).OrderBy(t => t.VehicleId)
            .Select(t => new TransferRow(t.Id, t.Vehicle!.Label, t.Vehicle.Plate, t.Seats, t.Taken, t.Vehicle.DriverName, t.Vehicle.DriverPhone, t.Vehicle.LiaisonName))
            .ToListAsync(ct);
        var serving = await db.Transfers.AsNoTracking().Where(t => t.PickupWaveId == id).Select(t => t.VehicleId).ToListAsync(ct);
        FreeVehicles = await db.Vehicles.AsNoTracking().Where(v => v.ForumId == forumId && !serving.Contains(v.Id)).OrderBy(v => v.Id).ToListAsync(ct);
        return true;
    }
}

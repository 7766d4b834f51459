using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Logistics;

public sealed class JourneyInput
{
    [Display(Name = "Travel_Mode")]
    public TravelMode Mode { get; set; }

    [StringLength(12, ErrorMessage = "Validation_MaxLength"), Display(Name = "Travel_Number")]
    public string? Number { get; set; }

    [Display(Name = "Travel_Hub")]
    public int? HubId { get; set; }

    [Display(Name = "Travel_Date")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Travel_Time")]
    public TimeOnly? Time { get; set; }

    [StringLength(20, ErrorMessage = "Validation_MaxLength"), Display(Name = "Travel_Terminal")]
    public string? Terminal { get; set; }

    [StringLength(100, ErrorMessage = "Validation_MaxLength"), Display(Name = "Travel_OtherEnd")]
    public string? OtherEnd { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Number) && HubId is null && Date is null && Time is null;
}

public sealed class StayInput
{
    [Display(Name = "Stay_Needed")]
    public bool Needed { get; set; }

    [Display(Name = "Stay_CheckIn")]
    public DateOnly? CheckIn { get; set; }

    [Display(Name = "Stay_CheckOut")]
    public DateOnly? CheckOut { get; set; }

    [Display(Name = "Stay_RoomType")]
    public RoomType Type { get; set; }

    [Display(Name = "Stay_Sharing")]
    public Sharing Sharing { get; set; }

    [Display(Name = "Stay_ShareWith")]
    public int? ShareWith { get; set; }

    [StringLength(500, ErrorMessage = "Validation_MaxLength"), Display(Name = "Stay_Notes")]
    public string? Notes { get; set; }
}

public sealed class TravelInput
{
    public JourneyInput Arrival { get; set; } = new();
    public JourneyInput Departure { get; set; } = new();
    public StayInput Stay { get; set; } = new();
}

/// <summary>What the travel form offers: the places to arrive at, and the people one may share a room with.</summary>
public sealed record TravelOptions(IReadOnlyList<TransportHub> Hubs, IReadOnlyList<(int Id, string Name)> Companions, DateOnly ForumStart, DateOnly ForumEnd);

/// <summary>What a delegate has been given: their room and their pickup, as /me and the reminder show them.</summary>
public sealed record TravelSummary(string? HotelEn, string? HotelZh, string? HotelAddressEn, string? HotelAddressZh, string? RoomNumber,
    RoomType? RoomType, DateOnly? CheckIn, DateOnly? CheckOut, string? ArrivalNumber, DateTime? ArrivalUtc, string? HubEn, string? HubZh,
    string? Terminal, string? Vehicle, string? Plate, string? DriverName, string? DriverPhone, string? LiaisonName, string? LiaisonPhone, DateTime? PickupDepartsUtc);

/// <summary>
/// A delegate's arrival, departure and room request: read, checked and saved in one transaction, by the delegate on
/// /me/travel or by an organizer. A changed flight gives up its pickup seat; a room no longer wanted goes back to its block.
/// </summary>
public sealed class TravelForm(ForumDbContext db, RoomAllocations rooms, TransferPlanning transfers, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<TravelOptions> OptionsAsync(Forum forum, int delegateId, CancellationToken ct)
    {
        var forumId = forum.Id;
        var hubs = await db.TransportHubs.AsNoTracking().Where(h => h.ForumId == forumId).OrderBy(h => h.Mode).ThenBy(h => h.Id).ToListAsync(ct);
        var delegation = await db.Delegates.Where(d => d.Id == delegateId).Select(d => d.DelegationId).FirstOrDefaultAsync(ct);
        var companions = delegation is null ? [] : await db.Delegates.AsNoTracking()
            .Where(d => d.DelegationId == delegation && d.Id != delegateId && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected)
            .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName)
            .Select(d => new { d.Id, Name = d.FamilyName.ToUpper() + " " + d.GivenName + (d.NativeName == null ? "" : " · " + d.NativeName) })
            .ToListAsync(ct);
        return new TravelOptions(hubs, companions.Select(c => (c.Id, c.Name)).ToList(), forum.StartDate, forum.EndDate);
    }

    public async Task<TravelInput> LoadAsync(Forum forum, int delegateId, CancellationToken ct)
    {
        var journeys = await db.Journeys.AsNoTracking().Where(j => j.DelegateId == delegateId).ToListAsync(ct);
        var request = await db.AccommodationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.DelegateId == delegateId, ct);
        JourneyInput From(JourneyDirection direction)
        {
            var journey = journeys.FirstOrDefault(j => j.Direction == direction);
            if (journey is null)
                return new JourneyInput();
            var local = ForumTime.ToLocal(journey.ScheduledUtc, forum.TimeZone);
            return new JourneyInput
            {
                Mode = journey.Mode, Number = journey.Number, HubId = journey.HubId, Date = DateOnly.FromDateTime(local),
                Time = TimeOnly.FromDateTime(local), Terminal = journey.Terminal, OtherEnd = journey.OtherEnd,
            };
        }

        return new TravelInput
        {
            Arrival = From(JourneyDirection.Arrival),
            Departure = From(JourneyDirection.Departure),
            Stay = request is null
                ? new StayInput { CheckIn = forum.StartDate.AddDays(-1), CheckOut = forum.EndDate.AddDays(1) }
                : new StayInput
                {
                    Needed = true, CheckIn = request.CheckIn, CheckOut = request.CheckOut, Type = request.Type, Sharing = request.Sharing,
                    ShareWith = request.ShareWithDelegateId, Notes = request.Notes,
                },
        };
    }

    /// <summary>Checks the input, putting each problem at its field under <paramref name="prefix"/>; saves when there is none.</summary>
    public async Task<bool> SaveAsync(Forum forum, int delegateId, TravelInput input, TravelOptions options, FieldErrors errors, string prefix,
        Actor actor, CancellationToken ct)
    {
        var arrivalUtc = Check(forum, input.Arrival, JourneyDirection.Arrival, options, errors, $"{prefix}.Arrival");
        var departureUtc = Check(forum, input.Departure, JourneyDirection.Departure, options, errors, $"{prefix}.Departure");
        if (arrivalUtc is { } arrives && departureUtc is { } leaves && leaves <= arrives)
            errors.Add($"{prefix}.Departure.Date", text["Travel_DepartureBeforeArrival"]);
        CheckStay(forum, input.Stay, options, errors, $"{prefix}.Stay");
        if (!errors.IsEmpty)
            return false;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await SaveJourneyAsync(forum.Id, delegateId, JourneyDirection.Arrival, input.Arrival, arrivalUtc, now, ct)
            | await SaveJourneyAsync(forum.Id, delegateId, JourneyDirection.Departure, input.Departure, departureUtc, now, ct)
            | await SaveStayAsync(forum.Id, delegateId, input.Stay, now, ct);
        if (changed)
        {
            db.AuditEntries.Add(actor.Audit(forum.Id, now, nameof(Delegate), delegateId, "travel-changed",
                after: $"arrival {input.Arrival.Number} {input.Arrival.Date:yyyy-MM-dd} {input.Arrival.Time:HH\\:mm}; departure {input.Departure.Number} {input.Departure.Date:yyyy-MM-dd} {input.Departure.Time:HH\\:mm}; room {(input.Stay.Needed ? $"{input.Stay.CheckIn:yyyy-MM-dd}–{input.Stay.CheckOut:yyyy-MM-dd} {input.Stay.Type}" : "none")}"));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    public Task<TravelSummary?> SummaryAsync(int delegateId, CancellationToken ct) => TravelSummaries.ForAsync(db, delegateId, ct);

    private DateTime? Check(Forum forum, JourneyInput journey, JourneyDirection direction, TravelOptions options, FieldErrors errors, string prefix)
    {
        if (journey.IsEmpty)
            return null;

        if (string.IsNullOrWhiteSpace(journey.Number))
            errors.Add($"{prefix}.Number", text["Validation_Required", text["Travel_Number"]]);
        if (journey.HubId is not { } hub || options.Hubs.All(h => h.Id != hub))
            errors.Add($"{prefix}.HubId", text["Validation_Required", text["Travel_Hub"]]);
        if (journey.Date is null)
            errors.Add($"{prefix}.Date", text["Validation_Required", text["Travel_Date"]]);
        if (journey.Time is null)
            errors.Add($"{prefix}.Time", text["Validation_Required", text["Travel_Time"]]);
        if (string.IsNullOrWhiteSpace(journey.Number) || journey.Date is not { } date || journey.Time is not { } time)
            return null;

        foreach (var problem in JourneyRules.Check(journey.Mode, journey.Number, direction, date, forum.StartDate, forum.EndDate))
        {
            var field = problem == JourneyProblem.NumberImplausible ? "Number" : "Date";
            errors.Add($"{prefix}.{field}", problem switch
            {
                JourneyProblem.NumberImplausible => text["Travel_NumberImplausible_" + journey.Mode],
                _ => text["Travel_" + problem, Dates.Range(forum.StartDate.AddDays(-JourneyRules.MarginDays), forum.EndDate),
                    Dates.Range(forum.StartDate, forum.EndDate.AddDays(JourneyRules.MarginDays))],
            });
        }

        if (!ForumTime.Exists(date, time, forum.TimeZone))
        {
            errors.Add($"{prefix}.Time", text["Programme_TimeSkipped"]);
            return null;
        }

        return ForumTime.ToUtc(date, time, forum.TimeZone);
    }

    /// <summary>The room request's checks alone, for the registration form, which asks for a room but not yet for flights.</summary>
    public void CheckStay(Forum forum, StayInput stay, TravelOptions options, FieldErrors errors, string prefix)
    {
        if (!stay.Needed)
            return;

        if (stay.CheckIn is null)
            errors.Add($"{prefix}.CheckIn", text["Validation_Required", text["Stay_CheckIn"]]);
        if (stay.CheckOut is null)
            errors.Add($"{prefix}.CheckOut", text["Validation_Required", text["Stay_CheckOut"]]);
        if (stay.CheckIn is { } checkIn && stay.CheckOut is { } checkOut)
        {
            if (checkOut <= checkIn)
                errors.Add($"{prefix}.CheckOut", text["Stay_CheckOutBeforeCheckIn"]);
            else if (checkIn < forum.StartDate.AddDays(-JourneyRules.MarginDays) || checkOut > forum.EndDate.AddDays(JourneyRules.MarginDays))
                errors.Add($"{prefix}.CheckIn", text["Stay_OutsideForum", Dates.Range(forum.StartDate.AddDays(-JourneyRules.MarginDays), forum.EndDate.AddDays(JourneyRules.MarginDays))]);
        }

        if (!Enum.IsDefined(stay.Type))
            errors.Add($"{prefix}.Type", text["Validation_Required", text["Stay_RoomType"]]);
        if (stay.Sharing == Sharing.Named && (stay.ShareWith is not { } with || options.Companions.All(c => c.Id != with)))
            errors.Add($"{prefix}.ShareWith", text["Stay_ChooseCompanion"]);
        if (stay.Sharing != Sharing.Alone && stay.Type is RoomType.Single)
            errors.Add($"{prefix}.Type", text["Stay_SingleCannotShare"]);
        else if (stay.Sharing == Sharing.SameGender && stay.Type != RoomType.Twin)
            errors.Add($"{prefix}.Type", text["Stay_StrangersTwinOnly"]);
    }

    private async Task<bool> SaveJourneyAsync(int forumId, int delegateId, JourneyDirection direction, JourneyInput input, DateTime? utc, DateTime now, CancellationToken ct)
    {
        var journey = await db.Journeys.FirstOrDefaultAsync(j => j.DelegateId == delegateId && j.Direction == direction, ct);
        if (input.IsEmpty)
        {
            if (journey is null)
                return false;
            await transfers.ReleaseSeatAsync(journey.Id, ct);
            db.Journeys.Remove(journey);
            await db.SaveChangesAsync(ct);
            return true;
        }

        var number = JourneyRules.Normalize(input.Mode, input.Number!);
        var terminal = string.IsNullOrWhiteSpace(input.Terminal) ? null : input.Terminal.Trim();
        var otherEnd = string.IsNullOrWhiteSpace(input.OtherEnd) ? null : input.OtherEnd.Trim();
        if (journey is not null && journey.Mode == input.Mode && journey.Number == number && journey.HubId == input.HubId && journey.ScheduledUtc == utc
            && journey.Terminal == terminal && journey.OtherEnd == otherEnd)
            return false;

        if (journey is null)
        {
            journey = new Journey { ForumId = forumId, DelegateId = delegateId, Direction = direction, Number = number };
            db.Journeys.Add(journey);
        }
        else if (journey.HubId != input.HubId || journey.ScheduledUtc != utc)
        {
            // Another time or place: the wave and the seat planned for the old one no longer fit.
            await transfers.ReleaseSeatAsync(journey.Id, ct);
            await db.Entry(journey).ReloadAsync(ct);
            journey.PickupWaveId = null;
        }

        journey.Mode = input.Mode;
        journey.Number = number;
        journey.HubId = input.HubId!.Value;
        journey.ScheduledUtc = utc!.Value;
        journey.Terminal = terminal;
        journey.OtherEnd = otherEnd;
        journey.UpdatedUtc = now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<bool> SaveStayAsync(int forumId, int delegateId, StayInput input, DateTime now, CancellationToken ct)
    {
        var request = await db.AccommodationRequests.FirstOrDefaultAsync(r => r.DelegateId == delegateId, ct);
        if (!input.Needed)
        {
            if (request is null)
                return false;
            db.AccommodationRequests.Remove(request);
            await db.SaveChangesAsync(ct);
            await rooms.VacateAsync(forumId, delegateId, actor: null, ct);
            return true;
        }

        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        var shareWith = input.Sharing == Sharing.Named ? input.ShareWith : null;
        if (request is not null && request.CheckIn == input.CheckIn && request.CheckOut == input.CheckOut && request.Type == input.Type
            && request.Sharing == input.Sharing && request.ShareWithDelegateId == shareWith && request.Notes == notes)
            return false;

        if (request is null)
        {
            request = new AccommodationRequest { ForumId = forumId, DelegateId = delegateId };
            db.AccommodationRequests.Add(request);
        }

        request.CheckIn = input.CheckIn!.Value;
        request.CheckOut = input.CheckOut!.Value;
        request.Type = input.Type;
        request.Sharing = input.Sharing;
        request.ShareWithDelegateId = shareWith;
        request.Notes = notes;
        request.UpdatedUtc = now;
        await db.SaveChangesAsync(ct);

        // A room given for other nights or another type no longer fits: it goes back, and the delegate waits for a new one.
        var room = await db.RoomOccupants.Where(o => o.DelegateId == delegateId).Select(o => o.HotelRoom!.RoomBlock).FirstOrDefaultAsync(ct);
        if (room is not null && (room.Type != request.Type || room.FirstNight > request.CheckIn || room.LastNight < request.CheckOut.AddDays(-1)))
            await rooms.VacateAsync(forumId, delegateId, actor: null, ct);
        return true;
    }
}

using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Logistics;

/// <summary>A vehicle for airport transfers, with its driver and liaison officer.</summary>
public sealed class VehicleInput
{
    [Required(ErrorMessage = "Validation_Required"), StringLength(100, ErrorMessage = "Validation_MaxLength"), Display(Name = "Vehicles_Label")]
    public string Label { get; set; } = string.Empty;

    [StringLength(20, ErrorMessage = "Validation_MaxLength"), Display(Name = "Vehicles_Plate")]
    public string? Plate { get; set; }

    [Range(1, 100, ErrorMessage = "Validation_Range"), Display(Name = "Vehicles_Seats")]
    public int Seats { get; set; } = 45;

    [StringLength(100, ErrorMessage = "Validation_MaxLength"), Display(Name = "Travel_Driver")]
    public string? DriverName { get; set; }

    [StringLength(40, ErrorMessage = "Validation_MaxLength"), Display(Name = "Vehicles_DriverPhone")]
    public string? DriverPhone { get; set; }

    [StringLength(100, ErrorMessage = "Validation_MaxLength"), Display(Name = "Travel_Liaison")]
    public string? LiaisonName { get; set; }

    [StringLength(40, ErrorMessage = "Validation_MaxLength"), Display(Name = "Vehicles_LiaisonPhone")]
    public string? LiaisonPhone { get; set; }
}

/// <summary>An airport or station delegates arrive at and leave from.</summary>
public sealed class HubInput
{
    [Required(ErrorMessage = "Validation_Required"), RegularExpression("^[A-Za-z0-9]{2,8}$", ErrorMessage = "Hubs_CodeFormat"), Display(Name = "Hubs_Code")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required"), StringLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Hotels_NameEn")]
    public string NameEn { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required"), StringLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Hotels_NameZh")]
    public string NameZh { get; set; } = string.Empty;

    [Display(Name = "Travel_Mode")]
    public TravelMode Mode { get; set; }
}

/// <summary>The vehicles and the airports and stations of an edition's transfers, each addition audited.</summary>
public sealed class TransportFleet(ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>Adds a vehicle unless one has its label (said at <c>Vehicle.Label</c>); returns the label, or null.</summary>
    public async Task<string?> AddVehicleAsync(Forum forum, VehicleInput input, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        var label = input.Label?.Trim() ?? string.Empty;
        if (await db.Vehicles.AnyAsync(v => v.ForumId == forum.Id && v.Label == label, ct))
        {
            errors.Add("Vehicle.Label", text["Vehicles_LabelTaken"]);
            return null;
        }

        db.Vehicles.Add(new Vehicle
        {
            ForumId = forum.Id, Label = label, Plate = input.Plate?.Trim(), Seats = input.Seats, DriverName = input.DriverName?.Trim(),
            DriverPhone = input.DriverPhone?.Trim(), LiaisonName = input.LiaisonName?.Trim(), LiaisonPhone = input.LiaisonPhone?.Trim(),
        });
        db.AuditEntries.Add(actor.Audit(forum.Id, clock.GetUtcNow().UtcDateTime, nameof(Vehicle), 0, "created", after: label));
        await db.SaveChangesAsync(ct);
        return label;
    }

    /// <summary>Adds a hub unless one has its code (said at <c>Hub.Code</c>, also when another organizer added it a moment ago); returns the code, or null.</summary>
    public async Task<string?> AddHubAsync(Forum forum, HubInput input, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        var code = input.Code?.Trim().ToUpperInvariant() ?? string.Empty;
        if (await db.TransportHubs.AnyAsync(h => h.ForumId == forum.Id && h.Code == code, ct))
        {
            errors.Add("Hub.Code", text["Hubs_CodeTaken"]);
            return null;
        }

        db.TransportHubs.Add(new TransportHub { ForumId = forum.Id, Code = code, NameEn = input.NameEn.Trim(), NameZh = input.NameZh.Trim(), Mode = input.Mode });
        db.AuditEntries.Add(actor.Audit(forum.Id, clock.GetUtcNow().UtcDateTime, nameof(TransportHub), 0, "created", after: code));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            errors.Add("Hub.Code", text["Hubs_CodeTaken"]);
            return null;
        }

        return code;
    }
}

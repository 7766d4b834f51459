using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Text;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Zones;

public sealed class ZoneInput
{
    /// <summary>Checked by <see cref="ZoneRules.NormalizeCode"/>, which forgives spaces and small letters.</summary>
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(8, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Zones_Code")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Zones_NameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Zones_NameZh")]
    public string? NameZh { get; set; }

    [Display(Name = "Zones_Room")]
    public int? RoomId { get; set; }

    [Range(0, 100_000, ErrorMessage = "Validation_Range")]
    [Display(Name = "Zones_Capacity")]
    public int? Capacity { get; set; }
}

public sealed class CheckpointInput
{
    [Display(Name = "Zones_Zone")]
    public int ZoneId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Zones_CheckpointNameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Zones_CheckpointNameZh")]
    public string? NameZh { get; set; }

    [Display(Name = "Zones_Direction")]
    public CheckpointDirection Direction { get; set; }
}

public sealed class GrantInput
{
    [Display(Name = "Zones_Zone")]
    public int ZoneId { get; set; }

    [Display(Name = "Delegate_Category")]
    public DelegateCategory Category { get; set; }

    /// <summary>A forum day, or none for every day.</summary>
    [Display(Name = "Zones_Day")]
    public DateOnly? Day { get; set; }

    [Display(Name = "Zones_From")]
    public TimeOnly? From { get; set; }

    [Display(Name = "Zones_Until")]
    public TimeOnly? Until { get; set; }
}

/// <summary>The organizers' zones, their doors, the categories' grants and each person's exceptions; every change audited.</summary>
public sealed class ZoneSettings(ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<bool> AddZoneAsync(Forum forum, ZoneInput input, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        var code = ZoneRules.NormalizeCode(input.Code);
        if (code is null)
        {
            errors.Add("Zone.Code", text["Zones_CodeShape"]);
        }
        else if (await db.Zones.AnyAsync(z => z.ForumId == forum.Id && z.Code == code, ct))
        {
            errors.Add("Zone.Code", text["Zones_CodeTaken", code]);
        }

        if (input.RoomId is { } roomId && !await db.Rooms.AnyAsync(r => r.Id == roomId && r.ForumId == forum.Id, ct))
        {
            errors.Add("Zone.RoomId", text["Validation_Choose"]);
        }

        var nameEn = PersonName.Clean(input.NameEn);
        var nameZh = PersonName.Clean(input.NameZh);
        if (nameEn.Length == 0 || nameZh.Length == 0 || !errors.IsEmpty)
        {
            return false;
        }

        var zone = new Zone { ForumId = forum.Id, Code = code!, NameEn = nameEn, NameZh = nameZh, RoomId = input.RoomId, Capacity = input.Capacity };
        db.Zones.Add(zone);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another organizer added the same code meanwhile: the unique index said so.
            db.ChangeTracker.Clear();
            errors.Add("Zone.Code", text["Zones_CodeTaken", code!]);
            return false;
        }

        await AuditAsync(forum.Id, actor, nameof(Zone), zone.Id, "zone-added", JsonSerializer.Serialize(new { zone.Code, zone.NameEn, zone.NameZh, zone.RoomId, zone.Capacity }), ct);
        return true;
    }

    public async Task<bool> DeleteZoneAsync(Forum forum, int zoneId, Actor actor, CancellationToken ct)
    {
        var zone = await db.Zones.FirstOrDefaultAsync(z => z.Id == zoneId && z.ForumId == forum.Id, ct);
        if (zone is null)
        {
            return false;
        }

        db.Zones.Remove(zone);
        db.AuditEntries.Add(actor.Audit(forum.Id, clock.GetUtcNow().UtcDateTime, nameof(Zone), zone.Id, "zone-deleted", before: zone.Code + " " + zone.NameEn));
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> AddCheckpointAsync(Forum forum, CheckpointInput input, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        if (!await db.Zones.AnyAsync(z => z.Id == input.ZoneId && z.ForumId == forum.Id, ct))
        {
            errors.Add("Checkpoint.ZoneId", text["Validation_Choose"]);
        }

        if (!Enum.IsDefined(input.Direction))
        {
            errors.Add("Checkpoint.Direction", text["Validation_Choose"]);
        }

        var nameEn = PersonName.Clean(input.NameEn);
        var nameZh = PersonName.Clean(input.NameZh);
        if (nameEn.Length == 0 || nameZh.Length == 0 || !errors.IsEmpty)
        {
            return false;
        }

        var checkpoint = new ZoneCheckpoint { ForumId = forum.Id, ZoneId = input.ZoneId, NameEn = nameEn, NameZh = nameZh, Direction = input.Direction };
        db.ZoneCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(ct);
        await AuditAsync(forum.Id, actor, nameof(ZoneCheckpoint), checkpoint.Id, "checkpoint-added", JsonSerializer.Serialize(new { checkpoint.ZoneId, nameEn, nameZh, Direction = checkpoint.Direction.ToString() }), ct);
        return true;
    }

    public async Task<bool> DeleteCheckpointAsync(Forum forum, int checkpointId, Actor actor, CancellationToken ct)
    {
        var deleted = await db.ZoneCheckpoints.Where(c => c.Id == checkpointId && c.ForumId == forum.Id).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            await AuditAsync(forum.Id, actor, nameof(ZoneCheckpoint), checkpointId, "checkpoint-deleted", null, ct);
        }

        return deleted > 0;
    }

    public async Task<bool> AddGrantAsync(Forum forum, GrantInput input, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        if (!await db.Zones.AnyAsync(z => z.Id == input.ZoneId && z.ForumId == forum.Id, ct))
        {
            errors.Add("Grant.ZoneId", text["Validation_Choose"]);
        }

        if (!Enum.IsDefined(input.Category))
        {
            errors.Add("Grant.Category", text["Validation_Choose"]);
        }

        if (input.Day is { } day && (day < forum.StartDate || day > forum.EndDate))
        {
            errors.Add("Grant.Day", text["Zones_DayOutside"]);
        }

        if (input.From is { } from && input.Until is { } until && until <= from)
        {
            errors.Add("Grant.Until", text["Zones_UntilBeforeFrom"]);
        }

        if (!errors.IsEmpty)
        {
            return false;
        }

        var grant = new ZoneGrant { ForumId = forum.Id, ZoneId = input.ZoneId, Category = input.Category, Day = input.Day, From = input.From, Until = input.Until };
        db.ZoneGrants.Add(grant);
        await db.SaveChangesAsync(ct);
        await AuditAsync(forum.Id, actor, nameof(ZoneGrant), grant.Id, "grant-added", JsonSerializer.Serialize(new
        {
            grant.ZoneId, Category = grant.Category.ToString(), Day = grant.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            From = grant.From?.ToString("HH:mm", CultureInfo.InvariantCulture), Until = grant.Until?.ToString("HH:mm", CultureInfo.InvariantCulture),
        }), ct);
        return true;
    }

    public async Task<bool> DeleteGrantAsync(Forum forum, int grantId, Actor actor, CancellationToken ct)
    {
        var deleted = await db.ZoneGrants.Where(g => g.Id == grantId && g.ForumId == forum.Id).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            await AuditAsync(forum.Id, actor, nameof(ZoneGrant), grantId, "grant-deleted", null, ct);
        }

        return deleted > 0;
    }

    /// <summary>Gives a person a zone (true), takes it away (false), or leaves it to their category (null).</summary>
    public async Task<bool> SetDelegateZoneAsync(Forum forum, int delegateId, int zoneId, bool? granted, Actor actor, CancellationToken ct)
    {
        if (!await db.Zones.AnyAsync(z => z.Id == zoneId && z.ForumId == forum.Id, ct)
            || !await db.Delegates.AnyAsync(d => d.Id == delegateId && d.ForumId == forum.Id, ct))
        {
            return false;
        }

        var existing = await db.DelegateZones.FirstOrDefaultAsync(z => z.DelegateId == delegateId && z.ZoneId == zoneId, ct);
        var before = existing?.Granted.ToString();
        if (granted is null)
        {
            if (existing is not null)
            {
                db.DelegateZones.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.DelegateZones.Add(new DelegateZone { ForumId = forum.Id, DelegateId = delegateId, ZoneId = zoneId, Granted = granted.Value });
        }
        else
        {
            existing.Granted = granted.Value;
        }

        db.AuditEntries.Add(actor.Audit(forum.Id, clock.GetUtcNow().UtcDateTime, nameof(Core.Delegates.Delegate), delegateId, "zone-exception",
            before, granted?.ToString() + " zone " + zoneId.ToString(CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task AuditAsync(int forumId, Actor actor, string entity, int id, string action, string? after, CancellationToken ct)
    {
        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, entity, id, action, after: after));
        await db.SaveChangesAsync(ct);
    }
}

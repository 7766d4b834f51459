using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using ForumManager.Core.Auditing;
using ForumManager.Core.Protocol;
using ForumManager.Core.Text;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Protocol;

public sealed class SeatLayoutInput
{
    [Display(Name = "Layout_Room")]
    public int RoomId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Layout_NameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Layout_NameZh")]
    public string? NameZh { get; set; }

    [Display(Name = "Layout_Shape")]
    public LayoutShape Shape { get; set; }

    [Display(Name = "Layout_Tables")]
    public int Tables { get; set; } = 1;

    [Display(Name = "Layout_SeatsPerTable")]
    public int SeatsPerTable { get; set; } = 10;

    [Display(Name = "Layout_AisleAfter")]
    public int? AisleAfter { get; set; }

    [Display(Name = "Layout_HeadSeats")]
    public int HeadSeats { get; set; }

    public static SeatLayoutInput From(SeatLayout l) => new()
    {
        RoomId = l.RoomId, NameEn = l.NameEn, NameZh = l.NameZh, Shape = l.Shape, Tables = l.Tables, SeatsPerTable = l.SeatsPerTable,
        AisleAfter = l.AisleAfter, HeadSeats = l.HeadSeats,
    };
}

/// <summary>The rooms' seat layouts: made, changed and deleted by organizers, each change audited.</summary>
public sealed class SeatLayoutEditor(ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>The field a problem of <see cref="SeatLayouts.Problem"/> belongs beside.</summary>
    public static string FieldOf(string problem) => problem switch
    {
        "Layout_SeatsOutOfRange" => nameof(SeatLayoutInput.SeatsPerTable),
        "Layout_HeadSeatsOutOfRange" => nameof(SeatLayoutInput.HeadSeats),
        "Layout_AisleOutOfRange" => nameof(SeatLayoutInput.AisleAfter),
        _ => nameof(SeatLayoutInput.Tables),
    };

    /// <summary>Adds a layout, or changes <paramref name="id"/>; returns its id, or null with the errors at their fields.</summary>
    public async Task<int?> SaveAsync(int forumId, int? id, SeatLayoutInput input, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        var layout = id is { } existing ? await db.SeatLayouts.FirstOrDefaultAsync(l => l.Id == existing && l.ForumId == forumId, ct) : new SeatLayout { NameEn = "", NameZh = "" };
        if (layout is null)
        {
            errors.Add(nameof(input.NameEn), text["Validation_Choose"]);
            return null;
        }

        if (!await db.Rooms.AnyAsync(r => r.Id == input.RoomId && r.ForumId == forumId, ct))
        {
            errors.Add(nameof(input.RoomId), text["Validation_Choose"]);
        }

        if (!Enum.IsDefined(input.Shape))
        {
            errors.Add(nameof(input.Shape), text["Validation_Choose"]);
            return null;
        }

        var before = id is null ? null : JsonSerializer.Serialize(SeatLayoutInput.From(layout));

        // A session seats its own room: a layout in use stays in its room (its sessions choose another layout first).
        if (id is not null && input.RoomId != layout.RoomId)
        {
            var chinese = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
            var users = await db.SessionSeatings.AsNoTracking().Where(s => s.LayoutId == layout.Id)
                .Join(db.Sessions, s => s.SessionId, x => x.Id, (s, x) => chinese ? x.TitleZh : x.TitleEn).ToListAsync(ct);
            if (users.Count > 0)
            {
                errors.Add(nameof(input.RoomId), text["Layout_InUse", chinese ? layout.NameZh : layout.NameEn, string.Join(chinese ? "、" : ", ", users)]);
            }
        }
        var nameEn = PersonName.Clean(input.NameEn);
        var nameZh = PersonName.Clean(input.NameZh);
        if (nameEn.Length == 0)
        {
            errors.Add(nameof(input.NameEn), text["Validation_Required", text["Layout_NameEn"]]);
        }

        if (nameZh.Length == 0)
        {
            errors.Add(nameof(input.NameZh), text["Validation_Required", text["Layout_NameZh"]]);
        }

        // A square or a U is one table; rows have no head seats unless they stand before a head table, and round tables no aisle.
        var single = input.Shape is LayoutShape.HollowSquare or LayoutShape.UShape;
        layout.ForumId = forumId;
        layout.RoomId = input.RoomId;
        layout.NameEn = nameEn;
        layout.NameZh = nameZh;
        layout.Shape = input.Shape;
        layout.Tables = single ? 1 : input.Tables;
        layout.SeatsPerTable = input.SeatsPerTable;
        layout.AisleAfter = SeatLayouts.HasRows(input.Shape) ? input.AisleAfter : null;
        layout.HeadSeats = input.Shape == LayoutShape.HeadTableAndRows ? input.HeadSeats : 0;
        if (SeatLayouts.Problem(layout) is { } problem)
        {
            errors.Add(FieldOf(problem), text[problem]);
        }

        if (nameEn.Length > 0 && await db.SeatLayouts.AnyAsync(l => l.RoomId == input.RoomId && l.NameEn == nameEn && l.Id != layout.Id, ct))
        {
            errors.Add(nameof(input.NameEn), text["Layout_NameTaken"]);
        }

        if (!errors.IsEmpty)
        {
            db.ChangeTracker.Clear();
            return null;
        }

        if (id is null)
        {
            db.SeatLayouts.Add(layout);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            errors.Add(nameof(input.NameEn), text["Layout_NameTaken"]);
            return null;
        }

        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(SeatLayout), layout.Id, id is null ? "layout-added" : "layout-changed",
            before, JsonSerializer.Serialize(SeatLayoutInput.From(layout))));
        await db.SaveChangesAsync(ct);
        return layout.Id;
    }

    /// <summary>Deletes a layout no session uses; one in use is refused, naming the sessions.</summary>
    public async Task<bool> DeleteAsync(int forumId, int id, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        var layout = await db.SeatLayouts.FirstOrDefaultAsync(l => l.Id == id && l.ForumId == forumId, ct);
        if (layout is null)
        {
            errors.Add("Layout", text["Validation_Choose"]);
            return false;
        }

        var chinese = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var users = await db.SessionSeatings.AsNoTracking().Where(s => s.LayoutId == id)
            .Join(db.Sessions, s => s.SessionId, x => x.Id, (s, x) => chinese ? x.TitleZh : x.TitleEn).ToListAsync(ct);
        if (users.Count > 0)
        {
            errors.Add("Layout", text["Layout_InUse", chinese ? layout.NameZh : layout.NameEn, string.Join(chinese ? "、" : ", ", users)]);
            return false;
        }

        db.SeatLayouts.Remove(layout);
        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(SeatLayout), layout.Id, "layout-deleted",
            JsonSerializer.Serialize(SeatLayoutInput.From(layout))));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A session took the layout a moment ago: the foreign key refused the delete.
            db.ChangeTracker.Clear();
            errors.Add("Layout", text["Layout_InUse", layout.NameEn, ""]);
            return false;
        }

        return true;
    }
}

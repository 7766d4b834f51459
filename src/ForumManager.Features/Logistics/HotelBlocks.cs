using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Logistics;

/// <summary>A hotel as the organizers add it.</summary>
public sealed class HotelInput : PlaceInput
{
    [StringLength(40, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_Phone")]
    public string? Phone { get; set; }

    [EmailAddress(ErrorMessage = "Validation_Email"), StringLength(256, ErrorMessage = "Validation_MaxLength"), Display(Name = "Hotels_ReservationsEmail")]
    public string? ReservationsEmail { get; set; }
}

/// <summary>A block of rooms held at a hotel for some nights.</summary>
public sealed class BlockInput
{
    [Display(Name = "Hotels_Hotel")]
    public int HotelId { get; set; }

    [Display(Name = "Stay_RoomType")]
    public RoomType Type { get; set; }

    [Range(1, 5, ErrorMessage = "Validation_Range"), Display(Name = "Hotels_Grade")]
    public int Grade { get; set; } = 2;

    [StringLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Hotels_DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Hotels_DescriptionZh")]
    public string? DescriptionZh { get; set; }

    [Required(ErrorMessage = "Validation_Required"), Display(Name = "Hotels_FirstNight")]
    public DateOnly? FirstNight { get; set; }

    [Required(ErrorMessage = "Validation_Required"), Display(Name = "Hotels_LastNight")]
    public DateOnly? LastNight { get; set; }

    [Range(1, 5000, ErrorMessage = "Validation_Range"), Display(Name = "Hotels_Rooms")]
    public int Rooms { get; set; } = 10;

    [Range(typeof(decimal), "0", "1000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Validation_Range")]
    [Display(Name = "Hotels_Rate")]
    public decimal Rate { get; set; }
}

/// <summary>The hotels of an edition and the blocks of rooms they hold, each change audited.</summary>
public sealed class HotelBlocks(ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>Adds a hotel unless the edition has one of that name (said at <c>Hotel.NameEn</c>).</summary>
    public async Task<Hotel?> AddHotelAsync(Forum forum, HotelInput input, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        var name = input.NameEn?.Trim() ?? string.Empty;
        if (await db.Hotels.AnyAsync(h => h.ForumId == forum.Id && h.NameEn == name, ct))
        {
            errors.Add("Hotel.NameEn", text["Hotels_NameTaken"]);
            return null;
        }

        var hotel = new Hotel
        {
            ForumId = forum.Id, NameEn = name, NameZh = input.NameZh?.Trim() ?? string.Empty, AddressEn = input.AddressEn?.Trim(), AddressZh = input.AddressZh?.Trim(),
            MapUrl = input.MapUrl, Phone = input.Phone?.Trim(), ReservationsEmail = input.ReservationsEmail?.Trim(),
        };
        db.Hotels.Add(hotel);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(actor.Audit(forum.Id, clock.GetUtcNow().UtcDateTime, nameof(Hotel), hotel.Id, "created", after: hotel.NameEn));
        await db.SaveChangesAsync(ct);
        return hotel;
    }

    /// <summary>The checks a block needs beyond its fields' own (keys under <c>Block.</c>).</summary>
    public void CheckBlock(BlockInput input, IReadOnlyCollection<int> hotelIds, FieldErrors errors)
    {
        if (!hotelIds.Contains(input.HotelId))
        {
            errors.Add("Block.HotelId", text["Validation_Required", text["Hotels_Hotel"]]);
        }

        if (input.FirstNight is { } first && input.LastNight is { } last && last < first)
        {
            errors.Add("Block.LastNight", text["Hotels_LastNightBeforeFirst"]);
        }
    }

    public async Task AddBlockAsync(Forum forum, BlockInput input, Actor actor, CancellationToken ct)
    {
        var block = new RoomBlock
        {
            ForumId = forum.Id, HotelId = input.HotelId, Type = input.Type, Grade = input.Grade, DescriptionEn = input.DescriptionEn?.Trim(),
            DescriptionZh = input.DescriptionZh?.Trim(), FirstNight = input.FirstNight!.Value, LastNight = input.LastNight!.Value, Rooms = input.Rooms, Rate = input.Rate,
        };
        db.RoomBlocks.Add(block);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(actor.Audit(forum.Id, clock.GetUtcNow().UtcDateTime, nameof(RoomBlock), block.Id, "created", after: $"{block.Type} ×{block.Rooms}"));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Changes the number of rooms in blocks (id → (rooms now, allocated, wanted)); never below the rooms already given
    /// out, which the database refuses too. Returns each refused block's message.
    /// </summary>
    public async Task<Dictionary<int, string>> SetRoomsAsync(Forum forum, IEnumerable<(int Id, int Rooms, int Allocated, int Wanted)> changes, Actor actor, CancellationToken ct)
    {
        var refused = new Dictionary<int, string>();
        foreach (var (id, rooms, allocated, wanted) in changes)
        {
            if (wanted is < 1 or > 5000)
            {
                refused[id] = text["Validation_Range", text["Hotels_Rooms"], 1, 5000];
            }
            else if (await db.RoomBlocks.Where(b => b.Id == id && b.ForumId == forum.Id && b.Allocated <= wanted)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Rooms, wanted), ct) == 0)
            {
                refused[id] = text["Hotels_RoomsBelowAllocated", allocated];
            }
            else
            {
                db.AuditEntries.Add(actor.Audit(forum.Id, clock.GetUtcNow().UtcDateTime, nameof(RoomBlock), id, "rooms",
                    rooms.ToString(CultureInfo.InvariantCulture), wanted.ToString(CultureInfo.InvariantCulture)));
            }
        }

        await db.SaveChangesAsync(ct);
        return refused;
    }
}

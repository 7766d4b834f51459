using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Programme;
using ForumManager.Core.Text;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Programme;

/// <summary>A guest on the programme who is not a delegate: an interpreter, a speaker from outside, a host official.</summary>
public sealed class GuestInput
{
    [Display(Name = "Guests_Kind")]
    public GuestKind Kind { get; set; } = GuestKind.Interpreter;

    [Required(ErrorMessage = "Validation_Required"), StringLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Guests_NameEn")]
    public string NameEn { get; set; } = string.Empty;

    [StringLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Guests_NameZh")]
    public string? NameZh { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Guests_TitleEn")]
    public string? TitleEn { get; set; }
}

/// <summary>What conflict detection needs besides sessions: travel times between venues, rooms' seats and hours, and guests.</summary>
public sealed class ProgrammeSetup(ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>Replaces the edition's travel times (from venue, to venue, minutes) in one transaction.</summary>
    public async Task SaveTravelTimesAsync(int forumId, IReadOnlyList<(int From, int To, int Minutes)> times, Actor actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.VenueTravelTimes.Where(t => t.ForumId == forumId).ExecuteDeleteAsync(ct);
        foreach (var (from, to, minutes) in times)
        {
            db.VenueTravelTimes.Add(new VenueTravelTime { ForumId = forumId, FromVenueId = from, ToVenueId = to, Minutes = minutes });
        }

        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(VenueTravelTime), forumId, "travel-times",
            after: string.Join("; ", times.Select(t => $"{t.From}-{t.To}: {t.Minutes}"))));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Sets rooms' seats and opening hours (the edition's rooms only).</summary>
    public async Task SaveRoomsAsync(int forumId, IReadOnlyList<(int Id, int Capacity, TimeOnly? Opens, TimeOnly? Closes)> rooms, Actor actor, CancellationToken ct)
    {
        var held = await db.Rooms.Where(r => r.ForumId == forumId).ToDictionaryAsync(r => r.Id, ct);
        foreach (var (id, capacity, opens, closes) in rooms.Where(r => held.ContainsKey(r.Id)))
        {
            held[id].Capacity = capacity;
            held[id].OpensAt = opens;
            held[id].ClosesAt = closes;
        }

        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, "Room", forumId, "rooms",
            after: string.Join("; ", rooms.Select(p => $"{p.Id}: {p.Capacity} {p.Opens}-{p.Closes}"))));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Adds a guest once the names are clean and hold no markup; the problems go to <paramref name="refused"/> (keys under
    /// <c>Guest.</c>). With <paramref name="alreadyRefused"/> (the form had problems of its own) it only checks.
    /// </summary>
    public async Task<bool> AddGuestAsync(int forumId, GuestInput guest, Action<FieldErrors> refused, bool alreadyRefused, CancellationToken ct)
    {
        guest.NameEn = PersonName.Clean(guest.NameEn);
        guest.NameZh = PersonName.CleanOrNull(guest.NameZh);
        guest.TitleEn = PersonName.CleanOrNull(guest.TitleEn);
        var errors = new FieldErrors();
        if (!Enum.IsDefined(guest.Kind))
        {
            errors.Add("Guest.Kind", text["Validation_Choose"]);
        }

        foreach (var (field, value) in new[] { ("Guest.NameEn", guest.NameEn), ("Guest.NameZh", guest.NameZh), ("Guest.TitleEn", guest.TitleEn) })
        {
            if (value is not null && value.IndexOfAny(['<', '>']) >= 0)
            {
                errors.Add(field, text["Validation_NoMarkup"]);
            }
        }

        if (guest.NameEn.Length == 0)
        {
            errors.Add("Guest.NameEn", text["Validation_Required", text["Guests_NameEn"]]);
        }

        refused(errors);
        if (!errors.IsEmpty || alreadyRefused)
        {
            return false;
        }

        db.Guests.Add(new Guest { ForumId = forumId, Kind = guest.Kind, NameEn = guest.NameEn, NameZh = guest.NameZh, TitleEn = guest.TitleEn });
        await db.SaveChangesAsync(ct);
        return true;
    }
}

using ForumManager.Core.Logistics;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Logistics;

/// <summary>A delegate's room and pickup as the organizers have given them: for /me, the travel page and notices.</summary>
public static class TravelSummaries
{
    public static async Task<TravelSummary?> ForAsync(ForumDbContext db, int delegateId, CancellationToken ct)
    {
        var room = await db.RoomOccupants.AsNoTracking().Where(o => o.DelegateId == delegateId)
            .Select(o => new
            {
                o.HotelRoom!.RoomBlock!.Hotel!.NameEn, o.HotelRoom.RoomBlock.Hotel.NameZh, o.HotelRoom.RoomBlock.Hotel.AddressEn, o.HotelRoom.RoomBlock.Hotel.AddressZh,
                o.HotelRoom.RoomNumber, o.HotelRoom.RoomBlock.Type,
            }).FirstOrDefaultAsync(ct);
        var request = await db.AccommodationRequests.AsNoTracking().Where(r => r.DelegateId == delegateId).Select(r => new { r.CheckIn, r.CheckOut }).FirstOrDefaultAsync(ct);
        var arrival = await db.Journeys.AsNoTracking().Where(j => j.DelegateId == delegateId && j.Direction == JourneyDirection.Arrival)
            .Select(j => new
            {
                j.Number, j.ScheduledUtc, HubEn = j.Hub!.NameEn, HubZh = j.Hub.NameZh, j.Terminal,
                Vehicle = j.Transfer == null ? null : j.Transfer.Vehicle!.Label, Plate = j.Transfer == null ? null : j.Transfer.Vehicle!.Plate,
                Driver = j.Transfer == null ? null : j.Transfer.Vehicle!.DriverName, DriverPhone = j.Transfer == null ? null : j.Transfer.Vehicle!.DriverPhone,
                Liaison = j.Transfer == null ? null : j.Transfer.Vehicle!.LiaisonName, LiaisonPhone = j.Transfer == null ? null : j.Transfer.Vehicle!.LiaisonPhone,
                Departs = j.Transfer == null ? (DateTime?)null : j.Transfer.PickupWave!.DepartsUtc,
            }).FirstOrDefaultAsync(ct);
        if (room is null && request is null && arrival is null)
            return null;

        return new TravelSummary(room?.NameEn, room?.NameZh, room?.AddressEn, room?.AddressZh, room?.RoomNumber, room?.Type, request?.CheckIn, request?.CheckOut,
            arrival?.Number, arrival?.ScheduledUtc, arrival?.HubEn, arrival?.HubZh, arrival?.Terminal, arrival?.Vehicle, arrival?.Plate,
            arrival?.Driver, arrival?.DriverPhone, arrival?.Liaison, arrival?.LiaisonPhone, arrival?.Departs);
    }
}

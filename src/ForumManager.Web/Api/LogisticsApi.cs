using ForumManager.Core.Integrations;
using ForumManager.Core.Logistics;
using ForumManager.Data;
using ForumManager.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Api;

public sealed record ApiRoomBlock(int Id, RoomType Type, int Grade, Bilingual Description, DateOnly FirstNight, DateOnly LastNight, int Rooms, int Allocated);

public sealed record ApiHotel(int Id, Bilingual Name, Bilingual Address, string? MapUrl, string? Phone, string? ReservationsEmail, IReadOnlyList<ApiRoomBlock> Blocks);

public sealed record ApiHotelRoom(int Id, int BlockId, RoomType Type, string? RoomNumber, IReadOnlyList<int> Occupants);

public sealed record ApiAllocation(int Id, int DelegateId, int HotelId, int RoomId, string? RoomNumber, RoomType Type, DateOnly FirstNight, DateOnly LastNight);

public sealed record ApiHub(int Id, string Code, Bilingual Name);

public sealed record ApiJourney(int Id, int DelegateId, JourneyDirection Direction, TravelMode Mode, string Number, ApiHub Hub, DateTime ScheduledUtc,
    string? Terminal, string? OtherEnd, int? PickupWaveId, int? TransferId, DateTime UpdatedUtc);

public sealed record ApiVehicle(int Id, string Label, string? Plate, int Seats, string? DriverName, string? DriverPhone, string? LiaisonName, string? LiaisonPhone);

public sealed record ApiTransfer(int Id, int PickupWaveId, JourneyDirection Direction, ApiHub Hub, DateTime DepartsUtc, DateTime WaveStartUtc,
    DateTime WaveEndUtc, ApiVehicle Vehicle, int Seats, int Taken, IReadOnlyList<int> Passengers);

/// <summary><c>/hotels</c>, <c>/allocations</c>, <c>/arrivals</c> and <c>/transfers</c>: what the hotel's and the drivers' systems need.</summary>
public static class LogisticsApi
{
    public static RouteGroupBuilder MapLogisticsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/hotels", HotelsAsync).RequireScope(ApiScopes.LogisticsRead)
            .WithName("listHotels").WithSummary("Hotels and their room blocks")
            .Produces<ApiPage<ApiHotel>>().Produces(StatusCodes.Status304NotModified);
        api.MapGet("/hotels/{id:int}/rooms", RoomsAsync).RequireScope(ApiScopes.LogisticsRead)
            .WithName("listHotelRooms").WithSummary("A hotel's rooms and who sleeps in each")
            .Produces<ApiPage<ApiHotelRoom>>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/allocations", AllocationsAsync).RequireScope(ApiScopes.LogisticsRead)
            .WithName("listAllocations").WithSummary("Room allocations (one per person and room), paged by id")
            .WithDescription("Filter: hotel (id).")
            .Produces<ApiPage<ApiAllocation>>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem();
        api.MapGet("/arrivals", ArrivalsAsync).RequireScope(ApiScopes.LogisticsRead)
            .WithName("listJourneys").WithSummary("Journeys (arrivals and departures), paged by id")
            .WithDescription("Filter: direction (arrival or departure; arrival when left out, all for both).")
            .Produces<ApiPage<ApiJourney>>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem();
        api.MapGet("/transfers", TransfersAsync).RequireScope(ApiScopes.LogisticsRead)
            .WithName("listTransfers").WithSummary("Airport and station transfers: vehicle, driver, wave and passengers, paged by id")
            .Produces<ApiPage<ApiTransfer>>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> HotelsAsync(HttpContext http, ForumDbContext db, CancellationToken ct)
    {
        var forumId = http.User.ForumId();
        var hotels = await db.Hotels.AsNoTracking().Where(h => h.ForumId == forumId).Include(h => h.Blocks).OrderBy(h => h.Id).ToListAsync(ct);
        var items = hotels.Select(h => new ApiHotel(h.Id, new(h.NameEn, h.NameZh), new(h.AddressEn, h.AddressZh), h.MapUrl, h.Phone, h.ReservationsEmail,
            h.Blocks.OrderBy(b => b.Id).Select(b => new ApiRoomBlock(b.Id, b.Type, b.Grade, new(b.DescriptionEn, b.DescriptionZh), b.FirstNight, b.LastNight,
                b.Rooms, b.Allocated)).ToList())).ToList();
        return ApiAnswers.Read(http, new ApiPage<ApiHotel>(items, null));
    }

    private static async Task<IResult> RoomsAsync(int id, HttpContext http, ForumDbContext db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var forumId = http.User.ForumId();
        if (!await db.Hotels.AnyAsync(h => h.Id == id && h.ForumId == forumId, ct))
        {
            return ApiAnswers.NotFound(text);
        }

        var rooms = await db.HotelRooms.AsNoTracking().Where(r => r.ForumId == forumId && r.RoomBlock!.HotelId == id).OrderBy(r => r.Id)
            .Select(r => new ApiHotelRoom(r.Id, r.RoomBlockId, r.RoomBlock!.Type, r.RoomNumber, r.Occupants.OrderBy(o => o.Id).Select(o => o.DelegateId).ToList()))
            .ToListAsync(ct);
        return ApiAnswers.Read(http, new ApiPage<ApiHotelRoom>(rooms, null));
    }

    private static async Task<IResult> AllocationsAsync(HttpContext http, ForumDbContext db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var query = new ApiListQuery(http, text);
        var limit = query.Limit();
        var after = query.After();
        var hotel = query.Id("hotel");
        if (!query.IsValid)
        {
            return ApiAnswers.Invalid(text, query.Errors);
        }

        var forumId = http.User.ForumId();
        var rows = db.RoomOccupants.AsNoTracking().Where(o => o.ForumId == forumId && o.Id > after);
        if (hotel is { } hotelId)
        {
            rows = rows.Where(o => o.HotelRoom!.RoomBlock!.HotelId == hotelId);
        }

        var items = await rows.OrderBy(o => o.Id).Take(limit)
            .Select(o => new ApiAllocation(o.Id, o.DelegateId, o.HotelRoom!.RoomBlock!.HotelId, o.HotelRoomId, o.HotelRoom.RoomNumber, o.HotelRoom.RoomBlock.Type,
                o.HotelRoom.RoomBlock.FirstNight, o.HotelRoom.RoomBlock.LastNight))
            .ToListAsync(ct);
        return ApiAnswers.Read(http, ApiListQuery.Page(items, limit, a => a.Id));
    }

    private static async Task<IResult> ArrivalsAsync(HttpContext http, ForumDbContext db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var query = new ApiListQuery(http, text);
        var limit = query.Limit();
        var after = query.After();
        var all = query.Get("direction") == "all";
        JourneyDirection? direction = all ? null : query.Enum<JourneyDirection>("direction") ?? JourneyDirection.Arrival;
        if (!query.IsValid)
        {
            return ApiAnswers.Invalid(text, query.Errors);
        }

        var forumId = http.User.ForumId();
        var rows = db.Journeys.AsNoTracking().Where(j => j.ForumId == forumId && j.Id > after);
        if (direction is { } wanted)
        {
            rows = rows.Where(j => j.Direction == wanted);
        }

        var items = (await rows.OrderBy(j => j.Id).Take(limit).Include(j => j.Hub).ToListAsync(ct))
            .Select(j => new ApiJourney(j.Id, j.DelegateId, j.Direction, j.Mode, j.Number, Hub(j.Hub!), ForumApi.Utc(j.ScheduledUtc), j.Terminal, j.OtherEnd,
                j.PickupWaveId, j.TransferId, ForumApi.Utc(j.UpdatedUtc)))
            .ToList();
        return ApiAnswers.Read(http, ApiListQuery.Page(items, limit, j => j.Id));
    }

    private static async Task<IResult> TransfersAsync(HttpContext http, ForumDbContext db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var query = new ApiListQuery(http, text);
        var limit = query.Limit();
        var after = query.After();
        if (!query.IsValid)
        {
            return ApiAnswers.Invalid(text, query.Errors);
        }

        var forumId = http.User.ForumId();
        var transfers = await db.Transfers.AsNoTracking().Where(t => t.ForumId == forumId && t.Id > after).OrderBy(t => t.Id).Take(limit)
            .Include(t => t.Vehicle).Include(t => t.PickupWave).ThenInclude(w => w!.Hub).ToListAsync(ct);
        var ids = transfers.Select(t => t.Id).ToList();
        var passengers = (await db.Journeys.AsNoTracking().Where(j => j.TransferId != null && ids.Contains(j.TransferId.Value))
                .OrderBy(j => j.Id).Select(j => new { TransferId = j.TransferId!.Value, j.DelegateId }).ToListAsync(ct))
            .ToLookup(j => j.TransferId, j => j.DelegateId);
        var items = transfers.Select(t => new ApiTransfer(t.Id, t.PickupWaveId, t.PickupWave!.Direction, Hub(t.PickupWave.Hub!), ForumApi.Utc(t.PickupWave.DepartsUtc),
                ForumApi.Utc(t.PickupWave.StartUtc), ForumApi.Utc(t.PickupWave.EndUtc),
                new ApiVehicle(t.Vehicle!.Id, t.Vehicle.Label, t.Vehicle.Plate, t.Vehicle.Seats, t.Vehicle.DriverName, t.Vehicle.DriverPhone,
                    t.Vehicle.LiaisonName, t.Vehicle.LiaisonPhone),
                t.Seats, t.Taken, passengers[t.Id].ToList()))
            .ToList();
        return ApiAnswers.Read(http, ApiListQuery.Page(items, limit, t => t.Id));
    }

    private static ApiHub Hub(TransportHub hub) => new(hub.Id, hub.Code, new(hub.NameEn, hub.NameZh));
}

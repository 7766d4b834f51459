using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Data;
using ForumManager.Features.Text;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Logistics;

/// <summary>Choosing people by when they arrive and where they sleep: for notices ("everyone landing on 23 June") and badge batches.</summary>
public static class TravelAudience
{
    public static IQueryable<Delegate> Apply(IQueryable<Delegate> query, ForumDbContext db, Forum forum, DateOnly? arrivalDay, int? hotel)
    {
        if (arrivalDay is { } day)
        {
            var (from, to) = TransferPlanning.DayInUtc(forum, day);
            query = query.Where(d => db.Journeys.Any(j => j.DelegateId == d.Id && j.Direction == JourneyDirection.Arrival && j.ScheduledUtc >= from && j.ScheduledUtc < to));
        }

        if (hotel is { } hotelId)
            query = query.Where(d => db.RoomOccupants.Any(o => o.DelegateId == d.Id && o.HotelRoom!.RoomBlock!.HotelId == hotelId));
        return query;
    }

    /// <summary>The days people arrive on: from a week before the forum to its last day.</summary>
    public static IReadOnlyList<DateOnly> ArrivalDays(Forum forum) =>
        Enumerable.Range(-JourneyRules.MarginDays, forum.EndDate.DayNumber - forum.StartDate.DayNumber + JourneyRules.MarginDays + 1).Select(forum.StartDate.AddDays).ToList();

    public static async Task<IReadOnlyList<(int Id, string Name)>> HotelsAsync(ForumDbContext db, int forumId, CancellationToken ct)
    {
        var chinese = UiLanguage.Chinese;
        var hotels = await db.Hotels.AsNoTracking().Where(h => h.ForumId == forumId).OrderBy(h => h.Id)
            .Select(h => new { h.Id, Name = chinese ? h.NameZh : h.NameEn }).ToListAsync(ct);
        return hotels.Select(h => (h.Id, h.Name)).ToList();
    }
}

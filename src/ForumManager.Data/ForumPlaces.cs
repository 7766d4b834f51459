using Microsoft.EntityFrameworkCore;

namespace ForumManager.Data;

/// <summary>
/// The forum's places, counted by the database: a place is taken by one conditional UPDATE, so two registrations
/// arriving together can never both take the last place (a check constraint backs this up).
/// </summary>
public sealed class ForumPlaces(ForumDbContext db)
{
    /// <returns>true when a place was free and is now taken.</returns>
    public async Task<bool> TryTakeAsync(int forumId, CancellationToken ct) =>
        await db.Forums
            .Where(f => f.Id == forumId && (f.Capacity == null || f.PlacesTaken < f.Capacity))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.PlacesTaken, f => f.PlacesTaken + 1), ct) == 1;

    public Task ReleaseAsync(int forumId, CancellationToken ct) =>
        db.Forums
            .Where(f => f.Id == forumId && f.PlacesTaken > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.PlacesTaken, f => f.PlacesTaken - 1), ct);
}

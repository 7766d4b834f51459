using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using ForumManager.Features.Instances;

namespace ForumManager.Features.Forums;

/// <summary>The forum and its headline numbers for the public home page.</summary>
public sealed record HomeFigures(Forum Forum, int Delegates, int Cities, int Countries);

/// <summary>
/// The home page is the most visited page and its numbers change slowly, so they are read at most every
/// <see cref="Lifetime"/> per app instance; a change to the forum's settings is seen on every instance at once.
/// </summary>
public sealed class HomeFiguresCache(InstanceCaches cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const string Key = "home-figures";

    public Task<HomeFigures?> GetAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync(Key, Lifetime, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await LoadAsync(scope.ServiceProvider.GetRequiredService<ForumDbContext>(), ct);
        });

    public void Forget() => cache.Forget(Key);

    private static async Task<HomeFigures?> LoadAsync(ForumDbContext db, CancellationToken ct)
    {
        var forum = await new CurrentForum(db).GetAsync(ct);
        if (forum is null)
        {
            return null;
        }

        var forumId = forum.Id;
        var attending = db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && d.Status == RegistrationStatus.Approved);
        var delegates = await attending.CountAsync(ct);
        var cities = await attending.Where(d => d.Delegation != null && d.Delegation.PartnerCityId != null)
            .Select(d => d.Delegation!.PartnerCityId).Distinct().CountAsync(ct);
        var countries = await attending.Select(d => d.CountryCode).Distinct().CountAsync(ct);
        return new HomeFigures(forum, delegates, cities, countries);
    }
}

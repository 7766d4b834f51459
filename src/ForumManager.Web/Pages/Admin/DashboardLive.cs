using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Features.Forums;
using ForumManager.Features.Instances;
using ForumManager.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.Admin;

/// <summary>
/// The dashboard's headline figures (registrations by status, and checked in at the main desk), pushed to organizers'
/// browsers whenever a registration or a check-in changes on any instance.
/// </summary>
public static class DashboardLive
{
    public sealed record Figures(int Registered, int Pending, int Approved, int Waitlisted, int CheckedIn);

    public static IEndpointRouteBuilder MapDashboardLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/live", LiveAsync).RequireAuthorization(Policies.Organizer);
        return app;
    }

    public static async Task<Figures> ReadAsync(ForumDbContext db, int forumId, CancellationToken ct)
    {
        var statuses = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId)
            .GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(RegistrationStatus status) => statuses.FirstOrDefault(s => s.Key == status)?.Count ?? 0;
        var checkedIn = await db.CheckIns.CountAsync(c => c.ForumId == forumId && c.Checkpoint == Checkpoints.Main, ct);
        return new Figures(statuses.Sum(s => s.Count), Count(RegistrationStatus.Submitted), Count(RegistrationStatus.Approved),
            Count(RegistrationStatus.Waitlisted), checkedIn);
    }

    private static async Task LiveAsync(HttpContext http, CurrentForum current, ForumDbContext db)
    {
        if (await current.GetAsync(http.RequestAborted) is not { } forum)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await LiveEvents.StreamAsync(http, forum.Id, "figures", [SignalTopics.RegistrationsChanged, SignalTopics.CheckInsChanged],
            async ct => await ReadAsync(db, forum.Id, ct));
    }
}

using System.Globalization;
using System.Text.Json.Serialization;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features.CheckIns;
using ForumManager.Features.Forums;
using ForumManager.Features.Instances;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.CheckIns;

/// <summary>
/// The desk's JSON endpoints: scans (the desk page sends every scan here, online or from its offline queue) and
/// the live counts. Only JSON is accepted, so a form on another site cannot post a scan with a staff cookie.
/// </summary>
public static class CheckInApi
{
    public sealed record ScanRequest(
        [property: JsonPropertyName("token")] string? Token,
        [property: JsonPropertyName("checkpoint")] string? Checkpoint,
        [property: JsonPropertyName("scanId")] string? ScanId,
        [property: JsonPropertyName("scannedAt")] DateTimeOffset? ScannedAt = null);

    /// <summary>How far ahead of the server's clock a desk's clock may run before its scan time is refused.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public static IEndpointRouteBuilder MapCheckInApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/checkin/api").RequireAuthorization(Policies.Staff).DisableAntiforgery();
        api.MapPost("/scans", ScanAsync).Accepts<ScanRequest>("application/json");
        api.MapGet("/counts", CountsAsync);
        api.MapGet("/live", LiveAsync);
        api.MapGet("/roster", DeskRosterEndpoint.RosterAsync);
        api.MapGet("/occupancy", OccupancyAsync);
        return app;
    }

    private static async Task<IResult> ScanAsync(HttpContext http, ScanRequest? request, CurrentForum current, CheckInDesk desk, TimeProvider clock, CancellationToken ct)
    {
        if (!(http.Request.ContentType ?? string.Empty).StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return Results.NotFound();
        }

        var checkpoint = string.IsNullOrWhiteSpace(request?.Checkpoint) ? Checkpoints.Main : request.Checkpoint.Trim();
        if (request?.ScanId is { Length: > 64 } || !await desk.IsCheckpointAsync(forum.Id, checkpoint, ct))
        {
            return Results.BadRequest(new { error = "unknown-checkpoint-or-scan-id" });
        }

        // A desk that was offline sends when it scanned: not in the future beyond a clock's drift, not before the day
        // ahead of the forum's first.
        var scannedUtc = request?.ScannedAt?.UtcDateTime;
        if (scannedUtc is { } madeAt && (madeAt > clock.GetUtcNow().UtcDateTime + ClockSkew
            || madeAt < Core.Forums.ForumTime.ToUtc(forum.StartDate.AddDays(-1), TimeOnly.MinValue, forum.TimeZone)))
        {
            return Results.BadRequest(new { error = "scanned-at-out-of-range" });
        }

        var answer = await desk.ScanAsync(forum.Id, request?.Token, checkpoint, request?.ScanId, http.User.Identity?.Name ?? "staff", ct, scannedUtc);
        return Results.Json(new
        {
            result = answer.Result,
            @delegate = answer.Delegate,
            checkedInAt = answer.CheckedInUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : (DateTime?)null,
            checkedInBy = answer.CheckedInBy,
            reason = answer.Reason,
        }, statusCode: answer.Result == ScanResults.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status200OK);
    }

    private static async Task<IResult> OccupancyAsync(CurrentForum current, Features.Zones.ZoneAccess zones, CancellationToken ct) =>
        await current.GetAsync(ct) is { } forum
            ? Results.Json((await zones.OccupancyAsync(forum.Id, ct)).Select(z => new { z.ZoneId, z.Code, z.Inside, z.Holds, z.Full }))
            : Results.NotFound();

    /// <summary>The counts of <see cref="CountsAsync"/>, pushed to the desk whenever a check-in is kept on any instance.</summary>
    private static async Task LiveAsync(HttpContext http, string? checkpoint, CurrentForum current, ForumDbContext db)
    {
        if (await current.GetAsync(http.RequestAborted) is not { } forum)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var at = string.IsNullOrWhiteSpace(checkpoint) ? Checkpoints.Main : checkpoint;
        await LiveEvents.StreamAsync(http, forum.Id, "counts", [SignalTopics.CheckInsChanged, SignalTopics.RegistrationsChanged],
            async ct => await CheckInCounts.ForAsync(db, forum.Id, at, UiLanguage.Chinese, ct));
    }

    private static async Task<IResult> CountsAsync(string? checkpoint, CurrentForum current, ForumDbContext db, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return Results.NotFound();
        }

        var counts = await CheckInCounts.ForAsync(db, forum.Id, string.IsNullOrWhiteSpace(checkpoint) ? Checkpoints.Main : checkpoint, UiLanguage.Chinese, ct);
        return Results.Json(counts);
    }
}

/// <summary>Checked in against expected, for one checkpoint, in all and by delegation; and the count at every checkpoint.</summary>
public sealed record CheckInCounts(string Checkpoint, int CheckedIn, int Expected, IReadOnlyList<CheckInCounts.DelegationCount> ByDelegation, IReadOnlyDictionary<string, int> ByCheckpoint)
{
    public sealed record DelegationCount(string Delegation, int CheckedIn, int Expected);

    /// <summary>The counts, delegations named in the reader's language and sorted in it (Chinese by pinyin).</summary>
    public static async Task<CheckInCounts> ForAsync(ForumDbContext db, int forumId, string checkpoint, bool chinese, CancellationToken ct)
    {
        var sessionId = Checkpoints.SessionId(checkpoint);
        var expectedPeople = db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && d.Status == RegistrationStatus.Approved);
        if (sessionId is { } id && await db.Enrolments.AnyAsync(e => e.SessionId == id, ct))
        {
            expectedPeople = expectedPeople.Where(d => db.Enrolments.Any(e => e.SessionId == id && e.DelegateId == d.Id && e.Status == EnrolmentStatus.Enrolled));
        }

        var expected = await expectedPeople
            .GroupBy(d => d.Delegation == null ? "" : chinese ? d.Delegation.NameZh : d.Delegation.NameEn)
            .Select(g => new { Delegation = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var arrived = await db.CheckIns.AsNoTracking()
            .Where(c => c.ForumId == forumId && c.Checkpoint == checkpoint)
            .Join(db.Delegates, c => c.DelegateId, d => d.Id, (c, d) => d.Delegation == null ? "" : chinese ? d.Delegation.NameZh : d.Delegation.NameEn)
            .GroupBy(name => name)
            .Select(g => new { Delegation = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var byCheckpoint = await db.CheckIns.AsNoTracking()
            .Where(c => c.ForumId == forumId)
            .GroupBy(c => c.Checkpoint)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var names = expected.Select(e => e.Delegation).Union(arrived.Select(a => a.Delegation)).OrderBy(n => n.Length == 0)
            .ThenBy(n => n, StringComparer.Create(CultureInfo.GetCultureInfo(chinese ? "zh-Hans" : "en"), ignoreCase: true));
        var rows = names.Select(n => new DelegationCount(
            n,
            arrived.FirstOrDefault(a => a.Delegation == n)?.Count ?? 0,
            expected.FirstOrDefault(e => e.Delegation == n)?.Count ?? 0)).ToList();
        return new CheckInCounts(checkpoint, rows.Sum(r => r.CheckedIn), rows.Sum(r => r.Expected), rows, byCheckpoint);
    }
}

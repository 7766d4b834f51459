using ForumManager.Core.CheckIns;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.CheckIns;
using ForumManager.Features.Zones;
using ForumManager.Web.Pages.CheckIns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Api;

public sealed record ApiCheckIn(long Id, int DelegateId, string Checkpoint, DateTime CheckedInUtc, string By);

/// <summary>A scan's answer: the same JSON as the desk's <c>POST /checkin/api/scans</c>.</summary>
public sealed record ApiScanAnswer(string Result, DeskDelegate? Delegate, DateTime? CheckedInAt, string? CheckedInBy, string? Reason);

public sealed record ApiZone(int Id, string Code, Bilingual Name, int? RoomId, int? Capacity);

public sealed record ApiZoneOccupancy(int ZoneId, string Code, Bilingual Name, int Inside, int? Holds, bool Full);

/// <summary><c>/checkins</c> and <c>/zones</c>: arrivals at the checkpoints, scans from another system's readers, and who is inside each zone.</summary>
public static class CheckInsApi
{
    public static RouteGroupBuilder MapCheckInsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/checkins", ListAsync).RequireScope(ApiScopes.DelegatesRead)
            .WithName("listCheckIns").WithSummary("Check-ins, oldest first, paged by id")
            .WithDescription("Filter: checkpoint. With changed_since (a cursor from a previous page, or 0) next is never null: keep it and call "
                + "again for the check-ins made since; an empty page means there are none yet.")
            .Produces<ApiPage<ApiCheckIn>>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem();
        api.MapPost("/checkins/scans", ScanAsync).RequireScope(ApiScopes.CheckInsWrite)
            .WithName("scanBadge").WithSummary("A badge scanned at a checkpoint")
            .WithDescription("The same contract as the desk's POST /checkin/api/scans: { token, checkpoint, scanId, scannedAt }. result is "
                + "checked-in, already-checked-in, unknown-token, not-approved, admitted or refused (with reason); a scanId sent again gets "
                + "the first answer; the same scanId with another badge or checkpoint is 409 conflict.")
            .Accepts<CheckInApi.ScanRequest>("application/json")
            .Produces<ApiScanAnswer>().Produces<ApiScanAnswer>(StatusCodes.Status409Conflict).ProducesValidationProblem();
        api.MapGet("/zones", ZonesAsync).RequireScope(ApiScopes.LogisticsRead)
            .WithName("listZones").WithSummary("The accreditation zones")
            .Produces<ApiPage<ApiZone>>().Produces(StatusCodes.Status304NotModified);
        api.MapGet("/zones/occupancy", OccupancyAsync).RequireScope(ApiScopes.LogisticsRead)
            .WithName("listZoneOccupancy").WithSummary("How many people are inside each zone now, and how many it holds")
            .Produces<ApiPage<ApiZoneOccupancy>>().Produces(StatusCodes.Status304NotModified);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ForumDbContext db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var query = new ApiListQuery(http, text);
        var limit = query.Limit();
        var since = query.Get("changed_since");
        var polling = since is not null;
        var after = since is null ? query.After() : since == "0" ? 0 : query.After("changed_since");
        var checkpoint = query.Get("checkpoint")?.Trim();
        if (!query.IsValid)
        {
            return ApiAnswers.Invalid(text, query.Errors);
        }

        var forumId = http.User.ForumId();
        // As for the delegates: without a checkpoint, the forum compared as an expression leaves the primary key to walk
        // the ids in order, instead of the (forum, checkpoint) index reading and sorting every check-in for each poll.
        var rows = checkpoint is null
            ? db.CheckIns.AsNoTracking().Where(c => c.ForumId + 0 == forumId && c.Id > after)
            : db.CheckIns.AsNoTracking().Where(c => c.ForumId == forumId && c.Checkpoint == checkpoint && c.Id > after);

        var items = (await rows.OrderBy(c => c.Id).Take(limit).Select(c => new { c.Id, c.DelegateId, c.Checkpoint, c.CheckedInUtc, c.ByName }).ToListAsync(ct))
            .Select(c => new ApiCheckIn(c.Id, c.DelegateId, c.Checkpoint, ForumApi.Utc(c.CheckedInUtc), c.ByName)).ToList();
        var page = polling
            ? new ApiPage<ApiCheckIn>(items, ApiCursor.Encode(ApiCursor.ById, items.Count > 0 ? items[^1].Id : after))
            : ApiListQuery.Page(items, limit, c => c.Id);
        return ApiAnswers.Read(http, page);
    }

    private static async Task<IResult> ScanAsync(HttpContext http, ForumDbContext db, CheckInDesk desk, TimeProvider clock, IStringLocalizer<SharedResource> text,
        CancellationToken ct)
    {
        var forumId = http.User.ForumId();
        if (await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Id == forumId, ct) is not { } forum)
        {
            return ApiAnswers.NotFound(text);
        }

        if (await ApiBody.ReadAsync<CheckInApi.ScanRequest>(http, ct) is not { } request)
        {
            return ApiAnswers.Invalid(text, "body", text["Api_Body"]);
        }

        var checkpoint = string.IsNullOrWhiteSpace(request.Checkpoint) ? Checkpoints.Main : request.Checkpoint.Trim();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.ScanId is { Length: > 64 })
        {
            errors["scanId"] = [text["Validation_MaxLength", "scanId", 64]];
        }

        if (!await desk.IsCheckpointAsync(forum.Id, checkpoint, ct))
        {
            errors["checkpoint"] = [text["Validation_Choose"]];
        }

        // As at the desk: a reader that was offline sends when it scanned, neither ahead of the server's clock beyond a
        // drift nor before the day ahead of the forum's first.
        var scannedUtc = request.ScannedAt?.UtcDateTime;
        if (scannedUtc is { } madeAt && (madeAt > clock.GetUtcNow().UtcDateTime + CheckInApi.ClockSkew
            || madeAt < Core.Forums.ForumTime.ToUtc(forum.StartDate.AddDays(-1), TimeOnly.MinValue, forum.TimeZone)))
        {
            errors["scannedAt"] = [text["Validation_Choose"]];
        }

        if (errors.Count > 0)
        {
            return ApiAnswers.Invalid(text, errors);
        }

        var answer = await desk.ScanAsync(forum.Id, request.Token, checkpoint, request.ScanId, http.User.Actor().Name, ct, scannedUtc);
        return Results.Json(new ApiScanAnswer(answer.Result, answer.Delegate, ForumApi.Utc(answer.CheckedInUtc), answer.CheckedInBy, answer.Reason),
            ApiJson.Options, statusCode: answer.Result == ScanResults.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ZonesAsync(HttpContext http, ForumDbContext db, CancellationToken ct)
    {
        var forumId = http.User.ForumId();
        var zones = await db.Zones.AsNoTracking().Where(z => z.ForumId == forumId).OrderBy(z => z.Id)
            .Select(z => new ApiZone(z.Id, z.Code, new Bilingual(z.NameEn, z.NameZh), z.RoomId, z.Capacity)).ToListAsync(ct);
        return ApiAnswers.Read(http, new ApiPage<ApiZone>(zones, null));
    }

    private static async Task<IResult> OccupancyAsync(HttpContext http, ZoneAccess zones, CancellationToken ct)
    {
        var occupancy = (await zones.OccupancyAsync(http.User.ForumId(), ct))
            .Select(z => new ApiZoneOccupancy(z.ZoneId, z.Code, new(z.NameEn, z.NameZh), z.Inside, z.Holds, z.Full)).ToList();
        return ApiAnswers.Read(http, new ApiPage<ApiZoneOccupancy>(occupancy, null));
    }
}

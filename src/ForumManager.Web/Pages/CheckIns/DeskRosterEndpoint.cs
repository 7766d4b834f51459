using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Features;
using ForumManager.Features.CheckIns;
using ForumManager.Features.Forums;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.CheckIns;

/// <summary>
/// <c>GET /checkin/api/roster?checkpoint=</c>: the list the desk keeps in the browser to search and decide offline
/// (<see cref="DeskRoster"/>). It holds names and the hashes of badge tokens, so it is for staff only and never stored by
/// a cache between the desk and the server.
/// </summary>
public static class DeskRosterEndpoint
{
    public static async Task<IResult> RosterAsync(
        HttpContext http, string? checkpoint, CurrentForum current, CheckInDesk desk, DeskRoster rosters, IStringLocalizer<SharedResource> text,
        CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var forum = await current.GetAsync(ct);
        var point = string.IsNullOrWhiteSpace(checkpoint) ? Checkpoints.Main : checkpoint.Trim();
        if (forum is null || !await desk.IsCheckpointAsync(forum.Id, point, ct))
        {
            return Results.NotFound();
        }

        var roster = await rosters.ForCheckpointAsync(forum, point, ct);
        return Results.Json(new
        {
            checkpoint = roster.Checkpoint,
            generatedAt = Utc(roster.GeneratedUtc),
            timeZone = forum.TimeZoneId,
            clearanceRequired = roster.ClearanceRequired,
            revokedTokenHashes = roster.RevokedTokenHashes,
            // The words the desk shows offline, in the language the list was asked in.
            categories = Enum.GetNames<DelegateCategory>().ToDictionary(n => n, n => text["DelegateCategory_" + n].Value),
            statuses = Enum.GetNames<RegistrationStatus>().ToDictionary(n => n, n => text["RegistrationStatus_" + n].Value),
            people = roster.People.Select(p => new
            {
                id = p.Id,
                reference = p.Reference,
                latinName = p.LatinName,
                nativeName = p.NativeName,
                nativeLanguage = p.NativeLanguage,
                searchKey = p.SearchKey,
                delegation = p.Delegation,
                category = p.Category,
                status = p.Status,
                clearance = p.Clearance,
                tokenHash = p.TokenHash,
                windows = p.Windows.Select(w => new[] { Utc(w.StartUtc), Utc(w.EndUtc) }),
                checkedInAt = p.CheckedInUtc is { } at ? Utc(at) : (DateTime?)null,
                checkedInBy = p.CheckedInBy,
                thumbnail = p.Thumbnail,
            }),
        });
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

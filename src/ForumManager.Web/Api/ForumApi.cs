using ForumManager.Core.Forums;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Api;

/// <summary>A text in the forum's two languages.</summary>
public sealed record Bilingual(string? En, string? Zh);

public sealed record ApiVenue(int Id, Bilingual Name, Bilingual Address, string? MapUrl);

public sealed record ApiRegistrationSettings(bool Open, DateTime? ClosesUtc, DateTime? EditClosesUtc, int? Capacity, int PlacesTaken);

public sealed record ApiForum(int Id, string Acronym, Bilingual Name, Bilingual Theme, Bilingual Place, Bilingual Host, DateOnly StartDate,
    DateOnly EndDate, string TimeZone, ForumStatus Status, ApiRegistrationSettings Registration, IReadOnlyList<string> Languages,
    bool NoticesInBothLanguages, bool ClearanceRequired, IReadOnlyList<ApiVenue> Venues);

public sealed record ApiDelegation(int Id, Bilingual Name, string Country, int? PartnerCityId, int? Quota, int Members);

/// <summary>An invitation to a delegation, as organizers see it; the token (and its hash) never leaves the server.</summary>
public sealed record ApiInvitation(int Id, int DelegationId, string Email, DateTime CreatedUtc, string CreatedBy, DateTime? AcceptedUtc, int? AcceptedDelegateId);

/// <summary><c>/forum</c>, <c>/delegations</c> and <c>/invitations</c>: what a partner needs to know of the edition and its groups.</summary>
public static class ForumApi
{
    public static RouteGroupBuilder MapForumResourcesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/forum", ForumAsync).RequireScope(ApiScopes.ProgrammeRead)
            .WithName("getForum").WithSummary("The forum edition the token belongs to")
            .WithDescription("Names, dates, time zone (IANA), venues, whether registration is open, and the languages the forum works in.")
            .Produces<ApiForum>().Produces(StatusCodes.Status304NotModified);
        api.MapGet("/delegations", DelegationsAsync).RequireScope(ApiScopes.DelegatesRead)
            .WithName("listDelegations").WithSummary("Delegations, paged by id")
            .Produces<ApiPage<ApiDelegation>>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem();
        api.MapGet("/delegations/{id:int}", DelegationAsync).RequireScope(ApiScopes.DelegatesRead)
            .WithName("getDelegation").WithSummary("One delegation")
            .Produces<ApiDelegation>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/invitations", InvitationsAsync).RequireScope(ApiScopes.DelegatesRead)
            .WithName("listInvitations").WithSummary("Invitations to delegations, paged by id")
            .WithDescription("Who was invited to which delegation, and whether they registered. The invitation's link is never given.")
            .Produces<ApiPage<ApiInvitation>>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> ForumAsync(HttpContext http, ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var forumId = http.User.ForumId();
        if (await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Id == forumId, ct) is not { } f)
        {
            return ApiAnswers.NotFound(text);
        }

        var venues = await db.Venues.AsNoTracking().Where(v => v.ForumId == forumId).OrderBy(v => v.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = f.Status == ForumStatus.Open && f.OpenRegistration && (f.RegistrationClosesUtc is not { } closes || now < closes);
        return ApiAnswers.Read(http, new ApiForum(f.Id, f.Acronym, new(f.NameEn, f.NameZh), new(f.ThemeEn, f.ThemeZh), new(f.PlaceEn, f.PlaceZh),
            new(f.HostEn, f.HostZh), f.StartDate, f.EndDate, f.TimeZoneId, f.Status,
            new ApiRegistrationSettings(open, Utc(f.RegistrationClosesUtc), Utc(f.EditClosesUtc), f.Capacity, f.PlacesTaken),
            ["en", "zh-Hans"], f.NoticesInBothLanguages, f.ClearanceRequired,
            venues.Select(v => new ApiVenue(v.Id, new(v.NameEn, v.NameZh), new(v.AddressEn, v.AddressZh), v.MapUrl)).ToList()));
    }

    private static IQueryable<ApiDelegation> Delegations(ForumDbContext db, int forumId, int afterId = 0, int? id = null) =>
        db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId && d.Id > afterId && (id == null || d.Id == id)).OrderBy(d => d.Id)
            .Select(d => new ApiDelegation(d.Id, new Bilingual(d.NameEn, d.NameZh), d.CountryCode, d.PartnerCityId, d.Quota, d.Members.Count));

    private static async Task<IResult> DelegationsAsync(HttpContext http, ForumDbContext db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var query = new ApiListQuery(http, text);
        var limit = query.Limit();
        var after = query.After();
        if (!query.IsValid)
        {
            return ApiAnswers.Invalid(text, query.Errors);
        }

        var items = await Delegations(db, http.User.ForumId(), (int)Math.Min(after, int.MaxValue)).Take(limit).ToListAsync(ct);
        return ApiAnswers.Read(http, ApiListQuery.Page(items, limit, d => d.Id));
    }

    private static async Task<IResult> DelegationAsync(int id, HttpContext http, ForumDbContext db, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        await Delegations(db, http.User.ForumId(), id: id).FirstOrDefaultAsync(ct) is { } found
            ? ApiAnswers.Read(http, found)
            : ApiAnswers.NotFound(text);

    private static async Task<IResult> InvitationsAsync(HttpContext http, ForumDbContext db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var query = new ApiListQuery(http, text);
        var limit = query.Limit();
        var after = query.After();
        if (!query.IsValid)
        {
            return ApiAnswers.Invalid(text, query.Errors);
        }

        var forumId = http.User.ForumId();
        var items = (await db.Invitations.AsNoTracking().Where(i => i.ForumId == forumId && i.Id > after).OrderBy(i => i.Id).Take(limit)
                .Select(i => new { i.Id, i.DelegationId, i.Email, i.CreatedUtc, i.CreatedBy, i.AcceptedUtc, i.AcceptedDelegateId }).ToListAsync(ct))
            .Select(i => new ApiInvitation(i.Id, i.DelegationId, i.Email, Utc(i.CreatedUtc), i.CreatedBy, Utc(i.AcceptedUtc), i.AcceptedDelegateId)).ToList();
        return ApiAnswers.Read(http, ApiListQuery.Page(items, limit, i => i.Id));
    }

    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}

using ForumManager.Core.Integrations;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Api;

public sealed record ApiPlace(int? Id, Bilingual Name);

public sealed record ApiSessionPerson(SessionRole Role, Bilingual Name);

public sealed record ApiSession(int Id, SessionType Type, Bilingual Title, Bilingual Abstract, DateTime StartUtc, DateTime EndUtc, ApiPlace? Room,
    Bilingual? Venue, ApiPlace? Track, IReadOnlyList<string> Languages, InterpretationMode Interpretation, IReadOnlyList<string> InterpretationLanguages,
    int? Capacity, IReadOnlyList<ApiSessionPerson> People);

/// <summary>The published programme: the sessions of the last release, which version it is and when it was published.</summary>
public sealed record ApiProgramme(int? Release, DateTime? PublishedUtc, IReadOnlyList<ApiSession> Items, string? Next);

public sealed record ApiRelease(int Version, DateTime PublishedUtc, string PublishedBy, string Changelog);

public sealed record ApiEnrolment(int Id, int SessionId, int DelegateId, EnrolmentStatus Status, DateTime CreatedUtc);

/// <summary><c>/programme</c> and <c>/enrolments</c>: the released programme (never the draft), its releases, and who takes part in which session.</summary>
public static class ProgrammeApi
{
    public static RouteGroupBuilder MapProgrammeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programme/sessions", SessionsAsync).RequireScope(ApiScopes.ProgrammeRead)
            .WithName("listSessions").WithSummary("The published programme")
            .WithDescription("The public sessions of the last release, in time order; the draft and invitation-only sessions are never given. "
                + "release is null (and items empty) before the first release.")
            .Produces<ApiProgramme>().Produces(StatusCodes.Status304NotModified);
        api.MapGet("/programme/releases", ReleasesAsync).RequireScope(ApiScopes.ProgrammeRead)
            .WithName("listReleases").WithSummary("The programme's releases, newest first")
            .Produces<ApiPage<ApiRelease>>().Produces(StatusCodes.Status304NotModified);
        api.MapGet("/enrolments", EnrolmentsAsync).RequireScope(ApiScopes.DelegatesRead)
            .WithName("listEnrolments").WithSummary("Who is enrolled or waiting in which session, paged by id")
            .WithDescription("Needs delegates:read (not programme:read): an enrolment says where a person will be. Filter: session (id).")
            .Produces<ApiPage<ApiEnrolment>>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> SessionsAsync(HttpContext http, ReleasedAgendas agendas, CancellationToken ct)
    {
        var agenda = await agendas.LatestAsync(http.User.ForumId(), ct);
        var sessions = (agenda?.Sessions ?? []).Select(s => new ApiSession(s.Id, s.Type, new(s.TitleEn, s.TitleZh), new(s.AbstractEn, s.AbstractZh),
                ForumApi.Utc(s.StartUtc), ForumApi.Utc(s.EndUtc), s.RoomId is null ? null : new ApiPlace(s.RoomId, new(s.RoomEn, s.RoomZh)),
                s.VenueEn is null && s.VenueZh is null ? null : new Bilingual(s.VenueEn, s.VenueZh),
                s.TrackId is null ? null : new ApiPlace(s.TrackId, new(s.TrackEn, s.TrackZh)), List(s.Languages), s.Interpretation,
                List(s.InterpretationLanguages), s.Capacity, s.People.Select(p => new ApiSessionPerson(p.Role, new(p.NameEn, p.NameZh))).ToList()))
            .ToList();
        return ApiAnswers.Read(http, new ApiProgramme(agenda?.Version, ForumApi.Utc(agenda?.PublishedUtc), sessions, null));
    }

    private static async Task<IResult> ReleasesAsync(HttpContext http, ForumDbContext db, CancellationToken ct)
    {
        var forumId = http.User.ForumId();
        var releases = (await db.ProgrammeReleases.AsNoTracking().Where(r => r.ForumId == forumId).OrderByDescending(r => r.Version)
                .Select(r => new { r.Version, r.PublishedUtc, r.PublishedBy, r.Changelog }).ToListAsync(ct))
            .Select(r => new ApiRelease(r.Version, ForumApi.Utc(r.PublishedUtc), r.PublishedBy, r.Changelog)).ToList();
        return ApiAnswers.Read(http, new ApiPage<ApiRelease>(releases, null));
    }

    private static async Task<IResult> EnrolmentsAsync(HttpContext http, ForumDbContext db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var query = new ApiListQuery(http, text);
        var limit = query.Limit();
        var after = query.After();
        var session = query.Id("session");
        if (!query.IsValid)
        {
            return ApiAnswers.Invalid(text, query.Errors);
        }

        var forumId = http.User.ForumId();
        var rows = db.Enrolments.AsNoTracking().Where(e => e.Session!.ForumId == forumId && e.Id > after);
        if (session is { } sessionId)
        {
            rows = rows.Where(e => e.SessionId == sessionId);
        }

        var items = (await rows.OrderBy(e => e.Id).Take(limit).Select(e => new { e.Id, e.SessionId, e.DelegateId, e.Status, e.CreatedUtc }).ToListAsync(ct))
            .Select(e => new ApiEnrolment(e.Id, e.SessionId, e.DelegateId, e.Status, ForumApi.Utc(e.CreatedUtc))).ToList();
        return ApiAnswers.Read(http, ApiListQuery.Page(items, limit, e => e.Id));
    }

    private static IReadOnlyList<string> List(string? text) => (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

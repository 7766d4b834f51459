using ForumManager.Core.Delegates;
using ForumManager.Core.Integrations;
using ForumManager.Core.Notices;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Logistics;
using ForumManager.Features.Notices;
using ForumManager.Web.Pages.Admin.Delegates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Api;

/// <summary>Who a notice goes to: the filters of the organizers' notices page, all optional and combined.</summary>
public sealed record ApiAudience(string? Status, string? Category, int? Delegation, string? Country, int? Session, DateOnly? ArrivalDay, int? Hotel);

/// <summary>A notice to send: one of the forum's templates (its kind, such as <c>reminder</c> or <c>programme_change</c>) and the audience.</summary>
public sealed record ApiNoticeRequest(string? Template, ApiAudience? Audience, bool AttachAgenda = false, bool AttachVisaLetter = false, bool AttachQrCode = false);

public sealed record ApiNoticeBatch(int BatchId, int Recipients);

/// <summary><c>POST /notices</c>: a template-based notice to an audience, queued as a batch exactly as the notices page queues one.</summary>
public static class NoticesApi
{
    public static RouteGroupBuilder MapNoticesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/notices", SendAsync).RequireScope(ApiScopes.NoticesSend)
            .WithName("sendNotice").WithSummary("Send a template-based notice to an audience")
            .WithDescription("template is a notice kind whose template the organizers keep (approved, reminder, programme_change, badge...; not "
                + "free_form). audience takes the notices page's filters: status (default approved), category, delegation, country, session, "
                + "arrivalDay, hotel. Answers 202 with the batch's id; each recipient's message is written in their language in the background.")
            .Accepts<ApiNoticeRequest>("application/json")
            .Produces<ApiNoticeBatch>(StatusCodes.Status202Accepted).ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> SendAsync(HttpContext http, ForumDbContext db, NoticeBatchRequests batches, IStringLocalizer<SharedResource> text,
        CancellationToken ct)
    {
        var forumId = http.User.ForumId();
        if (await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Id == forumId, ct) is not { } forum)
        {
            return ApiAnswers.NotFound(text);
        }

        if (await ApiBody.ReadAsync<ApiNoticeRequest>(http, ct) is not { } request)
        {
            return ApiAnswers.Invalid(text, "body", text["Api_Body"]);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = NoticeKind.FreeForm;
        if (request.Template is not { } template || !ApiJson.TryEnum(template, out kind) || kind == NoticeKind.FreeForm)
        {
            errors["template"] = [text["Validation_Choose"]];
        }

        var audience = request.Audience ?? new ApiAudience(null, null, null, null, null, null, null);
        RegistrationStatus? status = RegistrationStatus.Approved;
        if (audience.Status is { } givenStatus)
        {
            status = ApiJson.TryEnum<RegistrationStatus>(givenStatus, out var s) ? s : null;
            if (status is null) { errors["audience.status"] = [text["Validation_Choose"]]; }
        }

        DelegateCategory? category = null;
        if (audience.Category is { } givenCategory)
        {
            category = ApiJson.TryEnum<DelegateCategory>(givenCategory, out var c) ? c : null;
            if (category is null) { errors["audience.category"] = [text["Validation_Choose"]]; }
        }

        var country = string.IsNullOrWhiteSpace(audience.Country) ? null : audience.Country.Trim().ToUpperInvariant();
        if (country is { Length: > 2 })
        {
            errors["audience.country"] = [text["Validation_Choose"]];
        }

        if (audience.Delegation is { } delegation && !await db.Delegations.AnyAsync(d => d.Id == delegation && d.ForumId == forumId, ct))
        {
            errors["audience.delegation"] = [text["Validation_Choose"]];
        }

        if (audience.Session is { } session && !await db.Sessions.AnyAsync(s => s.Id == session && s.ForumId == forumId, ct))
        {
            errors["audience.session"] = [text["Validation_Choose"]];
        }

        if (audience.Hotel is { } hotel && !await db.Hotels.AnyAsync(h => h.Id == hotel && h.ForumId == forumId, ct))
        {
            errors["audience.hotel"] = [text["Validation_Choose"]];
        }

        if (audience.ArrivalDay is { } day && !TravelAudience.ArrivalDays(forum).Contains(day))
        {
            errors["audience.arrivalDay"] = [text["Validation_Choose"]];
        }

        if (errors.Count > 0)
        {
            return ApiAnswers.Invalid(text, errors);
        }

        // The same people the notices page would write to with these filters.
        var query = new DelegateFilter(null, status, category, country, audience.Delegation, null).Apply(db.Delegates.Where(d => d.ForumId == forumId));
        query = TravelAudience.Apply(query, db, forum, audience.ArrivalDay, audience.Hotel);
        if (audience.Session is { } sessionId)
        {
            query = query.Where(d => db.Enrolments.Any(e => e.SessionId == sessionId && e.DelegateId == d.Id && e.Status == EnrolmentStatus.Enrolled));
        }

        var ids = await query.Select(d => d.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return ApiAnswers.Invalid(text, "audience", text["Badges_NoneMatch"]);
        }

        var batchId = await batches.StartAsync(forum, kind, null, new NoticeAudience(status, category, audience.Delegation, country, audience.Session,
                audience.ArrivalDay, audience.Hotel), new NoticeAttachments(request.AttachAgenda, request.AttachVisaLetter, request.AttachQrCode), ids,
            http.User.Actor().Name, ct);
        return Results.Json(new ApiNoticeBatch(batchId, ids.Count), ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }
}

using System.Text.Json;
using ForumManager.Core.Delegates;
using ForumManager.Core.Integrations;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Delegates;
using ForumManager.Features.Registration;
using ForumManager.Web.Pages.Admin.Delegates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Api;

/// <summary>A status change asked through the API: <c>approved</c>, <c>waitlisted</c>, <c>rejected</c> or <c>cancelled</c>, with a reason.</summary>
public sealed record StatusChangeRequest(string? Status, string? Reason);

/// <summary><c>/delegates</c>: the records, synchronisation by change number, an organizer's edit and a status change.</summary>
public static class DelegatesApi
{
    public const int MaxReasonLength = 1000;

    public static RouteGroupBuilder MapDelegatesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/delegates", ListAsync).RequireScope(ApiScopes.DelegatesRead)
            .WithName("listDelegates").WithSummary("Delegates, filtered and paged, or every change since a cursor")
            .WithDescription("Filters: status, category, delegation (id), country (ISO 3166 code). Paged by id with limit (1–500, default 100) and "
                + "cursor. With changed_since (a cursor from a previous synchronisation page, or 0 to start) the list follows the change "
                + "numbers instead: every change committed after the cursor, once, in commit order, each item carrying its changeSeq; "
                + "next is then never null: keep it and call again later, an empty page means you are up to date (with a filter, a record "
                + "that stops matching is not given again: synchronise without filters to see every change). The passport object "
                + "appears only for a token with passport:read, and each record it appears in is audited.")
            .Produces<ApiPage<DelegateRecord>>(StatusCodes.Status200OK).Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();
        api.MapGet("/delegates/{id:int}", GetAsync).RequireScope(ApiScopes.DelegatesRead)
            .WithName("getDelegate").WithSummary("One delegate")
            .WithDescription("The ETag is the record's version; send it back in If-Match to change the record, or in If-None-Match to be told 304 when nothing changed.")
            .Produces<DelegateRecord>(StatusCodes.Status200OK).Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatch("/delegates/{id:int}", PatchAsync).RequireScope(ApiScopes.DelegatesWrite)
            .WithName("updateDelegate").WithSummary("Change a delegate's record (JSON merge patch)")
            .WithDescription("Send the fields to change, named as a read names them (names.family, country, category, passport.number...); null "
                + "clears a field; a field left out keeps its stored value exactly. If-Match with the record's ETag is required (428 without "
                + "it, 412 when the record changed meanwhile). Changing any passport field or needsVisaLetter also needs passport:read "
                + "(403 otherwise, before any check). The same checks and messages as the organizer's edit page apply; errors are keyed by "
                + "field name. A patch that changes nothing writes nothing: the record keeps its ETag and changeSeq.")
            .Accepts<JsonElement>("application/merge-patch+json", "application/json")
            .Produces<DelegateRecord>(StatusCodes.Status200OK).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        api.MapPost("/delegates/{id:int}/status", StatusAsync).RequireScope(ApiScopes.DelegatesWrite)
            .WithName("changeDelegateStatus").WithSummary("Approve, waitlist, reject or cancel a registration")
            .WithDescription("As the organizer's decision on the delegate's page: the delegate is sent the notice, a freed place goes to the "
                + "waiting list, sessions, room and pickup are given up. cancelled withdraws the registration on the delegate's behalf. "
                + "If-Match is optional here; when sent it must be the record's ETag. 409 when the change is not allowed or no place is free.")
            .Accepts<StatusChangeRequest>("application/json")
            .Produces<DelegateRecord>(StatusCodes.Status200OK).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, DelegateRecords records, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var query = new ApiListQuery(http, text);
        var limit = query.Limit();
        var status = query.Enum<RegistrationStatus>("status");
        var category = query.Enum<DelegateCategory>("category");
        var delegation = query.Id("delegation");
        var country = query.Get("country")?.Trim().ToUpperInvariant();
        long? since = null;
        if (query.Get("changed_since") is { } changedSince)
        {
            since = changedSince == "0" ? 0 : query.After("changed_since", ApiCursor.ByChange);
        }

        var after = query.After();
        if (!query.IsValid)
        {
            return ApiAnswers.Invalid(text, query.Errors);
        }

        // The page is first read without passports: a client that holds it is answered 304 before any is decrypted or audited.
        var reader = http.User.HasScope(ApiScopes.PassportRead) ? http.User.Actor() : null;
        var wanted = new DelegateQuery(status, category, delegation, country, since, (int)Math.Min(after, int.MaxValue), limit);
        ApiPage<DelegateRecord> PageOf(IReadOnlyList<DelegateRecord> items) => since is { } from
            ? new ApiPage<DelegateRecord>(items, ApiCursor.Encode(ApiCursor.ByChange, items.Count > 0 ? items[^1].ChangeSeq : from))
            : ApiListQuery.Page(items, limit, d => d.Id);
        string VersionOf(ApiPage<DelegateRecord> page) => ApiAnswers.ListVersion(page.Items.Select(d => ((long)d.Id, d.Version)), page.Next, reader is not null);
        var plain = PageOf(await records.ListAsync(http.User.ForumId(), wanted, null, ct));
        if (ApiAnswers.NotModified(http, ApiAnswers.Quote(VersionOf(plain))) is { } notModified)
        {
            return notModified;
        }

        var page = reader is null ? plain : PageOf(await records.ListAsync(http.User.ForumId(), wanted, reader, ct));
        return ApiAnswers.Read(http, page, VersionOf(page));
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, DelegateRecords records, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var forumId = http.User.ForumId();
        if (await records.VersionAsync(forumId, id, ct) is not { } version)
        {
            return ApiAnswers.NotFound(text);
        }

        // A client that holds this version is told so before any passport is read, so a 304 reveals (and audits) nothing.
        if (ApiAnswers.NotModified(http, ApiAnswers.Quote(version)) is { } notModified)
        {
            return notModified;
        }

        var reader = http.User.HasScope(ApiScopes.PassportRead) ? http.User.Actor() : null;
        return await records.FindAsync(forumId, id, reader, ct) is { } record ? ApiAnswers.Read(http, record, record.Version) : ApiAnswers.NotFound(text);
    }

    private static async Task<IResult> PatchAsync(int id, HttpContext http, ForumDbContext db, DelegateRecords records, DelegateEditor editor,
        QuestionForm questions, TimeProvider clock, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var forumId = http.User.ForumId();
        var forum = await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Id == forumId, ct);
        var record = await db.Delegates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ForumId == forumId, ct);
        if (forum is null || record is null)
        {
            return ApiAnswers.NotFound(text);
        }

        if (ApiAnswers.IfMatch(http) is null)
        {
            return ApiAnswers.Problem(StatusCodes.Status428PreconditionRequired, text["Api_Problem_PreconditionRequired"]);
        }

        if (!ApiAnswers.IfMatchAllows(http, DelegateRecords.Version(record.UpdatedUtc, record.ChangeSeq)))
        {
            return ApiAnswers.Problem(StatusCodes.Status412PreconditionFailed, text["Api_Problem_PreconditionFailed"]);
        }

        if (await ApiBody.ReadObjectAsync(http, ct) is not { } body)
        {
            return ApiAnswers.Invalid(text, "body", text["Api_Body"]);
        }

        if (DelegatePatch.TouchesPassport(body) && !http.User.HasScope(ApiScopes.PassportRead))
        {
            return ApiAnswers.Problem(StatusCodes.Status403Forbidden, text["Api_Problem_Forbidden"], text["Api_Problem_ScopeMissing", ApiScopes.PassportRead]);
        }

        var asked = await questions.AskedAsync(forumId, ct);
        var input = DelegateForm.From(record);
        input.Answers = await questions.GivenAsync(asked, id, ct);
        var patch = new DelegatePatch { Input = input, Category = record.Category, PrecedenceRank = record.PrecedenceRank };
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        patch.Apply(body, errors, text);
        if (record.UserId is not null && patch.Sent.Contains(nameof(RegistrationInput.Email))
            && !string.Equals(input.Email.Trim(), record.Email, StringComparison.OrdinalIgnoreCase))
        {
            errors["email"] = [text["Api_EmailLocked"]];
        }

        DelegateForm.Clean(input, patch.Sent);
        patch.CheckAttributes(errors, text);
        var found = new FieldErrors();
        DelegateForm.Validate(input, forum, record, clock, found, text);
        QuestionForm.Validate(asked, input.Answers, "Input.Answers", enforceRequired: false, found, text);
        foreach (var (field, messages) in ApiAnswers.Fields(found, DelegatePatch.JsonName).Where(e => patch.Answers(e.Key)))
        {
            errors.TryAdd(field, messages);
        }

        if (!Enum.IsDefined(patch.Category))
        {
            errors.TryAdd("category", [text["Validation_Choose"]]);
        }

        if (patch.PrecedenceRank is < 0 or > EditModel.MaxRank)
        {
            errors.TryAdd("precedenceRank", [text["Validation_Range", text["Delegates_Precedence"], 0, EditModel.MaxRank]]);
        }

        if (input.DelegationId is { } delegationId && !await db.Delegations.AnyAsync(d => d.Id == delegationId && d.ForumId == forumId, ct))
        {
            errors.TryAdd("delegationId", [text["Validation_Choose"]]);
        }

        if (errors.Count == 0 && input.Email != record.Email
            && await db.Delegates.AnyAsync(d => d.ForumId == forumId && d.Email == input.Email && d.Id != id, ct))
        {
            errors["email"] = [text["Register_AlreadyRegistered"]];
        }

        if (errors.Count > 0)
        {
            return ApiAnswers.Invalid(text, errors);
        }

        var outcome = await editor.SaveAsync(id, DelegateEditor.Stamp(record), input, asked, saved =>
        {
            saved.Email = input.Email;
            saved.DelegationId = input.DelegationId;
            saved.Category = patch.Category;
            saved.PrecedenceRank = patch.PrecedenceRank;
            patch.KeepUnsent(saved, record);
        }, http.User.Actor(), ct);
        switch (outcome)
        {
            case EditOutcome.ChangedMeanwhile:
                return ApiAnswers.Problem(StatusCodes.Status412PreconditionFailed, text["Api_Problem_PreconditionFailed"]);
            case EditOutcome.EmailTaken:
                return ApiAnswers.Invalid(text, "email", text["Register_AlreadyRegistered"]);
        }

        return await ReadBackAsync(http, records, forumId, id, text, ct);
    }

    private static async Task<IResult> StatusAsync(int id, HttpContext http, ForumDbContext db, DelegateRecords records,
        RegistrationStatusChanges changes, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var forumId = http.User.ForumId();
        var record = await db.Delegates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ForumId == forumId, ct);
        if (record is null)
        {
            return ApiAnswers.NotFound(text);
        }

        if (!ApiAnswers.IfMatchAllows(http, DelegateRecords.Version(record.UpdatedUtc, record.ChangeSeq)))
        {
            return ApiAnswers.Problem(StatusCodes.Status412PreconditionFailed, text["Api_Problem_PreconditionFailed"]);
        }

        if (await ApiBody.ReadAsync<StatusChangeRequest>(http, ct) is not { } request)
        {
            return ApiAnswers.Invalid(text, "body", text["Api_Body"]);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Status is not { } asked || !ApiJson.TryEnum<RegistrationStatus>(asked, out var to) || to == RegistrationStatus.Submitted)
        {
            errors["status"] = [text["Delegates_ChooseDecision"]];
            to = default;
        }

        var reason = PersonName.CleanOrNull(request.Reason);
        if (reason is { Length: > MaxReasonLength })
        {
            errors["reason"] = [text["Validation_MaxLength", text["Delegates_Reason"], MaxReasonLength]];
        }

        if (errors.Count > 0)
        {
            return ApiAnswers.Invalid(text, errors);
        }

        // Cancelling is the delegate's own withdrawal, which a partner's system asks for on their behalf; the other
        // decisions are the organizer's, allowed exactly as on the delegate's page.
        var result = await changes.ChangeAsync(forumId, [id], to, reason, http.User.Actor(), byOrganizer: to != RegistrationStatus.Cancelled, ct);
        if (result.Changed != 1)
        {
            return ApiAnswers.Problem(StatusCodes.Status409Conflict, text["Api_Problem_Conflict"], text["Delegates_StatusNotChanged"]);
        }

        return await ReadBackAsync(http, records, forumId, id, text, ct);
    }

    private static async Task<IResult> ReadBackAsync(HttpContext http, DelegateRecords records, int forumId, int id, IStringLocalizer text, CancellationToken ct) =>
        await records.FindAsync(forumId, id, passportReader: null, ct) is { } saved ? ApiAnswers.Read(http, saved, saved.Version) : ApiAnswers.NotFound(text);
}

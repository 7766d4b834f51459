using ForumManager.Core.Auditing;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Protocol;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Protocol;

/// <summary>
/// One session's seating: its layout and host, the seats held back, the plan made by precedence, the map where a guest is
/// dragged onto an empty seat (a move) or onto another guest (a swap) — the same form a keyboard user fills in — the
/// unseated with their reasons and the conflicts. Every form carries the plan's version, so acting on a plan someone
/// changed since is refused with a message rather than overwriting it.
/// </summary>
public sealed class SeatingModel(CurrentForum current, SeatingPlans plans, UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string ScrollTarget = "seat-map";

    [BindProperty] public int Version { get; set; }
    [BindProperty] public int? LayoutId { get; set; }
    [BindProperty] public string? Host { get; set; }
    [BindProperty] public string? Person { get; set; }
    [BindProperty] public int? Table { get; set; }
    [BindProperty] public int? Seat { get; set; }
    [BindProperty] public bool Behind { get; set; }
    [BindProperty] public SeatPurpose Purpose { get; set; } = SeatPurpose.Other;
    [BindProperty] public string? Note { get; set; }

    public SeatingView View { get; private set; } = null!;

    public Core.Forums.Forum Forum { get; private set; } = null!;

    /// <summary>Whether the page was refused because the plan changed since it was shown.</summary>
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(int sessionId, CancellationToken ct) => await LoadAsync(sessionId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostLayoutAsync(int sessionId, CancellationToken ct) =>
        ActAsync(sessionId, (forum, errors) => LayoutId is { } id ? plans.ChooseLayoutAsync(forum, sessionId, id, Version, Actor, errors, ct) : Refuse(errors, "LayoutId"),
            "Seating_LayoutChosen", ct);

    public Task<IActionResult> OnPostHostAsync(int sessionId, CancellationToken ct) =>
        ActAsync(sessionId, (forum, errors) => plans.ChooseHostAsync(forum, sessionId, Host, Version, Actor, errors, ct), "Seating_HostChosen", ct);

    public Task<IActionResult> OnPostReserveAsync(int sessionId, CancellationToken ct) =>
        ActAsync(sessionId, (forum, errors) => ModelState.GetFieldValidationState(nameof(Purpose)) == ModelValidationState.Invalid ? Refuse(errors, "Purpose")
            : Table is { } table && Seat is { } seat
            ? plans.ReserveAsync(forum, sessionId, table, seat, Purpose, Note, Version, Actor, errors, ct) : Refuse(errors, "ReservedSeat"), "Seating_Reserved", ct);

    public Task<IActionResult> OnPostUnreserveAsync(int sessionId, CancellationToken ct) =>
        ActAsync(sessionId, (forum, errors) => Table is { } table && Seat is { } seat
            ? plans.UnreserveAsync(forum, sessionId, table, seat, Version, Actor, errors, ct) : Refuse(errors, "ReservedSeat"), "Seating_Unreserved", ct);

    public Task<IActionResult> OnPostSeatEveryoneAsync(int sessionId, CancellationToken ct) =>
        ActAsync(sessionId, async (forum, errors) => await plans.SeatEveryoneAsync(forum, sessionId, Version, Actor, errors, ct) is not null, "Seating_Done", ct);

    public Task<IActionResult> OnPostUnseatAsync(int sessionId, CancellationToken ct) =>
        ActAsync(sessionId, (forum, errors) => plans.UnseatAsync(forum, sessionId, Person, Version, Actor, errors, ct), "Seating_PersonUnseated", ct);

    /// <summary>
    /// Moves a person to a seat; when someone sits there, the two change places. The map's drag and drop and the form post
    /// the same fields.
    /// </summary>
    public async Task<IActionResult> OnPostMoveAsync(int sessionId, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await plans.ViewAsync(forum.Id, sessionId, ct) is not { } view)
        {
            return NotFound();
        }

        var occupant = view.Seats.FirstOrDefault(s => s.Spot.Table == Table && s.Spot.Seat == Seat) is { } spot ? Behind ? spot.Behind : spot.Person : null;
        var swap = occupant is not null && PersonRef.Of(occupant.Person) != Person;
        return await ActAsync(sessionId, (forumId, errors) => Table is not { } table || Seat is not { } seat ? Refuse(errors, "Seat")
            : swap ? plans.SwapAsync(forumId, sessionId, Person, PersonRef.Of(occupant!.Person), Version, Actor, errors, ct)
            : plans.MoveAsync(forumId, sessionId, Person, table, seat, Behind, Version, Actor, errors, ct), swap ? "Seating_Swapped" : "Seating_Moved", ct);
    }

    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    private Task<bool> Refuse(FieldErrors errors, string field)
    {
        errors.Add(field, text["Validation_Choose"]);
        return Task.FromResult(false);
    }

    private async Task<IActionResult> ActAsync(int sessionId, Func<int, FieldErrors, Task<bool>> act, string doneKey, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (await act(forum.Id, errors))
        {
            TempData["Status"] = text[doneKey].Value;
            return Redirect($"/admin/protocol/seating/{sessionId}");
        }

        if (!await LoadAsync(sessionId, ct))
        {
            return NotFound();
        }

        // The page is shown again with the current plan and its version; what the person sent stays in the form.
        ModelState.Clear();
        ModelState.AddErrors(errors);
        Stale = errors.All.Any(e => e.Field == "Version");
        Version = View.Seating?.Version ?? 0;
        if (Stale)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int sessionId, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await plans.ViewAsync(forum.Id, sessionId, ct) is not { } view)
        {
            return false;
        }

        View = view;
        Forum = forum;
        Version = view.Seating?.Version ?? 0;
        LayoutId ??= view.Layout?.Id;
        Host ??= view.Host is { } host ? PersonRef.Of(host.Person) : null;
        return true;
    }
}

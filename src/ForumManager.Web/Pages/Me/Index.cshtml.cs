using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Logistics;
using ForumManager.Features.Registration;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Me;

/// <summary>The signed-in delegate's own registration; the query is keyed by the account, never by an id from the URL.</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, RegistrationStatusChanges changes,
    QuestionForm questions, TravelForm travel, TimeProvider clock, IStringLocalizer<SharedResource> text, Features.Accreditation.AccreditationPhotos photos) : PageModel
{
    /// <summary>The photo for the badge and its review.</summary>
    public Features.Accreditation.PhotoSummary? Photo { get; private set; }

    public sealed record Registration(int Id, string LatinName, string? NativeName, string? NativeLanguage, string? Honorific, string? Position,
        string? Organization, string? Delegation, string CountryCode, DelegateCategory Category, RegistrationStatus Status, string? StatusReason,
        bool NeedsVisaLetter, bool HasPassport, string CheckInToken, string Reference);

    public Registration? Mine { get; private set; }

    /// <summary>The check-in QR code, shown once the registration is approved; the same code the badge carries.</summary>
    public string? QrCode => Mine is { Status: RegistrationStatus.Approved } mine ? Documents.QrCodeImage.PngDataUri(mine.CheckInToken, 6) : null;

    public bool CanDownloadVisaLetter => Mine is { Status: RegistrationStatus.Approved, HasPassport: true };

    public bool CanCancel => Mine is { } mine && StatusTransitions.DelegateMay(mine.Status, RegistrationStatus.Cancelled);

    /// <summary>Whether the edit page would take changes: the same rule it applies itself.</summary>
    public bool CanEdit { get; private set; }

    public IReadOnlyList<GivenAnswer> Answers { get; private set; } = [];

    /// <summary>The room and the pickup the organizers have given.</summary>
    public TravelSummary? Travel { get; private set; }

    public Core.Forums.Forum? Forum { get; private set; }

    /// <summary>Where the delegate sits at each seated session ("Table 5, seat 3"), in time order.</summary>
    public IReadOnlyList<Features.Protocol.SeatPlace> Seats { get; private set; } = [];

    /// <summary>Set when a cancel was asked for without its confirmation: the page then only asks.</summary>
    public ConfirmStep? Confirmation { get; private set; }

    public bool CanEnterTravel => Mine is { Status: not (RegistrationStatus.Cancelled or RegistrationStatus.Rejected) };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mine = await LoadAsync(ct);
        if (Mine is not null && await current.GetAsync(ct) is { } forum)
        {
            Forum = forum;
            Travel = await travel.SummaryAsync(Mine.Id, ct);
            CanEdit = EditWindow.WhyClosed(Mine.Status, forum, clock.GetUtcNow().UtcDateTime) is null;
            Answers = await questions.ShownAsync(Mine.Id, ct);
            Photo = await photos.SummaryAsync(forum.Id, Mine.Id, ct);
            Seats = await Features.Protocol.SeatPlaces.ForDelegateAsync(db, Mine.Id, ct);
        }
    }

    public async Task<IActionResult> OnPostCancelAsync([FromForm(Name = ConfirmStep.Field)] bool confirm, CancellationToken ct)
    {
        Mine = await LoadAsync(ct);
        var forum = await current.GetAsync(ct);
        if (Mine is null || forum is null || !CanCancel)
        {
            return RedirectToPage();
        }

        if (!confirm)
        {
            var waiting = await changes.WaitingAsync(forum.Id, ct);
            Confirmation = new ConfirmStep(text["Me_ConfirmCancel", forum.Name(UiLanguage.Chinese)],
            [
                StatusTransitions.HoldsPlace(Mine.Status)
                    ? waiting > 0 ? text["Confirm_YourPlaceGoesToNext", waiting] : text["Confirm_YourPlaceIsFreed"]
                    : text["Confirm_YouLeaveTheWaitingList"],
                text["Confirm_YouGiveUpSessionsRoomPickup"],
                text["Confirm_YouAreMailed"],
                text["Confirm_OnlyOrganizersReinstate"],
            ], text["Me_Cancel"], "/me");
            return Page();
        }

        var actor = new Actor(users.GetUserId(User), User.Identity?.Name ?? "delegate");
        await changes.ChangeAsync(forum.Id, [Mine.Id], RegistrationStatus.Cancelled, null, actor, byOrganizer: false, ct);
        TempData["Status"] = text["Me_CancelledStatus"].Value;
        return RedirectToPage();
    }

    private async Task<Registration?> LoadAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        var userId = users.GetUserId(User);
        if (forum is null || userId is null)
        {
            return null;
        }

        var forumId = forum.Id;
        var chinese = UiLanguage.Chinese;
        return await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.UserId == userId)
            .Select(d => new Registration(d.Id, d.FamilyName.ToUpper() + " " + d.GivenName, d.NativeName, d.NativeNameLanguage, d.Honorific,
                d.Position, d.Organization, d.Delegation == null ? null : chinese ? d.Delegation.NameZh : d.Delegation.NameEn, d.CountryCode, d.Category, d.Status, d.StatusReason,
                d.NeedsVisaLetter, d.PassportNumberProtected != null, d.CheckInToken, d.Reference))
            .FirstOrDefaultAsync(ct);
    }
}

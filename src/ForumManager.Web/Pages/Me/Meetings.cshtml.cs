using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Protocol;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using ForumManager.Web.Pages.Admin.Protocol.Meetings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Me;

/// <summary>
/// The head of a delegation asks for bilateral meetings and follows them. The delegation is the signed-in head's own,
/// found from the account, never from the address; only its own meetings are read.
/// </summary>
public sealed class MeetingsModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, MeetingRequests requests, MeetingViews views,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public MeetingRequestInput Input { get; set; } = new();

    public Forum? Forum { get; private set; }
    public Delegate? Head { get; private set; }
    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];
    public RequestFormView? Form { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Head is null || Forum is null)
        {
            // Not the head of a delegation: nothing to ask for.
            return NotFound();
        }

        Input.DelegationId = Head.DelegationId;
        var errors = new FieldErrors();
        if (await requests.RequestAsync(Forum, Input, organizer: false, new Actor(Head.UserId, User.Identity?.Name ?? Head.Email), Head.Email, errors, ct) is null)
        {
            ModelState.Clear();
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Status"] = text["Meetings_RequestSent"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        var userId = users.GetUserId(User);
        if (Forum is null || userId is null)
        {
            return;
        }

        var forumId = Forum.Id;
        Head = await db.Delegates.AsNoTracking().SingleOrDefaultAsync(d => d.ForumId == forumId && d.UserId == userId
            && d.Category == DelegateCategory.HeadOfDelegation && d.DelegationId != null
            && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected, ct);
        if (Head is null)
        {
            return;
        }

        var delegationId = Head.DelegationId!.Value;
        Meetings = await views.ListAsync(forumId, delegationId, null, ct);
        var chinese = UiLanguage.Chinese;
        var departments = await db.HostDepartments.AsNoTracking().Where(d => d.ForumId == forumId).OrderBy(d => d.NameEn).ToListAsync(ct);
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId && d.Id != delegationId).ToListAsync(ct);
        var partners = departments.Select(d => ("h:" + d.Id, chinese ? d.NameZh : d.NameEn))
            .Concat(delegations.Select(d => ("d:" + d.Id, chinese ? d.NameZh : d.NameEn)).OrderBy(d => d.Item2, StringComparer.CurrentCulture)).ToList();
        Input.DelegationId = delegationId;
        Form = new RequestFormView(Input, partners, await requests.ChoicesAsync(forumId, delegationId, organizer: false, ct),
            await requests.PairsAsync(forumId, ct), Forum, text["Meetings_SendRequest"]);
    }

    public string When(MeetingRow row) => row.StartUtc is { } start
        ? MeetingInvitations.When(start, row.EndUtc!.Value, Forum!.TimeZone) : text["Meetings_NoTimeYet"];
}

using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Protocol;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Protocol.Meetings;

/// <summary>
/// An organizer asks for a meeting on a delegation's behalf: first the delegation and whom it meets, then the topic,
/// the people of both sides, the preferred times, the length and the languages. It is accepted as it is made.
/// </summary>
public sealed class NewModel(ForumDbContext db, CurrentForum current, MeetingRequests requests, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public MeetingRequestInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? Delegation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Partner { get; set; }

    public IReadOnlyList<(string Value, string Label)> Delegations { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> Partners { get; private set; } = [];
    public RequestFormView? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Delegation = Input.DelegationId;
        Partner = Input.Partner;
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var forum = (await current.GetAsync(ct))!;
        var errors = new FieldErrors();
        var actor = new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer");
        if (await requests.RequestAsync(forum, Input, organizer: true, actor, actor.Name, errors, ct) is not { } id)
        {
            ModelState.Clear();
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Status"] = text["Meetings_Requested"].Value;
        return Redirect($"/admin/meetings/{id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return false;
        }

        var chinese = UiLanguage.Chinese;
        var forumId = forum.Id;
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId).ToListAsync(ct);
        Delegations = delegations.OrderBy(d => chinese ? d.NameZh : d.NameEn, StringComparer.CurrentCulture)
            .Select(d => ("d:" + d.Id, chinese ? d.NameZh : d.NameEn)).ToList();
        var departments = await db.HostDepartments.AsNoTracking().Where(d => d.ForumId == forumId).OrderBy(d => d.NameEn).ToListAsync(ct);
        Partners = departments.Select(d => ("h:" + d.Id, chinese ? d.NameZh : d.NameEn))
            .Concat(Delegations.Where(d => d.Value != "d:" + Delegation)).ToList();
        if (Delegation is not { } delegationId || delegations.All(d => d.Id != delegationId) || Partners.All(p => p.Value != Partner))
        {
            return true;
        }

        Input.DelegationId = delegationId;
        Input.Partner = Partner;
        var people = (await requests.ChoicesAsync(forumId, delegationId, organizer: true, ct)).Where(c => c.Group == "own" || c.Group == Partner).ToList();
        Form = new RequestFormView(Input, [], people, await requests.PairsAsync(forumId, ct), forum, text["Meetings_SaveRequest"]);
        return true;
    }
}

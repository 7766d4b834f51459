using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features.Agenda;
using ForumManager.Features.Forums;
using ForumManager.Features.Programme;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.Me;

/// <summary>The signed-in delegate's own programme: the sessions they enrolled in or wait for, and those they take part in.</summary>
public sealed class AgendaModel(ForumDbContext db, CurrentForum current, ReleasedAgendas releases, CalendarFeeds feeds, UserManager<ForumUser> users,
    Microsoft.Extensions.Options.IOptions<ForumOptions> options) : PageModel
{
    public sealed record Item(AgendaSession Session, EnrolmentStatus? Enrolment, SessionRole? Role);

    public Forum? Forum { get; private set; }
    public IReadOnlyList<Item> Items { get; private set; } = [];

    /// <summary>The secret address of this delegate's calendar feed.</summary>
    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        var userId = users.GetUserId(User);
        if (Forum is null || userId is null || await releases.LatestAsync(Forum.Id, ct) is not { } agenda)
        {
            return;
        }

        var forumId = Forum.Id;
        var delegateId = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && d.UserId == userId).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
        if (delegateId is null)
        {
            return;
        }

        FeedUrl = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/agenda/feed/{Uri.EscapeDataString(feeds.Token(delegateId.Value))}";
        var enrolled = await db.Enrolments.AsNoTracking().Where(e => e.DelegateId == delegateId).ToDictionaryAsync(e => e.SessionId, e => e.Status, ct);
        var roles = (await db.SessionPeople.AsNoTracking().Where(p => p.DelegateId == delegateId).ToListAsync(ct))
            .GroupBy(p => p.SessionId).ToDictionary(g => g.Key, g => g.Min(p => p.Role));
        var invited = await releases.InvitationOnlyAsync(forumId, roles.Keys.ToList(), ct);
        Items = agenda.Sessions.Where(s => enrolled.ContainsKey(s.Id) || roles.ContainsKey(s.Id)).Concat(invited)
            .Select(s => new Item(s, enrolled.TryGetValue(s.Id, out var e) ? e : null, roles.TryGetValue(s.Id, out var r) ? r : null))
            .OrderBy(i => i.Session.StartUtc).ToList();
    }
}

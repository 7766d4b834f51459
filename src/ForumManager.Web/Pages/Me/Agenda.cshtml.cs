using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features.Agenda;
using ForumManager.Features.Forums;
using ForumManager.Features.Languages;
using ForumManager.Features.Text;
using ForumManager.Features.Programme;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.Me;

/// <summary>The signed-in delegate's own programme: the sessions they enrolled in or wait for, and those they take part in.</summary>
public sealed class AgendaModel(ForumDbContext db, CurrentForum current, ReleasedAgendas releases, CalendarFeeds feeds, ContentTexts texts,
    UserManager<ForumUser> users, Microsoft.Extensions.Options.IOptions<ForumOptions> options) : PageModel
{
    public sealed record Item(AgendaSession Session, EnrolmentStatus? Enrolment, SessionRole? Role);

    public Forum? Forum { get; private set; }
    public IReadOnlyList<Item> Items { get; private set; } = [];

    /// <summary>The secret address of this delegate's calendar feed.</summary>
    public string? FeedUrl { get; private set; }

    /// <summary>The language the programme's texts are shown in: the delegate's, where the edition publishes in it.</summary>
    public string Language { get; private set; } = Core.Languages.ContentLanguages.English;

    public ContentDictionary Texts { get; private set; } = ContentDictionary.Empty(Core.Languages.ContentLanguages.English);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        var userId = users.GetUserId(User);
        if (Forum is null || userId is null || await releases.LatestAsync(Forum.Id, ct) is not { } agenda)
        {
            return;
        }

        var forumId = Forum.Id;
        var me = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && d.UserId == userId).Select(d => new { d.Id, d.PreferredLanguage }).SingleOrDefaultAsync(ct);
        if (me is null)
        {
            return;
        }

        // The programme's texts in the delegate's own language where the edition has them (the interface stays as it is).
        int? delegateId = me.Id;
        Language = Core.Languages.ContentLanguages.IsFurther(me.PreferredLanguage) ? ContentTexts.ReaderLanguage(Forum, me.PreferredLanguage, UiLanguage.Chinese)
            : UiLanguage.Chinese ? Core.Languages.ContentLanguages.Chinese : Core.Languages.ContentLanguages.English;
        Texts = await texts.ForAsync(forumId, Language, ct);
        agenda = Texts.Apply(agenda);

        FeedUrl = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/agenda/feed/{Uri.EscapeDataString(feeds.Token(delegateId.Value))}";
        var enrolled = await db.Enrolments.AsNoTracking().Where(e => e.DelegateId == delegateId).ToDictionaryAsync(e => e.SessionId, e => e.Status, ct);
        var roles = (await db.SessionPeople.AsNoTracking().Where(p => p.DelegateId == delegateId).ToListAsync(ct))
            .GroupBy(p => p.SessionId).ToDictionary(g => g.Key, g => g.Min(p => p.Role));
        var invited = Texts.Apply(await releases.InvitationOnlyAsync(forumId, roles.Keys.ToList(), ct));
        Items = agenda.Sessions.Where(s => enrolled.ContainsKey(s.Id) || roles.ContainsKey(s.Id)).Concat(invited)
            .Select(s => new Item(s, enrolled.TryGetValue(s.Id, out var e) ? e : null, roles.TryGetValue(s.Id, out var r) ? r : null))
            .OrderBy(i => i.Session.StartUtc).ToList();
    }
}

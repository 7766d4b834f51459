using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Mail;
using ForumManager.Data;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.Admin;

public sealed class IndexModel(ForumDbContext db, CurrentForum current) : PageModel
{
    public Forum? Forum { get; private set; }
    public IReadOnlyList<(RegistrationStatus Status, int Count)> ByStatus { get; private set; } = [];
    public int Delegations { get; private set; }
    public int Sessions { get; private set; }
    public IReadOnlyList<(OutboxStatus Status, int Count)> Outbox { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is not null)
        {
            var forumId = Forum.Id;
            var statuses = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId)
                .GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            ByStatus = Enum.GetValues<RegistrationStatus>()
                .Select(s => (s, statuses.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList();
            Delegations = await db.Delegations.CountAsync(d => d.ForumId == forumId, ct);
            Sessions = await db.Sessions.CountAsync(s => s.ForumId == forumId, ct);
        }

        var outbox = await db.OutboxMessages.AsNoTracking()
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Outbox = Enum.GetValues<OutboxStatus>().Select(s => (s, outbox.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList();
    }
}

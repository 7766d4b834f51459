using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages;

public sealed class IndexModel(ForumDbContext db, CurrentForum current) : PageModel
{
    public Forum? Forum { get; private set; }
    public int Delegates { get; private set; }
    public int Cities { get; private set; }
    public int Countries { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null)
        {
            return;
        }

        var forumId = Forum.Id;
        var attending = db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.Status == RegistrationStatus.Approved);
        Delegates = await attending.CountAsync(ct);
        Cities = await attending.Where(d => d.Delegation != null && d.Delegation.PartnerCityId != null)
            .Select(d => d.Delegation!.PartnerCityId).Distinct().CountAsync(ct);
        Countries = await attending.Select(d => d.CountryCode).Distinct().CountAsync(ct);
    }
}

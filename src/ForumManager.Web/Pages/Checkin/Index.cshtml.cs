using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Delegates;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.Checkin;

/// <summary>The desk's look-up: by a name in any script, the Latin name, email or delegation.</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current) : PageModel
{
    public sealed record Row(int Id, string LatinName, string? NativeName, string? NativeLanguage, string? Delegation, DelegateCategory Category, RegistrationStatus Status);

    [BindProperty(SupportsGet = true, Name = "q")]
    [StringLength(200)]
    public string? Query { get; set; }

    public IReadOnlyList<Row> Results { get; private set; } = [];
    public int Expected { get; private set; }
    public bool Searched { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return;
        }

        var forumId = forum.Id;
        Expected = await db.Delegates.CountAsync(d => d.ForumId == forumId && d.Status == RegistrationStatus.Approved, ct);
        var term = PersonName.Clean(Query);
        if (term.Length == 0 || !ModelState.IsValid)
        {
            return;
        }

        Searched = true;
        Results = await new Admin.Delegates.DelegateFilter(term, null, null, null, null, null)
            .Apply(db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId))
            .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName)
            .Take(50)
            .Select(d => new Row(d.Id, d.FamilyName.ToUpper() + " " + d.GivenName, d.NativeName, d.NativeNameLanguage,
                d.Delegation == null ? null : d.Delegation.NameEn, d.Category, d.Status))
            .ToListAsync(ct);
    }
}

using System.Globalization;
using ForumManager.Data;
using ForumManager.Features.Text;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Infrastructure;

/// <summary>Lists that several organizers' pages offer in their filters.</summary>
public static class FilterChoices
{
    /// <summary>The edition's delegations named and sorted in the page's language, for a delegation filter.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> DelegationsAsync(this ForumDbContext db, int forumId, CancellationToken ct)
    {
        var chinese = UiLanguage.Chinese;
        var order = StringComparer.Create(CultureInfo.GetCultureInfo(chinese ? "zh-Hans" : "en"), ignoreCase: true);
        return (await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId).Select(d => new { d.Id, d.NameEn, d.NameZh }).ToListAsync(ct))
            .Select(d => (d.Id, Name: chinese ? d.NameZh : d.NameEn)).OrderBy(d => d.Name, order).ToList();
    }
}

using ForumManager.Core.Delegates;
using ForumManager.Core.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Admin.Delegates;

/// <summary>The list's search, filters and order, shared by the page and its exports so that both show the same people.</summary>
public sealed record DelegateFilter(string? Query, RegistrationStatus? Status, DelegateCategory? Category, string? Country, int? Delegation, string? Sort)
{
    public IQueryable<Delegate> Apply(IQueryable<Delegate> query)
    {
        var term = PersonName.Clean(Query);
        if (term.Length > 0)
        {
            var pattern = LikePattern.Containing(term);
            const string escape = LikePattern.Escape;
            query = query.Where(d => EF.Functions.Like(d.FamilyName, pattern, escape) || EF.Functions.Like(d.GivenName, pattern, escape)
                || (d.NativeName != null && EF.Functions.Like(d.NativeName, pattern, escape)) || EF.Functions.Like(d.Email, pattern, escape)
                || (d.Delegation != null && (EF.Functions.Like(d.Delegation.NameEn, pattern, escape) || EF.Functions.Like(d.Delegation.NameZh, pattern, escape)
                    || (d.Delegation.PartnerCity != null && (EF.Functions.Like(d.Delegation.PartnerCity.NameEn, pattern, escape)
                        || EF.Functions.Like(d.Delegation.PartnerCity.NameZh, pattern, escape)
                        || (d.Delegation.PartnerCity.NameLocal != null && EF.Functions.Like(d.Delegation.PartnerCity.NameLocal, pattern, escape)))))));
        }

        if (Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (Category is { } category)
        {
            query = query.Where(d => d.Category == category);
        }

        if (!string.IsNullOrEmpty(Country))
        {
            var country = Country.ToUpperInvariant();
            query = query.Where(d => d.CountryCode == country);
        }

        if (Delegation is { } delegation)
        {
            query = query.Where(d => d.DelegationId == delegation);
        }

        return query;
    }

    public IQueryable<Delegate> Order(IQueryable<Delegate> query) => Sort switch
    {
        "name" => query.OrderBy(d => d.FamilyName).ThenBy(d => d.GivenName).ThenBy(d => d.Id),
        "country" => query.OrderBy(d => d.CountryCode).ThenBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).ThenBy(d => d.Id),
        "date" => query.OrderByDescending(d => d.CreatedUtc).ThenByDescending(d => d.Id),
        _ => query.OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).ThenBy(d => d.Id),
    };
}

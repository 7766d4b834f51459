using ForumManager.Core.Delegates;
using ForumManager.Core.Registration;
using ForumManager.Core.Text;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Admin.Delegates;

/// <summary>The list's search, filters and order, shared by the page and its exports so that both show the same people.</summary>
public sealed record DelegateFilter(string? Query, RegistrationStatus? Status, DelegateCategory? Category, string? Country, int? Delegation, string? Sort,
    string? Answer = null, string? Contains = null)
{
    /// <summary>
    /// An answer filter is "12" (answered question 12 at all), "12:34" (ticked choice 34), "12:yes" or "12:no"; with a
    /// question id alone, <see cref="Contains"/> searches the text of its answers.
    /// </summary>
    public static bool TryParseAnswer(string? answer, out int question, out string? value)
    {
        question = 0;
        value = null;
        if (string.IsNullOrEmpty(answer))
        {
            return false;
        }

        var parts = answer.Split(':', 2);
        value = parts.Length > 1 ? parts[1] : null;
        const System.Globalization.NumberStyles digits = System.Globalization.NumberStyles.None;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (!int.TryParse(parts[0], digits, invariant, out question))
        {
            return false;
        }

        return value is null or DelegateAnswer.Yes or DelegateAnswer.No || int.TryParse(value, digits, invariant, out _);
    }

    public IQueryable<Delegate> Apply(IQueryable<Delegate> query)
    {
        var term = PersonName.Clean(Query);
        if (!LikePattern.CanMatch(term))
        {
            query = query.Where(d => false);
        }
        else if (term.Length > 0)
        {
            // A name matches word by word (NameSearch): each word of the query begins a word of the delegate's key, or the
            // query's words run together begin one. Delegations and cities match where one of their words begins with the
            // query (Chinese names, written without spaces, anywhere), and an address from its start unless the query has
            // an @; so "wang" finds neither Kwangsoo, nor kwangsoo@…, nor the Gwangju delegation.
            var terms = NameSearch.Terms(term);
            var words = terms.Select(t => LikePattern.StartingWord(t, NameSearch.Separator)).ToList();
            var together = terms.Count > 1 ? LikePattern.StartingWord(string.Concat(terms), NameSearch.Separator) : null;
            var anywhere = LikePattern.Containing(term);
            var start = LikePattern.Starting(term);
            var word = LikePattern.StartingWord(term, ' ');
            var email = term.Contains('@', StringComparison.Ordinal) ? anywhere : start;

            // A reference as printed on the badge (any case), or its number alone as a person reads it out ("221").
            var reference = DelegateReference.Normalize(term) ?? string.Empty;
            var referenceEnding = DelegateReference.Number(term) is { } number ? "%" + DelegateReference.Ending(number) : string.Empty;
            const string escape = LikePattern.Escape;
            query = query.Where(d => d.Reference == reference || (referenceEnding != string.Empty && EF.Functions.Like(d.Reference, referenceEnding))
                || (words.Count > 0 && words.All(w => EF.Functions.Like(d.SearchKey, w, escape)))
                || (together != null && EF.Functions.Like(d.SearchKey, together, escape))
                || EF.Functions.Like(d.Email, email, escape)
                || (d.Delegation != null && (EF.Functions.Like(d.Delegation.NameEn, start, escape) || EF.Functions.Like(d.Delegation.NameEn, word, escape)
                    || EF.Functions.Like(d.Delegation.NameZh, anywhere, escape)
                    || (d.Delegation.PartnerCity != null && (EF.Functions.Like(d.Delegation.PartnerCity.NameEn, start, escape)
                        || EF.Functions.Like(d.Delegation.PartnerCity.NameEn, word, escape)
                        || EF.Functions.Like(d.Delegation.PartnerCity.NameZh, anywhere, escape)
                        || (d.Delegation.PartnerCity.NameLocal != null && (EF.Functions.Like(d.Delegation.PartnerCity.NameLocal, start, escape)
                            || EF.Functions.Like(d.Delegation.PartnerCity.NameLocal, word, escape))))))));
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

        if (TryParseAnswer(Answer, out var question, out var value))
        {
            var contains = PersonName.Clean(Contains);
            if (value is null && !LikePattern.CanMatch(contains))
            {
                query = query.Where(d => false);
            }
            else if (value is null && contains.Length > 0)
            {
                var pattern = LikePattern.Containing(contains);
                query = query.Where(d => d.Answers.Any(a => a.QuestionId == question && a.Text != null && EF.Functions.Like(a.Text, pattern, LikePattern.Escape)));
            }
            else if (value is null)
            {
                query = query.Where(d => d.Answers.Any(a => a.QuestionId == question));
            }
            else if (value is DelegateAnswer.Yes or DelegateAnswer.No)
            {
                query = query.Where(d => d.Answers.Any(a => a.QuestionId == question && a.Text == value));
            }
            else
            {
                var choice = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                query = query.Where(d => d.Answers.Any(a => a.QuestionId == question && a.ChoiceId == choice));
            }
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

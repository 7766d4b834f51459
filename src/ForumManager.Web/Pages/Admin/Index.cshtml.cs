using ForumManager.Core.Forums;
using ForumManager.Core.Mail;
using ForumManager.Core.Delegates;
using ForumManager.Core.Registration;
using ForumManager.Features.Dashboard;
using ForumManager.Features.Forums;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Admin;

/// <summary>
/// The organizers' overview: registrations, where delegates come from, arrivals, hotel nights and check-in, as charts
/// with their figures. Every figure is counted by the database and kept a few seconds (<see cref="DashboardCounts"/>);
/// no page load reads the delegates themselves. Here the figures only get their names in the reader's language.
/// </summary>
public sealed class IndexModel(DashboardCounts counts, CurrentForum current) : PageModel
{
    /// <summary>Countries drawn one by one; the rest share one bar.</summary>
    public const int TopCountries = 15;

    /// <summary>Delegations drawn one by one; the table lists them all.</summary>
    public const int TopDelegations = 30;

    public sealed record NamedCount(string Name, int Count);

    public Forum? Forum { get; private set; }
    public IReadOnlyList<(RegistrationStatus Status, int Count)> ByStatus { get; private set; } = [];
    public int Delegations { get; private set; }
    public int Sessions { get; private set; }
    public IReadOnlyList<(OutboxStatus Status, int Count)> Outbox { get; private set; } = [];

    /// <summary>Registrations over the registration window; null before the first one.</summary>
    public RegistrationTimeline? Registrations { get; private set; }

    /// <summary>Registrations still in play (not rejected or cancelled), by country, most first.</summary>
    public IReadOnlyList<NamedCount> ByCountry { get; private set; } = [];

    public IReadOnlyList<NamedCount> ByDelegation { get; private set; } = [];
    public IReadOnlyList<HourCount> ArrivalsPerHour { get; private set; } = [];
    public IReadOnlyList<NightCount> Nights { get; private set; } = [];
    public int Approved { get; private set; }
    public int CheckedIn { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null)
        {
            Outbox = (await counts.OutboxAsync(ct)).Select(o => (o.Status, o.Count)).ToList();
            return;
        }

        var figures = await counts.GetAsync(Forum, ct);
        ByStatus = figures.ByStatus.Select(s => (s.Status, s.Count)).ToList();
        Approved = figures.Count(RegistrationStatus.Approved);
        Delegations = figures.Delegations;
        Sessions = figures.Sessions;
        Registrations = RegistrationTimeline.For(figures.RegistrationsPerDay.ToDictionary(d => d.Day, d => d.Count), Forum.StartDate, Forum.EndDate);
        var chinese = UiLanguage.Chinese;
        ByCountry = figures.ByCountry.Select(c => new NamedCount(Countries.Find(c.Code)?.Name(chinese) ?? c.Code, c.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        ByDelegation = figures.ByDelegation.Select(d => new NamedCount(chinese ? d.NameZh : d.NameEn, d.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        ArrivalsPerHour = figures.ArrivalsPerHour;
        Nights = figures.Nights;
        CheckedIn = figures.CheckedIn;
        Outbox = figures.Outbox.Select(o => (o.Status, o.Count)).ToList();
    }
}

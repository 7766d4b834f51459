using System.Globalization;
using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Data.Seeding;
using ForumManager.Documents.Badges;
using ForumManager.Features.Badges;
using ForumManager.Features.Logistics;
using ForumManager.Features.Programme;
using ForumManager.Features.Webhooks;
using ForumManager.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ForumManager.BrowserTests;

/// <summary>Who the tour opens a page as: the demo forum's own accounts, one per kind of user.</summary>
public enum Visitor
{
    Anonymous,
    Delegate,
    Head,
    Staff,
    Organizer,
    Admin,
}

/// <summary>The demo forum at the size a newcomer sees it (the Development default), as its organizers would have it a few days before.</summary>
public sealed class TourApp : ForumAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Forum:DemoDelegates"] = DemoForumSeeder.DefaultDelegates.ToString(CultureInfo.InvariantCulture),
        // The tour signs in ten times (five roles, two languages) from one address within the minute the sign-in limit
        // counts; that limit is tested elsewhere, so here it must not turn a sign-in away.
        ["Security:AuthPostsPerMinute"] = "100",
        // The pseudo-locale pass (PseudoTourTests) reads every page in qps-Ploc.
        ["Localization:PseudoLocale"] = "true",
    };
}

/// <summary>
/// The app on Kestrel with the demo forum, its rooms allocated, its pickups planned and vehicles suggested, a notice sent
/// and badges printed, so that every list, chart and detail page of the tour shows real records; Chromium; and one
/// signed-in browser context per visitor and language.
/// </summary>
public sealed class TourFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private readonly Dictionary<(Visitor, string), IBrowserContext> _contexts = [];
    private string _password = string.Empty;

    public TourApp App { get; } = new();
    public string BaseUrl { get; private set; } = string.Empty;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Ids of real records, by the placeholder the tour's URLs use for them ({delegate}, {session}, ...).</summary>
    public Dictionary<string, string> Ids { get; } = [];

    public async Task InitializeAsync()
    {
        BaseUrl = App.StartKestrel();
        _password = await PrepareForumAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
        Ids["{notice}"] = await SendNoticeAsync();
    }

    /// <summary>A notice to the head's delegation, sent as an organizer would, so that its batch has a page to show; returns the batch's id.</summary>
    private async Task<string> SendNoticeAsync()
    {
        var page = await (await ContextAsync(Visitor.Organizer, "en")).NewPageAsync();
        await page.GotoAsync("/admin/notices/send");
        await page.Locator("[name=Delegation]").SelectOptionAsync(Ids["{delegation}"]);
        await page.Locator("[name=SubjectEn]").FillAsync("Airport pickup for {{ delegate.delegation }}");
        await page.Locator("[name=BodyEn]").FillAsync("Dear {{ delegate.name }},\nyour pickup is arranged.");
        await page.Locator("[name=SubjectZh]").FillAsync("{{ delegate.delegation }}接机安排");
        await page.Locator("[name=BodyZh]").FillAsync("尊敬的{{ delegate.name }}：\n接机已安排。");
        await page.GetByTestId("send").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/notices/batch/", StringComparison.OrdinalIgnoreCase));
        var batch = page.Url.Split('/').Last();
        await page.CloseAsync();
        return batch;
    }

    /// <summary>The tour's name of the pseudo-locale (qps-Ploc), as a language for <see cref="ContextAsync"/>.</summary>
    public const string Pseudo = "qps";

    /// <summary>
    /// A context signed in as <paramref name="visitor"/> that asks for pages in <paramref name="language"/> (as a browser set
    /// to it does; the pseudo-locale, <see cref="Pseudo"/>, through the culture cookie the language switch sets).
    /// </summary>
    public async Task<IBrowserContext> ContextAsync(Visitor visitor, string language)
    {
        if (_contexts.TryGetValue((visitor, language), out var context))
        {
            return context;
        }

        context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = language == "zh" ? "zh-CN" : "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        if (language == Pseudo)
        {
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=" + Features.Text.PseudoLocale.Name, Url = BaseUrl }]);
        }

        if (Account(visitor) is { } email)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Identity/Account/Login");
            await page.Locator("#Input_Email").FillAsync(email);
            await page.Locator("#Input_Password").FillAsync(_password);
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Identity/Account/Login", StringComparison.OrdinalIgnoreCase));
            await page.CloseAsync();
        }

        _contexts[(visitor, language)] = context;
        return context;
    }

    private static string? Account(Visitor visitor) => visitor switch
    {
        Visitor.Anonymous => null,
        Visitor.Delegate => DemoAccounts.Delegate.Email,
        Visitor.Head => DemoAccounts.Head.Email,
        Visitor.Staff => DemoAccounts.All.Single(a => a.Role == Roles.Staff).Email,
        Visitor.Organizer => DemoAccounts.All.Single(a => a.Role == Roles.Organizer).Email,
        Visitor.Admin => DemoAccounts.All.Single(a => a.Role == Roles.Admin).Email,
        _ => throw new ArgumentOutOfRangeException(nameof(visitor)),
    };

    /// <summary>
    /// An endpoint of the partner city's visitor system, with a delivery it took, one it refused and one waiting, as the
    /// dispatcher leaves them; its address is a documentation one that is never reached.
    /// </summary>
    private static async Task<int> WebhookWithDeliveriesAsync(ForumDbContext db, int forumId)
    {
        var now = DateTime.UtcNow;
        var endpoint = new WebhookEndpoint
        {
            ForumId = forumId, Url = "https://visitors.sister-city.example.org/integrations/forum-manager/webhooks/receive?source=hunan-forum",
            Description = "Partner city visitor office", Events = string.Join(' ', WebhookEvents.All), SecretProtected = "not used on the tour",
            Enabled = false, DisabledUtc = now, DisabledReason = WebhookHealth.FailingReason, FailingSinceUtc = now.AddDays(-1), AllowPrivateNetwork = true,
            CreatedUtc = now.AddDays(-2), UpdatedUtc = now, CreatedByName = "admin@hunan.example.org",
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
        var delivered = WebhookEventLog.Add(db, forumId, WebhookEvents.RegistrationApproved, new { delegateId = 1, reference = "HN26-0001", status = "approved" }, now);
        var refused = WebhookEventLog.Add(db, forumId, WebhookEvents.CheckInMade, new { delegateId = 1, checkpoint = "main" }, now);
        delivered.FannedOutUtc = refused.FannedOutUtc = now;
        await db.SaveChangesAsync();
        var ok = WebhookDispatcher.NewDelivery(delivered, endpoint.Id, now);
        (ok.State, ok.Attempts, ok.LastStatusCode, ok.LastAttemptUtc, ok.DeliveredUtc) = (WebhookDeliveryState.Delivered, 1, 204, now, now);
        var failed = WebhookDispatcher.NewDelivery(refused, endpoint.Id, now);
        (failed.State, failed.Attempts, failed.LastStatusCode, failed.LastAttemptUtc) = (WebhookDeliveryState.Failed, 9, 503, now);
        failed.LastResponseExcerpt = "<html><body><h1>503 Service Unavailable</h1><p>The visitor system is down for maintenance until 18:00 CST; deliveries will be accepted again afterwards.</p></body></html>";
        db.WebhookDeliveries.AddRange(ok, failed);
        await db.SaveChangesAsync();
        return endpoint.Id;
    }

    /// <summary>What organizers would have done by now, through the app's own use cases; returns the demo accounts' password.</summary>
    private async Task<string> PrepareForumAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ForumDbContext>();
        var now = DateTime.UtcNow;
        var password = await new DemoAccounts(db, services.GetRequiredService<UserManager<ForumUser>>()).EnsureAsync(now, CancellationToken.None)
            ?? throw new InvalidOperationException("The demo accounts were not made: is the demo forum seeded?");

        var forum = await db.Forums.SingleAsync();
        await services.GetRequiredService<RoomAllocations>().AllocateAsync(forum.Id, Actor.System, CancellationToken.None);
        var planning = services.GetRequiredService<TransferPlanning>();
        for (var day = forum.StartDate.AddDays(-1); day <= forum.StartDate; day = day.AddDays(1))
        {
            await planning.PlanWavesAsync(forum, day, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(45), Actor.System, CancellationToken.None);
        }

        foreach (var wave in await db.PickupWaves.Select(w => w.Id).ToListAsync())
        {
            await planning.SuggestVehiclesAsync(forum.Id, wave, Actor.System, CancellationToken.None);
        }

        var head = await db.Delegates.SingleAsync(d => d.Email == DemoAccounts.Head.Email);
        var members = await db.Delegates.Where(d => d.DelegationId == head.DelegationId).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        var badges = await services.GetRequiredService<BadgeBatches>().EnqueueAsync(forum.Id, members, BadgeLayout.A6, DemoAccounts.All[1].Email, CancellationToken.None);

        var member = await db.Delegates.Where(d => d.DelegationId == head.DelegationId && d.Id != head.Id && d.Email == DemoAccounts.Delegate.Email)
            .Select(d => (int?)d.Id).SingleOrDefaultAsync() ?? members.First(id => id != head.Id);
        Ids["{delegate}"] = (await db.Journeys.OrderBy(j => j.DelegateId).Select(j => j.DelegateId).FirstAsync()).ToString(CultureInfo.InvariantCulture);
        Ids["{delegation}"] = head.DelegationId!.Value.ToString(CultureInfo.InvariantCulture);
        Ids["{member}"] = member.ToString(CultureInfo.InvariantCulture);
        var agenda = await services.GetRequiredService<ReleasedAgendas>().LatestAsync(forum.Id, CancellationToken.None)
            ?? throw new InvalidOperationException("The demo forum has no published programme.");
        Ids["{session}"] = agenda.Sessions.OrderBy(s => s.Id).First().Id.ToString(CultureInfo.InvariantCulture);
        Ids["{hotel}"] = (await db.Hotels.OrderBy(h => h.Id).Select(h => h.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture);
        Ids["{wave}"] = (await db.PickupWaves.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture);
        Ids["{badges}"] = badges.ToString();
        Ids["{webhook}"] = (await WebhookWithDeliveriesAsync(db, forum.Id)).ToString(CultureInfo.InvariantCulture);
        Ids["{desk-search}"] = Uri.EscapeDataString(await db.Delegations.Where(d => d.Id == head.DelegationId).Select(d => d.NameEn).SingleAsync());
        // The grid on the forum's busiest day, the one organizers spend longest on.
        var starts = await db.Sessions.Where(s => s.ForumId == forum.Id).Select(s => s.StartUtc).ToListAsync();
        Ids["{day}"] = starts.Select(s => DateOnly.FromDateTime(ForumTime.ToLocal(s, forum.TimeZone))).GroupBy(d => d).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).DefaultIfEmpty(forum.StartDate).First().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Ids["{arrivals}"] = forum.StartDate.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The theme forum's speakers as the session editor adds them: the governor and three delegates, two of them timed.
        var theme = await db.Sessions.Include(s => s.People).SingleAsync(s => s.ForumId == forum.Id && s.Type == Core.Programme.SessionType.ThemeForum);
        var governor = await db.Guests.Where(g => g.ForumId == forum.Id && g.Kind == Core.Programme.GuestKind.Official).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync();
        var speakers = await db.Delegates.Where(d => d.ForumId == forum.Id && d.NativeName != null).OrderBy(d => d.PrecedenceRank).ThenBy(d => d.Id).Select(d => d.Id).Take(3).ToListAsync();
        theme.People.Add(new Core.Programme.SessionPerson { Role = Core.Programme.SessionRole.Speaker, GuestId = governor, Position = 1, SpeakingMinutes = 15, SpeakingLanguage = "zh" });
        theme.People.AddRange(speakers.Select((id, i) => new Core.Programme.SessionPerson { Role = Core.Programme.SessionRole.Speaker, DelegateId = id, Position = i + 2, SpeakingMinutes = i == 0 ? 10 : null }));
        await db.SaveChangesAsync();
        Ids["{theme-forum}"] = theme.Id.ToString(CultureInfo.InvariantCulture);

        // The welcome banquet seated by precedence, so the seating page shows a full map.
        var banquet = await db.Sessions.Where(s => s.ForumId == forum.Id && s.Type == Core.Programme.SessionType.Banquet).Select(s => s.Id).FirstAsync();
        await services.GetRequiredService<Features.Protocol.SeatingPlans>().SeatEveryoneAsync(forum.Id, banquet, 0, Actor.System, new Features.FieldErrors(), CancellationToken.None);
        Ids["{banquet}"] = banquet.ToString(CultureInfo.InvariantCulture);

        var meeting = await MeetingSamples.AddAsync(App.Services, head.DelegationId!.Value, confirm: true);
        Ids["{meeting}"] = meeting.MeetingId.ToString(CultureInfo.InvariantCulture);
        Ids["{department}"] = meeting.DepartmentId.ToString(CultureInfo.InvariantCulture);

        // An integration's token, used a few times, so the token pages show a list, its last use and its log.
        var issued = await services.GetRequiredService<Features.Integrations.ApiTokenIssuer>().CreateAsync(forum.Id, new Features.Integrations.ApiTokenInput
        {
            Name = "Hotel reservation system", Note = "Rooming list, pulled every ten minutes", Scopes = [Core.Integrations.ApiScopes.DelegatesRead, Core.Integrations.ApiScopes.LogisticsRead],
            ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90),
        }, new Actor(null, DemoAccounts.All.Single(a => a.Role == Roles.Admin).Email), new Features.FieldErrors(), CancellationToken.None)
            ?? throw new InvalidOperationException("The tour's API token was not made.");
        db.ApiTokenUses.AddRange(Enumerable.Range(0, 3).Select(i => new Core.Integrations.ApiTokenUse
        {
            TokenId = issued.Id, AtUtc = DateTime.UtcNow.AddMinutes(-10 * i), Address = "203.0.113.7", Method = "GET",
            Path = "/api/v1/delegates/with/a/rather/long/path/that/must/wrap/on/a/phone/" + i, StatusCode = i == 2 ? 403 : 200,
        }));
        await db.ApiTokens.Where(t => t.Id == issued.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedUtc, DateTime.UtcNow).SetProperty(t => t.LastUsedAddress, "203.0.113.7"));
        await db.SaveChangesAsync();
        Ids["{api-token}"] = issued.Id.ToString(CultureInfo.InvariantCulture);

        // A past edition with its programme released, so the editions page lists two and the archive shows one.
        var release = await db.ProgrammeReleases.Where(r => r.ForumId == forum.Id).OrderByDescending(r => r.Version).FirstAsync();
        var past = new Core.Forums.Forum
        {
            Acronym = "HISCF2009", NameEn = "China Hunan International Sister Cities Forum 2009", NameZh = "2009中国湖南国际友好城市合作论坛",
            PlaceEn = forum.PlaceEn, PlaceZh = forum.PlaceZh, StartDate = forum.StartDate.AddDays(-364), EndDate = forum.EndDate.AddDays(-364),
            TimeZoneId = forum.TimeZoneId, Status = Core.Forums.ForumStatus.Archived, CreatedUtc = DateTime.UtcNow,
        };
        db.Forums.Add(past);
        await db.SaveChangesAsync();
        db.ProgrammeReleases.Add(new Core.Programme.ProgrammeRelease
        {
            ForumId = past.Id, Version = 3, PublishedUtc = release.PublishedUtc.AddDays(-364), PublishedBy = release.PublishedBy, Changelog = release.Changelog,
            Snapshot = release.Snapshot,
        });
        await db.SaveChangesAsync();
        Ids["{forum}"] = forum.Id.ToString(CultureInfo.InvariantCulture);
        Ids["{archived}"] = past.Acronym;
        return password;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts.Values)
        {
            await context.CloseAsync();
        }

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

using System.Globalization;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Data;
using ForumManager.Features.Dashboard;
using ForumManager.Testing;
using ForumManager.Web.Pages.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Admin;

/// <summary>
/// The organizers' dashboard. Other tests share the database, so each test reads the figures, adds its own people,
/// journeys, rooms and check-ins, and checks that the figures moved by exactly what it added.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class DashboardTests(AppFixture app)
{
    [Fact]
    public async Task Should_push_the_headline_figures_to_organizers_when_a_registration_changes_and_to_nobody_else()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var page = await HtmlForms.GetPageAsync(organizer, "/admin");
        var strip = page.QuerySelector("[data-testid=live-figures]")!;

        var refused = await staff.GetAsync("/admin/live", HttpCompletionOption.ResponseHeadersRead);
        using var live = await organizer.GetAsync("/admin/live", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await live.Content.ReadAsStreamAsync());
        var before = await EventStreams.NextAsync(reader);
        var id = await app.WithDbAsync(async db =>
        {
            var person = await db.Delegates.OrderBy(d => d.Id).FirstAsync(d => d.Status == RegistrationStatus.Submitted);
            person.Status = RegistrationStatus.Approved;
            await db.SaveChangesAsync();
            return person.Id;
        });
        var after = await EventStreams.NextAsync(reader).WaitAsync(TimeSpan.FromSeconds(10));
        await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, RegistrationStatus.Submitted)));
        await app.Services.GetRequiredService<Microsoft.Extensions.Caching.Hybrid.HybridCache>().RemoveByTagAsync(DashboardCounts.Tag(1));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before.GetProperty("approved").GetInt32().ToString(CultureInfo.InvariantCulture), strip.QuerySelector("[data-live=approved]")!.TextContent);
        Assert.Equal("/admin/live", strip.GetAttribute("data-live-url"));
        Assert.Equal(before.GetProperty("approved").GetInt32() + 1, after.GetProperty("approved").GetInt32());
        Assert.Equal(before.GetProperty("pending").GetInt32() - 1, after.GetProperty("pending").GetInt32());
        Assert.Equal(before.GetProperty("registered").GetInt32(), after.GetProperty("registered").GetInt32());
    }

    [Fact]
    public async Task Should_draw_each_chart_as_a_labelled_image_followed_by_its_figures()
    {
        var client = await Clients.SignedInAsync(app, Roles.Organizer);

        var page = await HtmlForms.GetPageAsync(client, "/admin");

        foreach (var section in new[] { "status", "registrations", "countries", "delegations", "checkin" })
        {
            var svg = page.QuerySelector($"[data-testid=dashboard-{section}] svg[role=img]");
            Assert.True(svg is not null, $"no chart in {section}");
            Assert.False(string.IsNullOrWhiteSpace(svg.GetAttribute("aria-label")), section);
            Assert.NotNull(svg.QuerySelector("title"));
            Assert.NotNull(page.QuerySelector($"[data-testid=dashboard-{section}] details summary"));
            Assert.NotNull(page.QuerySelector($"[data-testid=dashboard-{section}] details table"));
        }

        Assert.Null(page.QuerySelector("svg [style], svg style, script:not([src])"));
    }

    [Fact]
    public async Task Should_count_new_registrations_in_the_column_of_the_forum_day_they_were_made_and_under_their_country()
    {
        var client = await Clients.SignedInAsync(app, Roles.Organizer);
        var before = await HtmlForms.GetPageAsync(client, "/admin");
        var forumId = await ForumIdAsync();
        var rows = before.QuerySelectorAll("[data-testid=registrations-per-day] tbody th").Select(th => th.TextContent.Trim()).ToList();
        var (earlier, later) = (rows[1], rows[2]);
        var boundary = DateTime.ParseExact(later[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);

        // 17:30 UTC on the day before a column starts is 01:30 on its first day in Changsha.
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 2; i++)
            {
                db.Delegates.Add(NewDelegate(forumId, "IS", DateTime.SpecifyKind(boundary.AddDays(-1).AddHours(17).AddMinutes(30 + i), DateTimeKind.Utc)));
            }

            return await db.SaveChangesAsync();
        });
        await ForgetCountsAsync(app, forumId);
        var after = await HtmlForms.GetPageAsync(client, "/admin");

        Assert.Equal(2, Cell(after, "registrations-per-day", later, 0) - Cell(before, "registrations-per-day", later, 0));
        Assert.Equal(0, Cell(after, "registrations-per-day", earlier, 0) - Cell(before, "registrations-per-day", earlier, 0));
        Assert.Equal(Cell(after, "registrations-per-day", earlier, 1) + Cell(after, "registrations-per-day", later, 0),
            Cell(after, "registrations-per-day", later, 1));
        Assert.Equal(2, Cell(after, "by-country", "Iceland", 0) - Cell(before, "by-country", "Iceland", 0));
        Assert.Equal(2, Cell(after, "by-delegation", "No delegation", 0) - Cell(before, "by-delegation", "No delegation", 0));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task Should_show_registrations_over_the_registration_window_in_bounded_columns_with_every_chart_word_inside_its_box(string language)
    {
        var client = await Clients.SignedInAsync(app, Roles.Organizer);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var forumId = await ForumIdAsync();
        var end = await app.WithDbAsync(db => db.Forums.Where(f => f.Id == forumId).Select(f => f.EndDate).SingleAsync());

        // A registration made today, years after the demo forum, as a test or a real one would be.
        await app.WithDbAsync(async db =>
        {
            db.Delegates.Add(NewDelegate(forumId, "IS", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        await ForgetCountsAsync(app, forumId);
        var page = await HtmlForms.GetPageAsync(client, "/admin");

        var rows = page.QuerySelectorAll("[data-testid=registrations-per-day] tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.InRange(rows.Count, 2, 110);
        Assert.EndsWith(end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows[^1], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=registrations-later]"));
        var charts = page.QuerySelectorAll(".dashboard svg.chart").ToList();
        Assert.True(charts.Count >= 5);
        foreach (var chart in charts)
        {
            var svg = System.Xml.Linq.XElement.Parse(chart.OuterHtml);
            ChartLayoutTests.AssertLaidOut(svg);
            Assert.Equal(SvgCharts.Width.ToString(CultureInfo.InvariantCulture), svg.Attribute("viewBox")!.Value.Split(' ')[2]);
        }

        var ticks = ChartLayoutTests.Texts(System.Xml.Linq.XElement.Parse(page.QuerySelector("[data-testid=dashboard-registrations] svg")!.OuterHtml))
            .Where(t => t.Class == "tick").ToList();
        Assert.Equal([rows[0][5..10], rows[0][..4]], ticks.Take(2).Select(t => t.Text));
    }

    [Fact]
    public async Task Should_show_arrivals_per_forum_hour_rooms_per_night_and_check_ins_for_what_was_entered()
    {
        var client = await Clients.SignedInAsync(app, Roles.Organizer);
        var before = await HtmlForms.GetPageAsync(client, "/admin");
        var forumId = await ForumIdAsync();

        await app.WithDbAsync(async db =>
        {
            var people = await FreeApprovedDelegatesAsync(db, forumId, 3);
            var hub = new TransportHub { ForumId = forumId, Code = "T" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture), NameEn = "Test airport", NameZh = "测试机场" };
            db.TransportHubs.Add(hub);
            await db.SaveChangesAsync();

            // 01:10 and 01:50 UTC are 09:10 and 09:50 in Changsha; 02:20 UTC is 10:20.
            int[] minutes = [70, 110, 140];
            for (var i = 0; i < 3; i++)
            {
                db.Journeys.Add(new Journey
                {
                    ForumId = forumId, DelegateId = people[i], Direction = JourneyDirection.Arrival, Mode = TravelMode.Flight, Number = "CA" + (1300 + i),
                    HubId = hub.Id, ScheduledUtc = new DateTime(2010, 6, 21, 0, 0, 0, DateTimeKind.Utc).AddMinutes(minutes[i]),
                });
            }

            var hotel = new Hotel { ForumId = forumId, NameEn = "Dashboard Hotel " + Guid.NewGuid().ToString("N")[..8], NameZh = "看板酒店" };
            var longBlock = new RoomBlock { ForumId = forumId, Hotel = hotel, Type = RoomType.Twin, FirstNight = new DateOnly(2010, 6, 20), LastNight = new DateOnly(2010, 6, 23), Rooms = 10 };
            var shortBlock = new RoomBlock { ForumId = forumId, Hotel = hotel, Type = RoomType.Single, FirstNight = new DateOnly(2010, 6, 21), LastNight = new DateOnly(2010, 6, 22), Rooms = 5 };
            db.AddRange(hotel, longBlock, shortBlock);
            var twin = new HotelRoom { ForumId = forumId, RoomBlock = longBlock };
            var empty = new HotelRoom { ForumId = forumId, RoomBlock = longBlock };
            var single = new HotelRoom { ForumId = forumId, RoomBlock = shortBlock };
            db.HotelRooms.AddRange(twin, empty, single);
            db.RoomOccupants.AddRange(
                new RoomOccupant { ForumId = forumId, HotelRoom = twin, DelegateId = people[0] },
                new RoomOccupant { ForumId = forumId, HotelRoom = twin, DelegateId = people[1] },
                new RoomOccupant { ForumId = forumId, HotelRoom = single, DelegateId = people[2] });
            foreach (var id in people)
            {
                db.AccommodationRequests.Add(new AccommodationRequest { ForumId = forumId, DelegateId = id, CheckIn = new DateOnly(2010, 6, 21), CheckOut = new DateOnly(2010, 6, 23) });
            }

            db.CheckIns.AddRange(people.Take(2).Select(id => new CheckIn { ForumId = forumId, DelegateId = id, Checkpoint = Checkpoints.Main, ByName = "desk", CheckedInUtc = DateTime.UtcNow }));
            db.CheckIns.Add(new CheckIn { ForumId = forumId, DelegateId = people[2], Checkpoint = Checkpoints.ForSession(1), ByName = "door", CheckedInUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await ForgetCountsAsync(app, forumId);
        var after = await HtmlForms.GetPageAsync(client, "/admin");

        int Delta(string table, string row, int column, string? second = null) =>
            Cell(after, table, row, column, second) - Cell(before, table, row, column, second);

        Assert.Equal(2, Delta("arrivals-per-hour", "2010-06-21", 1, "09:00–09:59"));
        Assert.Equal(1, Delta("arrivals-per-hour", "2010-06-21", 1, "10:00–10:59"));
        Assert.Equal([10, 2, 0], [Delta("hotel-nights", "2010-06-20", 0), Delta("hotel-nights", "2010-06-20", 1), Delta("hotel-nights", "2010-06-20", 2)]);
        Assert.Equal([15, 3, 3], [Delta("hotel-nights", "2010-06-21", 0), Delta("hotel-nights", "2010-06-21", 1), Delta("hotel-nights", "2010-06-21", 2)]);
        Assert.Equal([15, 3, 3], [Delta("hotel-nights", "2010-06-22", 0), Delta("hotel-nights", "2010-06-22", 1), Delta("hotel-nights", "2010-06-22", 2)]);
        Assert.Equal([10, 2, 0], [Delta("hotel-nights", "2010-06-23", 0), Delta("hotel-nights", "2010-06-23", 1), Delta("hotel-nights", "2010-06-23", 2)]);
        Assert.Equal(2, Delta("check-in-progress", "Checked in", 0));
        // Three approved delegates were added and two of them checked in at the main entrance.
        Assert.Equal(1, Delta("check-in-progress", "Not yet checked in", 0));
        Assert.NotNull(after.QuerySelector("[data-testid=dashboard-arrivals] svg[role=img][aria-label]"));
        Assert.NotNull(after.QuerySelector("[data-testid=dashboard-hotel] svg[role=img][aria-label]"));
    }

    [Fact]
    public async Task Should_count_an_approval_on_the_next_view_though_the_figures_are_cached()
    {
        var client = await Clients.SignedInAsync(app, Roles.Organizer);
        var forumId = await ForumIdAsync();
        var waiting = await app.WithDbAsync(async db =>
        {
            var person = NewDelegate(forumId, "IS", DateTime.UtcNow, RegistrationStatus.Submitted);
            db.Delegates.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        await ForgetCountsAsync(app, forumId);
        var before = await HtmlForms.GetPageAsync(client, "/admin");

        // The view above cached the figures; the approval evicts them, so the next view counts it.
        var list = await HtmlForms.GetPageAsync(client, "/admin/delegates?status=Submitted");
        var form = list.QuerySelector("form[action*='handler=Decide']")!;
        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Decision", "Approved"),
            new("Selected", waiting.ToString(CultureInfo.InvariantCulture)),
        ]));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var after = await HtmlForms.GetPageAsync(client, "/admin");

        Assert.Equal(1, Cell(after, "check-in-progress", "Approved delegates", 0) - Cell(before, "check-in-progress", "Approved delegates", 0));
        Assert.Equal(-1, Cell(after, "dashboard-status", "Submitted", 0) - Cell(before, "dashboard-status", "Submitted", 0));
    }

    [Fact]
    public async Task Should_show_the_dashboard_in_Chinese_with_Chinese_headings_and_figures()
    {
        var client = await Clients.SignedInAsync(app, Roles.Organizer);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");

        var page = await HtmlForms.GetPageAsync(client, "/admin");

        Assert.Contains("数据", page.QuerySelector("[data-testid=dashboard-countries] details summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("各国代表人数", page.QuerySelector("#countries")!.TextContent, StringComparison.Ordinal);
    }

    internal static async Task<int> ForumIdAsync(AppFixture app) => await app.WithDbAsync(db => db.Forums
        .Where(f => f.Status == ForumStatus.Open || f.Status == ForumStatus.Closed).OrderByDescending(f => f.StartDate).Select(f => f.Id).FirstAsync());

    /// <summary>
    /// New approved delegates of one delegation, with no journey, room, stay or check-in yet, so that a test may give them
    /// one (the demo's own delegates mostly have travel already).
    /// </summary>
    internal static async Task<List<int>> FreeApprovedDelegatesAsync(ForumDbContext db, int forumId, int count)
    {
        var delegation = await db.Delegations.Where(d => d.ForumId == forumId).OrderBy(d => d.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var people = Enumerable.Range(0, count).Select(i => new Delegate
        {
            ForumId = forumId, DelegationId = delegation.Id, FamilyName = "Ivanova", GivenName = "Anna " + i, NativeName = "Иванова Анна",
            NativeNameLanguage = "ru", CountryCode = delegation.CountryCode, Email = $"free-{Guid.NewGuid():N}@city.example.org",
            Status = RegistrationStatus.Approved, Category = DelegateCategory.Delegate, PrecedenceRank = 4800, CreatedUtc = now, UpdatedUtc = now,
        }).ToList();
        db.Delegates.AddRange(people);
        await db.SaveChangesAsync();
        return people.Select(p => p.Id).ToList();
    }

    internal static Delegate NewDelegate(int forumId, string country, DateTime created, RegistrationStatus status = RegistrationStatus.Waitlisted) => new()
    {
        ForumId = forumId,
        FamilyName = "Jónsdóttir",
        GivenName = "Guðrún",
        CountryCode = country,
        Email = $"dash-{Guid.NewGuid():N}@city.example.org",
        Status = status,
        PrecedenceRank = 4900,
        CreatedUtc = created,
        UpdatedUtc = created,
    };

    private Task<int> ForumIdAsync() => ForumIdAsync(app);

    /// <summary>The dashboard's figures are cached for a few seconds: a test that writes behind the app's back evicts them, as the app's own changes do.</summary>
    internal static async Task ForgetCountsAsync(AppFixture app, int forumId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DashboardCounts>().ForgetAsync(forumId, CancellationToken.None);
    }

    /// <summary>The number in a figures table's row (found by its heading, and by its first cell when given), 0 when the row is not there.</summary>
    private static int Cell(IHtmlDocument page, string table, string row, int column, string? second = null)
    {
        foreach (var tr in page.QuerySelectorAll($"[data-testid={table}] tbody tr"))
        {
            var cells = tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            if (tr.QuerySelector("th")?.TextContent.Trim() == row && (second is null || cells[0] == second))
            {
                return int.Parse(cells[column], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}

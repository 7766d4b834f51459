using System.Net;
using System.Text;
using ForumManager.Core.Accounts;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Logistics;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ForumManager.Web.Tests.Admin.Reports;

/// <summary>
/// The organizers' reports. Each test gives its own sessions and delegates' needs a unique mark and reads only the rows
/// that carry it, since other tests share the database.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class ReportTests(AppFixture app)
{
    [Fact]
    public async Task Should_count_dietary_needs_of_those_attending_each_meal_with_their_names_in_their_own_script()
    {
        var scene = await SetUpAsync();
        var client = await OrganizerAsync();

        var response = await client.GetAsync("/admin/reports/dietary.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Session,", lines[0], StringComparison.Ordinal);

        var enrolled = lines.Where(l => l.StartsWith(scene.EnrolledMeal, StringComparison.Ordinal)).ToList();
        var halal = Assert.Single(enrolled, l => l.Contains(scene.Need, StringComparison.Ordinal));
        Assert.Contains($",{scene.Need},2,", halal, StringComparison.Ordinal);
        Assert.Contains(scene.NativeNames[0], halal, StringComparison.Ordinal);
        Assert.Contains(scene.NativeNames[1], halal, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.NativeNames[3], halal, StringComparison.Ordinal);
        Assert.Contains(enrolled, l => l.Contains(",No special needs,1,", StringComparison.Ordinal));
        Assert.Contains(enrolled, l => l.Contains(",All attending,3,", StringComparison.Ordinal));

        // A banquet feeds every approved delegate, the one waitlisted for the lunch too.
        var open = Assert.Single(lines, l => l.StartsWith(scene.OpenBanquet, StringComparison.Ordinal) && l.Contains(scene.Need, StringComparison.Ordinal));
        Assert.Contains($",{scene.Need},3,", open, StringComparison.Ordinal);
        Assert.Contains(scene.NativeNames[3], open, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_count_every_approved_delegate_at_a_banquet_with_seats_and_list_the_lunches()
    {
        var scene = await SetUpAsync();
        var mark = scene.Need[^8..];
        await app.WithDbAsync(async db =>
        {
            var forumId = await DashboardTests.ForumIdAsync(app);
            var start = new DateTime(2010, 6, 23, 10, 30, 0, DateTimeKind.Utc);
            // The hall's 400 seats make no one enrol: the hosts invite every approved delegate to a banquet.
            db.Sessions.Add(new Session { ForumId = forumId, Type = SessionType.Banquet, TitleEn = "Seated banquet " + mark, TitleZh = "宴会 " + mark, StartUtc = start, EndUtc = start.AddHours(2), Capacity = 400 });
            db.Sessions.Add(new Session { ForumId = forumId, Type = SessionType.Break, TitleEn = "Lunch " + mark, TitleZh = "午餐 " + mark, StartUtc = start.AddDays(1), EndUtc = start.AddDays(1).AddHours(1) });
            return await db.SaveChangesAsync();
        });
        var client = await OrganizerAsync();

        var page = await HtmlForms.GetPageAsync(client, "/admin/reports/dietary");

        var rows = page.QuerySelectorAll("[data-testid=report-table] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        foreach (var meal in new[] { "Seated banquet " + mark, "Lunch " + mark })
        {
            var halal = Assert.Single(rows, r => r[0] == meal && r[2] == scene.Need);
            Assert.Equal("3", halal[3]);
            Assert.Contains(scene.NativeNames[3], halal[4], StringComparison.Ordinal);
            var all = Assert.Single(rows, r => r[0] == meal && r[2] == "All attending");
            Assert.True(int.Parse(all[3], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) >= 4, $"{meal}: {all[3]} attending");
        }
    }

    [Fact]
    public async Task Should_escape_dietary_needs_that_a_spreadsheet_would_run_as_a_formula()
    {
        var scene = await SetUpAsync();
        await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == scene.People[2])
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DietaryNeeds, "=HYPERLINK(\"http://evil.example\")")));
        var client = await OrganizerAsync();

        var csv = await client.GetStringAsync("/admin/reports/dietary.csv");

        Assert.Contains("HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(^|,|\n)""?=HYPERLINK", csv);
    }

    [Fact]
    public async Task Should_give_interpretation_demand_per_session_as_a_spreadsheet_next_to_the_booths_of_its_room()
    {
        var scene = await SetUpAsync();
        var client = await OrganizerAsync();

        var response = await client.GetAsync("/admin/reports/interpretation.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Where(r => r["Session"] as string == scene.Forum).ToList();
        Assert.Equal(2, rows.Count);
        // Languages are named in the reader's language, not given as codes.
        Assert.Equal(("French", 2), (rows[0]["Interpretation into"] as string, Convert.ToInt32(rows[0]["People"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(("Russian", 1), (rows[1]["Interpretation into"] as string, Convert.ToInt32(rows[1]["People"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(rows, r => Assert.Equal(3, Convert.ToInt32(r["Attending"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(rows, r => Assert.Equal(scene.Booths, Convert.ToInt32(r["Booths"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(rows, r => Assert.Equal("Chinese – English", r["Languages interpreted"] as string));
    }

    [Fact]
    public async Task Should_count_only_the_delegates_named_on_a_session_by_invitation_in_the_interpretation_report()
    {
        var mark = Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var named = await db.Delegates.Where(d => d.ForumId == forumId && d.Status == RegistrationStatus.Approved).OrderBy(d => d.Id).Take(2).ToListAsync();
            named[0].InterpretationLanguage = "fr";
            named[1].InterpretationLanguage = "fr";
            var start = new DateTime(2010, 6, 23, 7, 0, 0, DateTimeKind.Utc);
            var meeting = new Session
            {
                ForumId = forumId, Type = SessionType.BilateralMeeting, TitleEn = "Bilateral " + mark, TitleZh = "双边会见 " + mark, StartUtc = start, EndUtc = start.AddHours(1),
                IsPublic = false, Interpretation = InterpretationMode.Consecutive, InterpretationLanguages = "zh-fr",
            };
            meeting.People.AddRange(named.Select((d, i) => new SessionPerson { Role = SessionRole.Participant, DelegateId = d.Id, Position = i }));
            db.Sessions.Add(meeting);
            return await db.SaveChangesAsync();
        });
        var client = await OrganizerAsync();

        var response = await client.GetAsync("/admin/reports/interpretation.xlsx");

        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>(), r => r["Session"] as string == "Bilateral " + mark);
        Assert.Equal(2, Convert.ToInt32(row["Attending"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("French", 2), (row["Interpretation into"] as string, Convert.ToInt32(row["People"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("Chinese – French", row["Languages interpreted"] as string);
    }

    [Fact]
    public async Task Should_print_accessibility_needs_with_the_arrival_in_forum_time_and_the_hotel()
    {
        var scene = await SetUpAsync();
        var client = await OrganizerAsync();

        var page = await HtmlForms.GetPageAsync(client, "/admin/reports/accessibility");

        Assert.NotNull(page.QuerySelector("article.report.printable h1"));
        Assert.Contains("Arrives (UTC+08:00)", page.QuerySelectorAll("[data-testid=report-table] thead th").Select(th => th.TextContent), StringComparer.Ordinal);
        var row = Assert.Single(page.QuerySelectorAll("[data-testid=report-table] tbody tr"), tr => tr.TextContent.Contains(scene.NativeNames[0], StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(scene.NativeNames[0], cells[1]);
        Assert.Contains("CA1234", cells);
        Assert.Contains("2010-06-21 10:00", cells);
        Assert.Contains(scene.Hotel, cells);
        Assert.NotNull(page.QuerySelector("a[href='/admin/reports/accessibility.csv']"));
    }

    [Fact]
    public async Task Should_sum_up_each_delegation_with_the_same_counts_as_its_members()
    {
        var scene = await SetUpAsync();
        var client = await OrganizerAsync();
        var delegationId = await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == scene.People[0]).Select(d => d.DelegationId!.Value).FirstAsync());
        var expected = await app.WithDbAsync(async db =>
        {
            var delegation = await db.Delegations.AsNoTracking().FirstAsync(d => d.Id == delegationId);
            var members = await db.Delegates.AsNoTracking().Where(d => d.DelegationId == delegationId).ToListAsync();
            var approved = members.Where(m => m.Status == RegistrationStatus.Approved).Select(m => m.Id).ToList();
            return new
            {
                delegation.NameEn,
                Country = ForumManager.Core.Registration.Countries.Find(delegation.CountryCode)?.NameEn,
                Approved = approved.Count,
                Submitted = members.Count(m => m.Status == RegistrationStatus.Submitted),
                Rooms = await db.RoomOccupants.CountAsync(o => approved.Contains(o.DelegateId)),
                Arrivals = await db.Journeys.CountAsync(j => approved.Contains(j.DelegateId) && j.Direction == JourneyDirection.Arrival),
                CheckedIn = await db.CheckIns.CountAsync(c => approved.Contains(c.DelegateId) && c.Checkpoint == Checkpoints.Main),
                Dietary = members.Count(m => m.Status == RegistrationStatus.Approved && !string.IsNullOrEmpty(m.DietaryNeeds)),
            };
        });

        var response = await client.GetAsync("/admin/reports/delegations.xlsx");

        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows, r => r["Delegation"] as string == expected.NameEn);
        int Number(string column) => Convert.ToInt32(row[column], System.Globalization.CultureInfo.InvariantCulture);
        // The country is named, not coded ("Japan", never "JP").
        Assert.NotNull(expected.Country);
        Assert.Equal(expected.Country, row["Country or region"] as string);
        Assert.Equal(expected.Approved, Number("Approved"));
        Assert.Equal(expected.Submitted, Number("Submitted"));
        Assert.Equal(expected.Rooms, Number("With a room"));
        Assert.Equal(expected.Arrivals, Number("Arrival entered"));
        Assert.Equal(expected.CheckedIn, Number("Checked in"));
        Assert.Equal(expected.Dietary, Number("Dietary needs"));
        Assert.True(expected.Rooms >= 1 && expected.Arrivals >= 1 && expected.CheckedIn >= 1);
    }

    [Fact]
    public async Task Should_list_the_reports_and_print_each_of_them_in_English_and_in_Chinese()
    {
        var client = await OrganizerAsync();
        var index = await HtmlForms.GetPageAsync(client, "/admin/reports");
        var links = index.QuerySelectorAll("[data-testid=reports] h2 a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["/admin/reports/dietary", "/admin/reports/accessibility", "/admin/reports/interpretation", "/admin/reports/delegations", "/admin/reports/meetings"], links);

        var chinese = await Clients.SignedInAsync(app, Roles.Organizer);
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        foreach (var link in links)
        {
            var page = await HtmlForms.GetPageAsync(client, link);
            Assert.NotNull(page.QuerySelector("article.report h1"));
            var zh = await HtmlForms.GetPageAsync(chinese, link);
            Assert.Contains(zh.QuerySelector("article.report h1")!.TextContent, new[] { "各餐及宴会的饮食需求", "无障碍需求", "各场次翻译需求", "各代表团汇总", "会见成果" });
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/reports/passports.csv")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Delegate)]
    public async Task Should_refuse_reports_to_anyone_below_organizer(string role)
    {
        var client = await Clients.SignedInAsync(app, role);

        foreach (var url in new[] { "/admin/reports", "/admin/reports/dietary", "/admin/reports/accessibility.csv", "/admin/reports/delegations.xlsx", "/admin" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }

        var anonymous = await Clients.Anonymous(app).GetAsync("/admin/reports/dietary.csv");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    private sealed record Scene(string Need, string EnrolledMeal, string OpenBanquet, string Forum, int Booths, string Hotel, IReadOnlyList<int> People, IReadOnlyList<string> NativeNames);

    /// <summary>
    /// Four approved delegates of one delegation, with names in their own script: the first two need the same diet,
    /// the third none, the fourth is only waitlisted for the lunch that takes enrolment; a delegate whose registration is
    /// not approved is enrolled too and must be left out. The first has an accessibility need, a flight and a room.
    /// </summary>
    /// <summary>
    /// An organizer, after the reports cached for a few seconds are evicted: the tests write behind the app's back, where
    /// the app's own changes evict them.
    /// </summary>
    private async Task<HttpClient> OrganizerAsync()
    {
        await DashboardTests.ForgetCountsAsync(app, await DashboardTests.ForumIdAsync(app));
        return await Clients.SignedInAsync(app, Roles.Organizer);
    }

    private async Task<Scene> SetUpAsync()
    {
        var mark = Guid.NewGuid().ToString("N")[..8];
        var need = "Halal " + mark;
        return await app.WithDbAsync(async db =>
        {
            var forumId = await DashboardTests.ForumIdAsync(app);
            var free = await DashboardTests.FreeApprovedDelegatesAsync(db, forumId, 12);
            var delegation = await db.Delegates.Where(d => free.Contains(d.Id) && d.DelegationId != null && d.NativeName != null)
                .GroupBy(d => d.DelegationId).Where(g => g.Count() >= 4).Select(g => g.Key).FirstOrDefaultAsync()
                ?? await db.Delegates.Where(d => free.Contains(d.Id)).Select(d => d.DelegationId).FirstAsync();
            var people = await db.Delegates.Where(d => free.Contains(d.Id) && d.DelegationId == delegation).OrderBy(d => d.Id).Take(4).ToListAsync();
            if (people.Count < 4)
            {
                people.AddRange(await db.Delegates.Where(d => free.Contains(d.Id) && d.DelegationId != delegation).OrderBy(d => d.Id).Take(4 - people.Count).ToListAsync());
            }

            for (var i = 0; i < people.Count; i++)
            {
                var native = string.IsNullOrEmpty(people[i].NativeName) || people[i].NativeName!.All(char.IsAscii) ? "Иванова" : people[i].NativeName!.Split(' ')[0];
                people[i].NativeName = $"{native} {mark}{i}";
            }

            var notApproved = await db.Delegates.FirstAsync(d => d.ForumId == forumId && d.Status == RegistrationStatus.Submitted);
            people[0].DietaryNeeds = need;
            people[1].DietaryNeeds = need;
            people[2].DietaryNeeds = null;
            people[3].DietaryNeeds = need;
            notApproved.DietaryNeeds = need;
            people[0].InterpretationLanguage = "fr";
            people[1].InterpretationLanguage = "fr";
            people[2].InterpretationLanguage = "ru";
            people[0].AccessibilityNeeds = "Wheelchair " + mark;

            var room = await db.Rooms.Where(r => r.ForumId == forumId).OrderByDescending(r => r.Capacity).FirstAsync();
            room.InterpretationBooths = 3;
            var start = new DateTime(2010, 6, 22, 10, 0, 0, DateTimeKind.Utc);
            Session NewSession(string title, SessionType type, int? capacity) => new()
            {
                ForumId = forumId, Type = type, TitleEn = title, TitleZh = title, StartUtc = start, EndUtc = start.AddHours(2), Capacity = capacity,
                RoomId = room.Id, Interpretation = InterpretationMode.Simultaneous, InterpretationLanguages = "zh-en",
            };
            var enrolledMeal = NewSession("Enrolled lunch " + mark, SessionType.Break, 50);
            var openBanquet = NewSession("Open banquet " + mark, SessionType.Banquet, null);
            var forum = NewSession("Forum " + mark, SessionType.SpecialTopicForum, 50);
            db.Sessions.AddRange(enrolledMeal, openBanquet, forum);
            await db.SaveChangesAsync();
            foreach (var session in new[] { enrolledMeal, forum })
            {
                db.Enrolments.AddRange(people.Take(3).Select(p => new Enrolment { SessionId = session.Id, DelegateId = p.Id, Status = EnrolmentStatus.Enrolled, CreatedUtc = start }));
                db.Enrolments.Add(new Enrolment { SessionId = session.Id, DelegateId = people[3].Id, Status = EnrolmentStatus.Waitlisted, CreatedUtc = start });
                db.Enrolments.Add(new Enrolment { SessionId = session.Id, DelegateId = notApproved.Id, Status = EnrolmentStatus.Enrolled, CreatedUtc = start });
            }

            var hub = new TransportHub { ForumId = forumId, Code = "R" + mark[..5].ToUpperInvariant(), NameEn = "Report airport", NameZh = "报表机场" };
            db.TransportHubs.Add(hub);
            db.Journeys.Add(new Journey
            {
                ForumId = forumId, DelegateId = people[0].Id, Direction = JourneyDirection.Arrival, Mode = TravelMode.Flight, Number = "CA1234", Hub = hub,
                ScheduledUtc = new DateTime(2010, 6, 21, 2, 0, 0, DateTimeKind.Utc),
            });
            var hotel = new Hotel { ForumId = forumId, NameEn = "Report Hotel " + mark, NameZh = "报表酒店 " + mark };
            var block = new RoomBlock { ForumId = forumId, Hotel = hotel, FirstNight = new DateOnly(2010, 6, 21), LastNight = new DateOnly(2010, 6, 23), Rooms = 2 };
            var hotelRoom = new HotelRoom { ForumId = forumId, RoomBlock = block, RoomNumber = "808" };
            db.AddRange(hotel, block, hotelRoom);
            db.RoomOccupants.Add(new RoomOccupant { ForumId = forumId, HotelRoom = hotelRoom, DelegateId = people[0].Id });
            db.CheckIns.Add(new CheckIn { ForumId = forumId, DelegateId = people[0].Id, Checkpoint = Checkpoints.Main, ByName = "desk", CheckedInUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();

            return new Scene(need, enrolledMeal.TitleEn, openBanquet.TitleEn, forum.TitleEn, room.InterpretationBooths, hotel.NameEn,
                people.Select(p => p.Id).ToList(), people.Select(p => p.NativeName!).ToList());
        });
    }
}

using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Logistics;
using ForumManager.Features.Logistics;
using ForumManager.Features.Notices;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Admin.Logistics;

public sealed class LogisticsAppFixture : ForumAppFactory;

/// <summary>Travel details on /me, hotel rooms and rooming lists, pickup waves, vehicles and manifests.</summary>
public sealed class LogisticsTests(LogisticsAppFixture app) : IClassFixture<LogisticsAppFixture>
{
    private async Task<(HttpClient Client, Delegate Record)> DelegateAsync(int? delegationId = null, Gender gender = Gender.Female)
    {
        var email = await app.CreateUserAsync(Roles.Delegate);
        var record = await app.WithDbAsync(async db =>
        {
            var d = new Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(), UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(),
                DelegationId = delegationId, FamilyName = "Kim", GivenName = "Minji", NativeName = "김민지", NativeNameLanguage = "ko", CountryCode = "KR",
                Email = email, Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved, Gender = gender,
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(d);
            await db.SaveChangesAsync();
            return d;
        });
        return (await Clients.SignInAsync(app, email, ForumAppFactory.Password), record);
    }

    private Task<int> HubAsync(string code) => app.WithDbAsync(db => db.TransportHubs.Where(h => h.Code == code).Select(h => h.Id).SingleAsync());

    [Fact]
    public async Task Should_refuse_a_mistyped_flight_number_next_to_the_field_and_save_nothing()
    {
        var (client, me) = await DelegateAsync();
        var csx = await HubAsync("CSX");

        var response = await TravelForm.SubmitAsync(client, TravelForm.Arrival(csx, "12345", "2010-06-23", "14:05"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        var field = page.QuerySelector("#Arrival_Number")!.ParentElement!;
        Assert.Contains("does not look like a flight number", field.QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("12345", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Arrival_Number")!).Value);
        Assert.False(await app.WithDbAsync(db => db.Journeys.AnyAsync(j => j.DelegateId == me.Id)));
    }

    [Fact]
    public async Task Should_save_the_arrival_in_forum_time_and_the_room_request_and_show_them_again()
    {
        var (client, me) = await DelegateAsync();
        var csx = await HubAsync("CSX");
        var values = TravelForm.Arrival(csx, "cz 3104", "2010-06-23", "14:05");
        values[TravelForm.StayNeeded] = "true";
        values[TravelForm.StayCheckIn] = "2010-06-23";
        values[TravelForm.StayCheckOut] = "2010-06-25";
        values[TravelForm.StayType] = "Twin";
        values[TravelForm.StaySharing] = "SameGender";

        var response = await TravelForm.SubmitAsync(client, values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var journey = await app.WithDbAsync(db => db.Journeys.AsNoTracking().SingleAsync(j => j.DelegateId == me.Id));
        Assert.Equal("CZ3104", journey.Number);
        Assert.Equal(new DateTime(2010, 6, 23, 6, 5, 0, DateTimeKind.Utc), journey.ScheduledUtc);
        var request = await app.WithDbAsync(db => db.AccommodationRequests.AsNoTracking().SingleAsync(r => r.DelegateId == me.Id));
        Assert.Equal((RoomType.Twin, Sharing.SameGender, 2), (request.Type, request.Sharing, request.Nights));
        var again = await HtmlForms.GetPageAsync(client, TravelForm.Url);
        Assert.Equal("CZ3104", ((AngleSharp.Html.Dom.IHtmlInputElement)again.QuerySelector("#Arrival_Number")!).Value);
        Assert.Equal("14:05", ((AngleSharp.Html.Dom.IHtmlInputElement)again.QuerySelector("#Arrival_Time")!).Value);
    }

    [Fact]
    public async Task Should_refuse_a_departure_before_the_arrival_and_a_single_room_to_share()
    {
        var (client, me) = await DelegateAsync();
        var csx = await HubAsync("CSX");
        var values = TravelForm.Arrival(csx, "CZ3104", "2010-06-23", "14:05");
        values[TravelForm.DepartureMode] = "Flight";
        values[TravelForm.DepartureNumber] = "KE818";
        values[TravelForm.DepartureHubId] = csx.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values[TravelForm.DepartureDate] = "2010-06-23";
        values[TravelForm.DepartureTime] = "09:00";
        values[TravelForm.StayNeeded] = "true";
        values[TravelForm.StayType] = "Single";
        values[TravelForm.StaySharing] = "SameGender";

        var page = await HtmlForms.ParseAsync(await TravelForm.SubmitAsync(client, values));

        Assert.Contains("The departure must come after the arrival.", page.QuerySelector("#Departure_Date")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("A single room is for one", page.QuerySelector("#stay-type")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Journeys.AnyAsync(j => j.DelegateId == me.Id)));
    }

    [Fact]
    public async Task Should_allocate_rooms_with_each_delegation_in_one_hotel_and_the_rooming_list_holding_them()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var before = await app.WithDbAsync(db => db.RoomOccupants.Select(o => o.DelegateId).ToListAsync());

        var response = await HtmlForms.SubmitAsync(organizer, "/admin/hotels", new Dictionary<string, string>(), "form[action*=Allocate]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var placed = await app.WithDbAsync(db => db.RoomOccupants.AsNoTracking()
            .Select(o => new { o.DelegateId, o.HotelRoomId, o.HotelRoom!.RoomBlock!.HotelId, o.HotelRoom.RoomBlockId, Delegation = db.Delegates.Where(d => d.Id == o.DelegateId).Select(d => d.DelegationId).First() })
            .ToListAsync());
        var waiting = await app.WithDbAsync(db => db.AccommodationRequests.CountAsync(r => !db.RoomOccupants.Any(o => o.DelegateId == r.DelegateId)
            && db.Delegates.Any(d => d.Id == r.DelegateId && d.Status == RegistrationStatus.Approved)));
        Assert.Equal(0, waiting);
        Assert.True(placed.Count > 20, $"only {placed.Count} placed");
        // Delegations another test had already begun to house by hand are left out: they may have been split on purpose.
        var begun = placed.Where(p => before.Contains(p.DelegateId)).Select(p => p.Delegation).ToHashSet();
        Assert.All(placed.Where(p => !begun.Contains(p.Delegation)).GroupBy(p => p.Delegation), g => Assert.Single(g.Select(p => p.HotelId).Distinct()));
        var blocks = await app.WithDbAsync(db => db.RoomBlocks.AsNoTracking().ToListAsync());
        Assert.All(blocks, b => Assert.Equal(placed.Where(p => p.RoomBlockId == b.Id).Select(p => p.HotelRoomId).Distinct().Count(), b.Allocated));
        Assert.All(blocks, b => Assert.True(b.Allocated <= b.Rooms));

        var hotel = placed[0].HotelId;
        var xlsx = await organizer.GetAsync($"/admin/hotels/{hotel}/rooming.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var expected = await app.WithDbAsync(db => db.RoomOccupants.AsNoTracking().Where(o => o.HotelRoom!.RoomBlock!.HotelId == hotel)
            .Select(o => new { o.HotelRoomId, Native = db.Delegates.Where(d => d.Id == o.DelegateId).Select(d => d.NativeName).First(),
                Reference = db.Delegates.Where(d => d.Id == o.DelegateId).Select(d => d.Reference).First() }).ToListAsync());
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal("Reference 参会编号", rows[0].Keys.First());
        Assert.Equal(expected.Select(e => e.Reference).Order(), rows.Select(r => (string)r["Reference 参会编号"]!).Order());
        Assert.Equal(expected.Select(e => ("#" + e.HotelRoomId, e.Native)).Order(), rows.Select(r => ((string)r["Room 房号"]!, (string?)r["Name in own script 本国文字姓名"])).Order());
        // The hotel reads the room type in both languages, never the program's own word for it.
        Assert.All(rows, r => Assert.Matches(@"^(Single room 单人间|Double room 大床房|Twin room 双床房|Suite 套房)( · .+)?$", (string)r["Room type 房型"]!));
    }

    [Fact]
    public async Task Should_never_give_out_more_rooms_than_the_block_holds_when_organizers_take_the_last_room_at_once()
    {
        var (hotelId, blockId, people) = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var hotel = new Hotel { ForumId = forumId, NameEn = "Last Room Inn " + Guid.NewGuid().ToString("N")[..6], NameZh = "最后一间客栈" };
            var block = new RoomBlock { ForumId = forumId, Type = RoomType.Single, Rooms = 1, FirstNight = new DateOnly(2010, 6, 21), LastNight = new DateOnly(2010, 6, 24) };
            hotel.Blocks.Add(block);
            db.Hotels.Add(hotel);
            await db.SaveChangesAsync();
            var ids = await db.Delegates.Where(d => d.Status == RegistrationStatus.Approved && !db.RoomOccupants.Any(o => o.DelegateId == d.Id)).Select(d => d.Id).Take(8).ToListAsync();
            return (hotel.Id, block.Id, ids);
        });

        var outcomes = await Task.WhenAll(people.Select(async person =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var rooms = scope.ServiceProvider.GetRequiredService<RoomAllocations>();
            var forumId = await app.WithDbAsync(db => db.Forums.Select(f => f.Id).SingleAsync());
            return await rooms.PlaceInNewRoomAsync(forumId, person, blockId, new Actor(null, "organizer " + person), CancellationToken.None);
        }));

        Assert.Equal(1, outcomes.Count(o => o == PlaceOutcome.Placed));
        Assert.Equal(people.Count - 1, outcomes.Count(o => o == PlaceOutcome.BlockFull));
        Assert.Equal(1, await app.WithDbAsync(db => db.RoomBlocks.Where(b => b.Id == blockId).Select(b => b.Allocated).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.RoomOccupants.CountAsync(o => o.HotelRoom!.RoomBlock!.HotelId == hotelId)));
    }

    [Fact]
    public async Task Should_mark_in_the_next_rooming_list_what_changed_since_it_was_sent()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var (me, hotel, block) = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var h = new Hotel { ForumId = forumId, NameEn = "Changes Hotel " + Guid.NewGuid().ToString("N")[..6], NameZh = "变动酒店" };
            var b = new RoomBlock { ForumId = forumId, Type = RoomType.Single, Rooms = 5, FirstNight = new DateOnly(2010, 6, 21), LastNight = new DateOnly(2010, 6, 24) };
            h.Blocks.Add(b);
            db.Hotels.Add(h);
            await db.SaveChangesAsync();
            var people = await db.Delegates.Where(d => d.Status == RegistrationStatus.Approved && !db.RoomOccupants.Any(o => o.DelegateId == d.Id)).Select(d => d.Id).Take(2).ToListAsync();
            return (people, h.Id, b.Id);
        });
        await PlaceAsync(organizer, me[0], block);
        await HtmlForms.SubmitAsync(organizer, $"/admin/hotels/{hotel}", new Dictionary<string, string>(), "form[action*=Sent]");
        await PlaceAsync(organizer, me[1], block);

        var page = await HtmlForms.GetPageAsync(organizer, $"/admin/hotels/{hotel}");

        Assert.Equal(string.Empty, page.QuerySelector($"[data-testid=guest-{me[0]}] td")!.TextContent.Trim());
        Assert.Equal("New", page.QuerySelector($"[data-testid=guest-{me[1]}] td")!.TextContent.Trim());
        var pdf = await organizer.GetByteArrayAsync($"/admin/hotels/{hotel}/rooming.pdf");
        var file = await PdfReadBack.SaveAsync(pdf, "rooming");
        await PdfReadBack.AssertValidAsync(file);
        var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(file));
        Assert.Contains("NEW", text, StringComparison.Ordinal);
        Assert.Contains("新增", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_a_large_hotel_a_hundred_guests_a_page_with_a_pager_that_keeps_the_search()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var (hotel, last, alone, mate) = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var tag = Guid.NewGuid().ToString("N")[..6];
            var delegation = new Delegation { ForumId = forumId, NameEn = "Paging Delegation " + tag, NameZh = "分页代表团" + tag, CountryCode = "KR" };
            var h = new Hotel { ForumId = forumId, NameEn = "Paging Hotel " + tag, NameZh = "分页酒店" };
            var block = new RoomBlock { ForumId = forumId, Hotel = h, Type = RoomType.Twin, Rooms = 80, FirstNight = new DateOnly(2010, 6, 21), LastNight = new DateOnly(2010, 6, 23) };
            db.AddRange(delegation, h, block);
            var now = DateTime.UtcNow;

            // 131 guests: 65 rooms of two, then one room with a bed free.
            var people = Enumerable.Range(0, 131).Select(i => new Delegate
            {
                ForumId = forumId, Delegation = delegation, FamilyName = "Pagination", GivenName = $"Guest {i:000}", CountryCode = "KR",
                Email = $"paging-{tag}-{i}@city.example.org", Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved, CreatedUtc = now, UpdatedUtc = now,
            }).ToList();
            db.Delegates.AddRange(people);
            var rooms = Enumerable.Range(0, 66).Select(_ => new HotelRoom { ForumId = forumId, RoomBlock = block }).ToList();
            db.HotelRooms.AddRange(rooms);
            await db.SaveChangesAsync();
            db.RoomOccupants.AddRange(people.Select((p, i) => new RoomOccupant { ForumId = forumId, HotelRoomId = rooms[i / 2].Id, DelegateId = p.Id }));
            db.AccommodationRequests.Add(new AccommodationRequest { ForumId = forumId, DelegateId = people[^1].Id, CheckIn = new DateOnly(2010, 6, 21), CheckOut = new DateOnly(2010, 6, 23) });
            db.Journeys.Add(new Journey
            {
                ForumId = forumId, DelegateId = people[^1].Id, Direction = JourneyDirection.Arrival, Mode = TravelMode.Flight, Number = "OZ321",
                HubId = await db.TransportHubs.Select(t => t.Id).FirstAsync(), ScheduledUtc = new DateTime(2010, 6, 21, 2, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
            return (h.Id, people[^1].Id, rooms[^1].Id, people[0].Id);
        });

        var first = await HtmlForms.GetPageAsync(organizer, $"/admin/hotels/{hotel}");
        var second = await HtmlForms.GetPageAsync(organizer, $"/admin/hotels/{hotel}?p=2");
        var found = await HtmlForms.GetPageAsync(organizer, $"/admin/hotels/{hotel}?q=Guest+1");

        Assert.Equal(100, first.QuerySelectorAll("[data-testid=rooming] tbody tr").Length);
        Assert.Equal("100 of 131 rows shown", first.QuerySelector("[data-testid=rooming-count]")!.TextContent.Trim());
        Assert.Equal(31, second.QuerySelectorAll("[data-testid=rooming] tbody tr").Length);
        var pager = $"a[href^='/admin/hotels/{hotel}?p=']";
        Assert.Equal(["1", "2"], first.QuerySelectorAll(pager).Select(a => a.TextContent.Trim()));
        Assert.Equal("page", second.QuerySelector($"a[href='/admin/hotels/{hotel}?p=2&q=']")!.GetAttribute("aria-current"));

        // The last guest, on the second page, shows the stay and the arrival read for that page's guests.
        var row = second.QuerySelector($"[data-testid=guest-{last}]")!;
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("OZ321 06-21 10:00", cells[4]);
        Assert.NotEqual(string.Empty, cells[6]);
        Assert.Null(first.QuerySelector($"[data-testid=guest-{last}]"));

        // A room with a bed free is offered to the guests of its delegation shown on the page.
        Assert.NotNull(first.QuerySelector($"[data-testid=guest-{mate}] option[value='r:{alone}']"));

        // "Guest 1" matches Guest 100 to Guest 130: one page, and the pager (when there is one) keeps the search.
        Assert.Equal("31 of 31 rows shown", found.QuerySelector("[data-testid=rooming-count]")!.TextContent.Trim());
        Assert.Empty(found.QuerySelectorAll(pager));
        var many = await HtmlForms.GetPageAsync(organizer, $"/admin/hotels/{hotel}?q=Pagination&p=2");
        Assert.Equal(31, many.QuerySelectorAll("[data-testid=rooming] tbody tr").Length);
        Assert.All(many.QuerySelectorAll(pager), a => Assert.EndsWith("&q=Pagination", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    private static async Task PlaceAsync(HttpClient organizer, int person, int block)
    {
        var page = await HtmlForms.GetPageAsync(organizer, "/admin/hotels");
        var response = await HtmlForms.SubmitAsync(organizer, page, "/admin/hotels",
            new Dictionary<string, string> { ["delegateId"] = person.ToString(System.Globalization.CultureInfo.InvariantCulture), ["blockId"] = block.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "form[action*=Place]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Should_group_arrivals_into_waves_seat_them_and_print_manifests_that_hold_the_right_people()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var (client, me) = await DelegateAsync();
        var csx = await HubAsync("CSX");
        Assert.Equal(HttpStatusCode.Redirect, (await TravelForm.SubmitAsync(client, TravelForm.Arrival(csx, "OZ323", "2010-06-24", "10:10"))).StatusCode);

        var planned = await HtmlForms.SubmitAsync(organizer, "/admin/transfers?day=2010-06-24", new Dictionary<string, string> { ["Window"] = "60" }, "[data-testid=plan-form]");
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var wave = await app.WithDbAsync(db => db.Journeys.Where(j => j.DelegateId == me.Id).Select(j => j.PickupWaveId).SingleAsync());
        Assert.NotNull(wave);
        var suggest = await HtmlForms.SubmitAsync(organizer, $"/admin/transfers/wave/{wave}", new Dictionary<string, string>(), "form[action*=Suggest]");
        Assert.Equal(HttpStatusCode.Redirect, suggest.StatusCode);

        var seats = await app.WithDbAsync(db => db.Journeys.AsNoTracking().Where(j => j.PickupWaveId == wave)
            .Select(j => new { j.TransferId, Native = db.Delegates.Where(d => d.Id == j.DelegateId).Select(d => d.NativeName).First() }).ToListAsync());
        Assert.All(seats, s => Assert.NotNull(s.TransferId));
        var transfers = await app.WithDbAsync(db => db.Transfers.AsNoTracking().Where(t => t.PickupWaveId == wave).ToListAsync());
        Assert.All(transfers, t => Assert.Equal(seats.Count(s => s.TransferId == t.Id), t.Taken));
        Assert.All(transfers, t => Assert.True(t.Taken <= t.Seats));

        var mine = seats.Single(s => s.Native == "김민지").TransferId!.Value;
        var file = await PdfReadBack.SaveAsync(await organizer.GetByteArrayAsync($"/admin/transfers/manifest/{mine}.pdf"), "manifest");
        await PdfReadBack.AssertValidAsync(file);
        var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(file));
        Assert.All(seats.Where(s => s.TransferId == mine), s => Assert.Contains(s.Native!, text, StringComparison.Ordinal));
        Assert.All(seats.Where(s => s.TransferId != mine && s.Native is not null), s => Assert.DoesNotContain(s.Native!, text, StringComparison.Ordinal));
        Assert.Contains("OZ323", text, StringComparison.Ordinal);

        var xlsx = await organizer.GetByteArrayAsync($"/admin/transfers/manifest/{mine}.xlsx");
        await using var stream = new MemoryStream(xlsx);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(seats.Count(s => s.TransferId == mine), rows.Count);
        Assert.Equal("Reference 参会编号", rows[0].Keys.First());
        Assert.Contains(me.Reference, rows.Select(r => r["Reference 参会编号"] as string));

        var home = await HtmlForms.GetPageAsync(client, "/me");
        var vehicle = transfers.Single(t => t.Id == mine).VehicleId;
        var label = await app.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle).Select(v => v.Label).SingleAsync());
        Assert.Contains(label, home.QuerySelector("[data-testid=my-pickup]")!.TextContent, StringComparison.Ordinal);

        // The reminder the evening before says where and when the pickup leaves, and who drives.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumManager.Data.ForumDbContext>();
        var forum = await db.Forums.SingleAsync();
        var person = await db.Delegates.SingleAsync(d => d.Id == me.Id);
        var reminder = await scope.ServiceProvider.GetRequiredService<NoticeRenderer>()
            .RenderAsync(forum, person, ForumManager.Core.Notices.NoticeKind.Reminder, NoticeExtras.None, CancellationToken.None);
        var driver = await db.Vehicles.Where(v => v.Id == vehicle).Select(v => v.DriverPhone).SingleAsync();
        Assert.Contains($"Your airport pickup: {label}", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains(driver!, reminder.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_take_a_room_request_with_the_registration_and_refuse_a_check_out_before_the_check_in()
    {
        var email = $"stay-{Guid.NewGuid():N}@city.example.org";
        var refused = await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email, v =>
        {
            v[RegistrationForm.StayNeeded] = "true";
            v[RegistrationForm.StayCheckIn] = "2010-06-23";
            v[RegistrationForm.StayCheckOut] = "2010-06-22";
        });
        var page = await HtmlForms.ParseAsync(refused);
        Assert.Contains("Check-out must be after check-in.", page.QuerySelector("#stay-checkout")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Delegates.AnyAsync(d => d.Email == email)));

        var accepted = await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email, v =>
        {
            v[RegistrationForm.StayNeeded] = "true";
            v[RegistrationForm.StayCheckIn] = "2010-06-21";
            v[RegistrationForm.StayCheckOut] = "2010-06-25";
            v[RegistrationForm.StayType] = "Twin";
            v[RegistrationForm.StaySharing] = "SameGender";
        });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var request = await app.WithDbAsync(db => db.AccommodationRequests.AsNoTracking().SingleAsync(r => db.Delegates.Any(d => d.Id == r.DelegateId && d.Email == email)));
        Assert.Equal((new DateOnly(2010, 6, 21), 4, RoomType.Twin, Sharing.SameGender), (request.CheckIn, request.Nights, request.Type, request.Sharing));
    }

    [Fact]
    public async Task Should_choose_badges_by_arrival_day_and_hotel()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync());
        var (from, to) = TransferPlanning.DayInUtc(forum, new DateOnly(2010, 6, 23));
        var expected = await app.WithDbAsync(db => db.Delegates.CountAsync(d => db.Journeys.Any(j => j.DelegateId == d.Id && j.Direction == JourneyDirection.Arrival && j.ScheduledUtc >= from && j.ScheduledUtc < to)));
        Assert.True(expected > 0);

        var page = await HtmlForms.GetPageAsync(organizer, "/admin/badges?ArrivalDay=2010-06-23");

        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture) + " badges match.", page.QuerySelector("[data-testid=badge-matching]")!.TextContent.Trim());
        var unknownHotel = await HtmlForms.GetPageAsync(organizer, "/admin/badges?Hotel=999999");
        Assert.Equal("0 badges match.", unknownHotel.QuerySelector("[data-testid=badge-matching]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Should_show_a_delegate_only_their_own_travel_and_keep_other_roles_out_of_the_logistics_pages()
    {
        var (client, _) = await DelegateAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/hotels")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/transfers/manifest/1.pdf")).StatusCode);
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/transfers")).StatusCode);
        var page = await HtmlForms.GetPageAsync(client, "/me/travel");
        Assert.Null(page.QuerySelector("#Arrival_Number")!.GetAttribute("value") is { Length: > 0 } v ? v : null);
    }

    [Fact]
    public async Task Should_add_a_room_with_booths_and_equipment_and_say_at_the_field_what_is_wrong()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var venue = await app.WithDbAsync(db => db.Venues.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync());
        var form = $"[data-testid=new-room-{venue}]";
        var name = "Hall " + Guid.NewGuid().ToString("N")[..6];

        var refused = await HtmlForms.SubmitAsync(organizer, "/admin/venues",
            new Dictionary<string, string> { ["Room.NameEn"] = name, ["Room.NameZh"] = "会议室", ["Room.Capacity"] = "80", ["Room.InterpretationBooths"] = "99" }, form);
        var page = await HtmlForms.ParseAsync(refused);
        Assert.Contains("between 0 and 20", page.QuerySelector($"{form} #new-room-{venue}-Booths")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Rooms.AnyAsync(r => r.NameEn == name)));

        var saved = await HtmlForms.SubmitAsync(organizer, "/admin/venues", new Dictionary<string, string>
        {
            ["Room.NameEn"] = name, ["Room.NameZh"] = "会议室", ["Room.Capacity"] = "80", ["Room.InterpretationBooths"] = "2", ["Room.Equipment"] = "Projector",
            ["Room.OpensAt"] = "08:00", ["Room.ClosesAt"] = "20:00",
        }, form);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var room = await app.WithDbAsync(db => db.Rooms.AsNoTracking().SingleAsync(r => r.NameEn == name));
        Assert.Equal((80, 2, "Projector", new TimeOnly(8, 0)), (room.Capacity, room.InterpretationBooths, room.Equipment, room.OpensAt!.Value));
    }

    [Fact]
    public async Task Should_give_back_the_room_and_the_pickup_seat_of_a_cancelled_registration()
    {
        var (client, me) = await DelegateAsync();
        var (forumId, blockId, transferId, journeyId) = await app.WithDbAsync(async db =>
        {
            var forum = await db.Forums.SingleAsync();
            var hotel = new Hotel { ForumId = forum.Id, NameEn = "Cancel Hotel " + Guid.NewGuid().ToString("N")[..6], NameZh = "取消酒店" };
            var block = new RoomBlock { ForumId = forum.Id, Type = RoomType.Single, Rooms = 3, FirstNight = new DateOnly(2010, 6, 21), LastNight = new DateOnly(2010, 6, 24) };
            hotel.Blocks.Add(block);
            var wave = new PickupWave { ForumId = forum.Id, HubId = await db.TransportHubs.Select(h => h.Id).FirstAsync(), StartUtc = new DateTime(2010, 6, 22, 2, 0, 0, DateTimeKind.Utc),
                EndUtc = new DateTime(2010, 6, 22, 3, 0, 0, DateTimeKind.Utc), DepartsUtc = new DateTime(2010, 6, 22, 3, 45, 0, DateTimeKind.Utc) };
            var vehicle = new Vehicle { ForumId = forum.Id, Label = "Cancel car " + Guid.NewGuid().ToString("N")[..6], Seats = 4 };
            db.AddRange(hotel, wave, vehicle);
            await db.SaveChangesAsync();
            var transfer = new Transfer { ForumId = forum.Id, PickupWaveId = wave.Id, VehicleId = vehicle.Id, Seats = 4 };
            db.Transfers.Add(transfer);
            var journey = new Journey { ForumId = forum.Id, DelegateId = me.Id, Direction = JourneyDirection.Arrival, Number = "KE817", HubId = wave.HubId, ScheduledUtc = wave.StartUtc, PickupWaveId = wave.Id };
            db.Journeys.Add(journey);
            await db.SaveChangesAsync();
            return (forum.Id, block.Id, transfer.Id, journey.Id);
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(PlaceOutcome.Placed, await scope.ServiceProvider.GetRequiredService<RoomAllocations>().PlaceInNewRoomAsync(forumId, me.Id, blockId, Actor.System, CancellationToken.None));
            Assert.Equal(SeatOutcome.Seated, await scope.ServiceProvider.GetRequiredService<TransferPlanning>().SeatAsync(forumId, journeyId, transferId, Actor.System, CancellationToken.None));
        }

        var page = await HtmlForms.GetPageAsync(client, "/me");
        var asked = await ConfirmSteps.AskedAsync(await HtmlForms.SubmitAsync(client, page, "/me", new Dictionary<string, string>(), "form.danger-zone"));
        Assert.Contains("your hotel room and your airport pickup are given up", ConfirmSteps.Consequences(asked), StringComparison.Ordinal);
        var cancel = await ConfirmSteps.ConfirmAsync(client, asked, "/me?handler=Cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(RegistrationStatus.Cancelled, await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == me.Id).Select(d => d.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.RoomOccupants.AnyAsync(o => o.DelegateId == me.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.RoomBlocks.Where(b => b.Id == blockId).Select(b => b.Allocated).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Transfers.Where(t => t.Id == transferId).Select(t => t.Taken).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.Journeys.Where(j => j.Id == journeyId).Select(j => j.TransferId).SingleAsync()));
    }

    [Fact]
    public async Task Should_add_an_airport_and_refuse_a_bad_code_or_an_empty_hotel_name_at_the_field()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var code = "T" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = await HtmlForms.ParseAsync(await HtmlForms.SubmitAsync(organizer, "/admin/transfers",
            new Dictionary<string, string> { ["Hub.Code"] = "C-X", ["Hub.NameEn"] = "Test", ["Hub.NameZh"] = "测试" }, "[data-testid=hub-form]"));
        Assert.Contains("Two to eight letters or digits.", refused.QuerySelector("#Hub_Code")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var added = await HtmlForms.SubmitAsync(organizer, "/admin/transfers",
            new Dictionary<string, string> { ["Hub.Code"] = code.ToLowerInvariant(), ["Hub.NameEn"] = "Zhangjiajie Hehua Airport", ["Hub.NameZh"] = "张家界荷花机场" }, "[data-testid=hub-form]");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.TransportHubs.AnyAsync(h => h.Code == code && h.NameZh == "张家界荷花机场")));

        var hotel = await HtmlForms.SubmitAsync(organizer, "/admin/hotels", new Dictionary<string, string> { ["Hotel.NameEn"] = " ", ["Hotel.NameZh"] = "" }, "[data-testid=hotel-form]");
        Assert.Equal(HttpStatusCode.OK, hotel.StatusCode);
        Assert.Contains("is required", (await HtmlForms.ParseAsync(hotel)).QuerySelector("#Hotel_NameEn")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_mail_the_rooming_list_to_the_hotel_with_both_files_attached()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var desk = $"desk-{Guid.NewGuid():N}@hotel.example.cn";
        var (hotel, person) = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var h = new Hotel { ForumId = forumId, NameEn = "Mail Hotel " + Guid.NewGuid().ToString("N")[..6], NameZh = "邮件酒店", ReservationsEmail = desk };
            var b = new RoomBlock { ForumId = forumId, Type = RoomType.Single, Rooms = 2, FirstNight = new DateOnly(2010, 6, 21), LastNight = new DateOnly(2010, 6, 24) };
            h.Blocks.Add(b);
            db.Hotels.Add(h);
            await db.SaveChangesAsync();
            var someone = await db.Delegates.Where(d => d.Status == RegistrationStatus.Approved && d.NativeName != null && !db.RoomOccupants.Any(o => o.DelegateId == d.Id))
                .Select(d => new { d.Id, d.NativeName }).FirstAsync();
            var room = new HotelRoom { ForumId = forumId, RoomBlockId = b.Id };
            room.Occupants.Add(new RoomOccupant { ForumId = forumId, DelegateId = someone.Id });
            db.HotelRooms.Add(room);
            b.Allocated = 1;
            await db.SaveChangesAsync();
            return (h.Id, someone.NativeName!);
        });

        var response = await HtmlForms.SubmitAsync(organizer, $"/admin/hotels/{hotel}", new Dictionary<string, string>(), "form[action*=Mail]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == desk));
        Assert.Equal("logistics.rooming-list", message.Purpose);
        var mime = await app.ReadMailAsync(message);
        var files = mime.Attachments.OfType<MimeKit.MimePart>().ToList();
        Assert.Equal([".pdf", ".xlsx"], files.Select(f => Path.GetExtension(f.FileName)).Order());
        await using var sheet = new MemoryStream();
        await files.Single(f => f.FileName?.EndsWith(".xlsx", StringComparison.Ordinal) == true).Content!.DecodeToAsync(sheet);
        sheet.Position = 0;
        var rows = sheet.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(person, Assert.Single(rows)["Name in own script 本国文字姓名"]);
        Assert.Equal(1, await app.WithDbAsync(db => db.RoomingListSendings.CountAsync(r => r.HotelId == hotel)));
    }
}

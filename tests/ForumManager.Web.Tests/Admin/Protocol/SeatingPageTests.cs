using System.Globalization;
using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Programme;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Admin.Protocol;

public sealed class SeatingPageAppFixture : ForumAppFactory;

/// <summary>Organizers seat the welcome banquet on /admin/protocol/seating, change it by the form, and set layouts per room.</summary>
public sealed class SeatingPageTests(SeatingPageAppFixture app) : IClassFixture<SeatingPageAppFixture>
{
    private Task<int> BanquetAsync() => app.WithDbAsync(db => db.Sessions.Where(s => s.Type == SessionType.Banquet).Select(s => s.Id).SingleAsync());

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Should_seat_the_banquet_swap_two_guests_by_the_form_refuse_a_stale_page_and_show_a_delegate_their_table_on_me()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var banquet = await BanquetAsync();
        var url = $"/admin/protocol/seating/{banquet}";

        var seated = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string>(), "[data-testid=seat-everyone-form]");
        Assert.Equal(HttpStatusCode.Redirect, seated.StatusCode);
        var seats = await app.WithDbAsync(db => db.SeatAssignments.AsNoTracking().Where(a => a.SessionId == banquet).ToListAsync());
        var a = seats.Single(s => s.Table == 1 && s.Seat == 2);
        var b = seats.First(s => s.Table == 2);
        var shown = await HtmlForms.GetPageAsync(organizer, url);
        Assert.Contains(shown.QuerySelectorAll("[data-testid=seat-map] g.seat--taken"), g => g.GetAttribute("data-person") == $"d{a.DelegateId}");

        var swapped = await HtmlForms.SubmitAsync(organizer, shown, url,
            new Dictionary<string, string> { ["Person"] = $"d{a.DelegateId}", ["Table"] = S(b.Table), ["Seat"] = S(b.Seat) }, "[data-testid=move-form]");
        var stale = await HtmlForms.SubmitAsync(organizer, shown, url,
            new Dictionary<string, string> { ["Person"] = $"d{a.DelegateId}", ["Table"] = "1", ["Seat"] = "2" }, "[data-testid=move-form]");

        Assert.Equal(HttpStatusCode.Redirect, swapped.StatusCode);
        var after = await app.WithDbAsync(db => db.SeatAssignments.AsNoTracking().Where(x => x.SessionId == banquet).ToDictionaryAsync(x => x.DelegateId!.Value));
        Assert.Equal((b.Table, b.Seat), (after[a.DelegateId!.Value].Table, after[a.DelegateId!.Value].Seat));
        Assert.Equal((1, 2), (after[b.DelegateId!.Value].Table, after[b.DelegateId!.Value].Seat));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone changed this seating plan after you opened it. Nothing was changed",
            (await HtmlForms.ParseAsync(stale)).QuerySelector("[data-testid=seating-stale]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((b.Table, b.Seat), await app.WithDbAsync(db => db.SeatAssignments.Where(x => x.DelegateId == a.DelegateId).Select(x => new ValueTuple<int, int>(x.Table, x.Seat)).SingleAsync()));

        // A seat that does not exist, in Chinese, beside the seat field.
        var zh = await Clients.SignedInAsync(app, Roles.Organizer);
        zh.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var nowhere = await HtmlForms.SubmitAsync(zh, url, new Dictionary<string, string> { ["Person"] = $"d{a.DelegateId}", ["Table"] = "23", ["Seat"] = "1" }, "[data-testid=move-form]");
        Assert.Equal("该布局没有这个座位。", (await HtmlForms.ParseAsync(nowhere)).QuerySelector("[data-testid=move-seat-error]")!.TextContent.Trim());

        // The delegate now at table 1, seat 2 sees it on /me.
        var email = await app.CreateUserAsync(Roles.Delegate);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var person = await db.Delegates.SingleAsync(d => d.Id == b.DelegateId);
            person.UserId = user.Id;
            person.Email = email;
            await db.SaveChangesAsync();
            return 0;
        });
        var delegateClient = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
        var me = await HtmlForms.GetPageAsync(delegateClient, "/me");
        var line = Assert.Single(me.QuerySelectorAll("[data-testid=my-seat]"));
        Assert.Contains("Welcome banquet", line.TextContent, StringComparison.Ordinal);
        Assert.Equal("Table 1, seat 2", line.QuerySelector("[data-testid=my-seat-place]")!.TextContent.Trim());

        // The seat is data about them, so their own export carries it.
        using var data = System.Text.Json.JsonDocument.Parse(await delegateClient.GetStringAsync("/me/data.json"));
        var seat = Assert.Single(data.RootElement.GetProperty("registrations")[0].GetProperty("seats").EnumerateArray());
        Assert.Equal("Welcome banquet", seat.GetProperty("session").GetString());
        Assert.Equal((1, 2), (seat.GetProperty("table").GetInt32(), seat.GetProperty("seat").GetInt32()));

        var overview = await HtmlForms.GetPageAsync(organizer, "/admin/protocol");
        var attending = await app.WithDbAsync(db => db.SeatAssignments.CountAsync(x => x.SessionId == banquet));
        Assert.Equal($"{attending} of {attending}", overview.QuerySelector($"[data-testid=seating-session-{banquet}] [data-testid=seated-count]")!.TextContent.Trim());
        Assert.NotNull(overview.QuerySelector("a[href='/admin/protocol/layouts']"));
    }

    [Fact]
    public async Task Should_put_a_bad_layout_s_problem_beside_its_field_in_both_languages_and_refuse_to_delete_a_layout_in_use()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var zh = await Clients.SignedInAsync(app, Roles.Organizer);
        zh.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var hall = await app.WithDbAsync(db => db.Rooms.Where(r => r.NameEn == "Grand Ballroom").Select(r => r.Id).SingleAsync());
        Dictionary<string, string> Layout(string name, string shape, int tables, int seats, int head = 0, string aisle = "") => new()
        {
            ["Layout.RoomId"] = S(hall), ["Layout.NameEn"] = name, ["Layout.NameZh"] = name + "（中）", ["Layout.Shape"] = shape,
            ["Layout.Tables"] = S(tables), ["Layout.SeatsPerTable"] = S(seats), ["Layout.HeadSeats"] = S(head), ["Layout.AisleAfter"] = aisle,
        };

        var aisle = await HtmlForms.SubmitAsync(organizer, "/admin/protocol/layouts", Layout("Forum rows", "Theatre", 20, 30, aisle: "30"), "[data-testid=layout-form]");
        var head = await HtmlForms.SubmitAsync(zh, "/admin/protocol/layouts", Layout("Ceremony", "HeadTableAndRows", 10, 30, head: 0), "[data-testid=layout-form]");
        var good = await HtmlForms.SubmitAsync(organizer, "/admin/protocol/layouts", Layout("Ceremony", "HeadTableAndRows", 10, 30, head: 12, aisle: "15"), "[data-testid=layout-form]");

        var aislePage = await HtmlForms.ParseAsync(aisle);
        Assert.StartsWith("The aisle must come after a seat inside the row", aislePage.QuerySelector("[data-testid=layout-error-AisleAfter]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("30", aislePage.QuerySelector("#layout-AisleAfter")!.GetAttribute("value"));
        Assert.Equal("主席台须有1至40个座位。", (await HtmlForms.ParseAsync(head)).QuerySelector("[data-testid=layout-error-HeadSeats]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var ceremony = await app.WithDbAsync(db => db.SeatLayouts.SingleAsync(l => l.NameEn == "Ceremony"));
        Assert.Equal((12, 10, 30, 15), (ceremony.HeadSeats, ceremony.Tables, ceremony.SeatsPerTable, ceremony.AisleAfter!.Value));
        Assert.False(await app.WithDbAsync(db => db.SeatLayouts.AnyAsync(l => l.NameEn == "Forum rows")));

        var banquetLayout = await app.WithDbAsync(db => db.SessionSeatings.Where(s => db.Sessions.Any(x => x.Id == s.SessionId && x.Type == SessionType.Banquet)).Select(s => s.LayoutId).SingleAsync());
        var page = await HtmlForms.GetPageAsync(organizer, "/admin/protocol/layouts");
        var refused = await HtmlForms.SubmitAsync(organizer, page, "/admin/protocol/layouts", new Dictionary<string, string>(),
            $"form[action*='id={banquetLayout}']");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var after = await HtmlForms.GetPageAsync(organizer, "/admin/protocol/layouts");
        Assert.Contains("is used by: Welcome banquet", after.QuerySelector(".status")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.SeatLayouts.AnyAsync(l => l.Id == banquetLayout)));
    }

    [Fact]
    public async Task Should_warn_when_a_session_has_moved_to_another_room_since_its_layout_was_chosen()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var (session, hall) = await app.WithDbAsync(async db =>
        {
            var theme = await db.Sessions.FirstAsync(s => s.Type == SessionType.ThemeForum);
            var layout = new Core.Protocol.SeatLayout
            {
                ForumId = theme.ForumId, RoomId = theme.RoomId!.Value, NameEn = "Theme forum rows", NameZh = "主题论坛排座", Shape = Core.Protocol.LayoutShape.Theatre,
                Tables = 4, SeatsPerTable = 10,
            };
            db.SeatLayouts.Add(layout);
            await db.SaveChangesAsync();
            db.SessionSeatings.Add(new Core.Protocol.SessionSeating { ForumId = theme.ForumId, SessionId = theme.Id, LayoutId = layout.Id });
            await db.SaveChangesAsync();
            return (theme.Id, theme.RoomId!.Value);
        });
        var url = $"/admin/protocol/seating/{session}";
        Assert.Null((await HtmlForms.GetPageAsync(organizer, url)).QuerySelector("[data-testid=layout-of-another-room]"));

        var other = await app.WithDbAsync(async db =>
        {
            var room = await db.Rooms.FirstAsync(r => r.Id != hall);
            await db.Sessions.Where(s => s.Id == session).ExecuteUpdateAsync(x => x.SetProperty(s => s.RoomId, room.Id));
            return room.NameEn;
        });

        var warned = (await HtmlForms.GetPageAsync(organizer, url)).QuerySelector("[data-testid=layout-of-another-room]")!.TextContent;
        Assert.Contains("“Theme forum rows” is of another room", warned, StringComparison.Ordinal);
        Assert.Contains(other, warned, StringComparison.Ordinal);
    }
}

using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Delegates;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Admin.Zones;

public sealed class ZonesPageAppFixture : ForumAppFactory;

/// <summary>Organizers set zones, their doors and who enters them on /admin/zones, and a person's own zones on their record.</summary>
public sealed class ZonesPageTests(ZonesPageAppFixture app) : IClassFixture<ZonesPageAppFixture>
{
    [Fact]
    public async Task Should_add_a_zone_a_checkpoint_and_a_grant_and_refuse_a_bad_code_at_its_field()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var zh = await Clients.SignedInAsync(app, Roles.Organizer);
        zh.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var taken = await HtmlForms.SubmitAsync(organizer, "/admin/zones", new Dictionary<string, string> { ["Zone.Code"] = "v", ["Zone.NameEn"] = "Second lounge", ["Zone.NameZh"] = "第二贵宾室" }, "[data-testid=zone-form]");
        var shape = await HtmlForms.SubmitAsync(zh, "/admin/zones", new Dictionary<string, string> { ["Zone.Code"] = "ABC", ["Zone.NameEn"] = "Garden", ["Zone.NameZh"] = "花园" }, "[data-testid=zone-form]");
        var added = await HtmlForms.SubmitAsync(organizer, "/admin/zones", new Dictionary<string, string> { ["Zone.Code"] = " g ", ["Zone.NameEn"] = "Garden party", ["Zone.NameZh"] = "花园酒会", ["Zone.Capacity"] = "120" }, "[data-testid=zone-form]");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, (await HtmlForms.ParseAsync(added)).QuerySelector("[data-testid=zone-form]")?.TextContent);
        var zone = await app.WithDbAsync(db => db.Zones.SingleAsync(z => z.Code == "G"));
        var door = await HtmlForms.SubmitAsync(organizer, "/admin/zones", new Dictionary<string, string>
        {
            ["Checkpoint.ZoneId"] = zone.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Checkpoint.NameEn"] = "Garden gate", ["Checkpoint.NameZh"] = "花园门口", ["Checkpoint.Direction"] = "Entry",
        }, "[data-testid=checkpoint-form]");
        var backwards = await HtmlForms.SubmitAsync(organizer, "/admin/zones", new Dictionary<string, string>
        {
            ["Grant.ZoneId"] = zone.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Grant.Category"] = "Delegate", ["Grant.Day"] = "2010-06-23", ["Grant.From"] = "20:00", ["Grant.Until"] = "19:00",
        }, "[data-testid=grant-form]");
        var grant = await HtmlForms.SubmitAsync(organizer, "/admin/zones", new Dictionary<string, string>
        {
            ["Grant.ZoneId"] = zone.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Grant.Category"] = "Delegate", ["Grant.Day"] = "2010-06-23", ["Grant.From"] = "19:00", ["Grant.Until"] = "21:00",
        }, "[data-testid=grant-form]");

        Assert.Contains("Another zone already has the code V.", (await HtmlForms.ParseAsync(taken)).QuerySelector("[data-testid=zone-form]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("代码为一至两个字母或数字。", (await HtmlForms.ParseAsync(shape)).QuerySelector("[data-testid=zone-form]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(("Garden party", "花园酒会", 120), (zone.NameEn, zone.NameZh, zone.Capacity));
        Assert.Equal(HttpStatusCode.Redirect, door.StatusCode);
        Assert.Contains("The end comes after the start.", (await HtmlForms.ParseAsync(backwards)).QuerySelector("[data-testid=grant-form]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        var saved = await app.WithDbAsync(db => db.ZoneGrants.SingleAsync(g => g.ZoneId == zone.Id));
        Assert.Equal((DelegateCategory.Delegate, new DateOnly(2010, 6, 23), new TimeOnly(19, 0), new TimeOnly(21, 0)), (saved.Category, saved.Day!.Value, saved.From!.Value, saved.Until!.Value));
        Assert.Equal(CheckpointDirection.Entry, (await app.WithDbAsync(db => db.ZoneCheckpoints.SingleAsync(c => c.ZoneId == zone.Id))).Direction);
        Assert.Equal(1, await app.WithDbAsync(db => db.Zones.CountAsync(z => z.Code == "V")));
        var page = await HtmlForms.GetPageAsync(organizer, "/admin/zones");
        Assert.Contains("Garden gate", page.QuerySelector("[data-testid=zone-G]")!.TextContent, StringComparison.Ordinal);
        var desk = await HtmlForms.GetPageAsync(organizer, "/checkin");
        Assert.Contains(desk.QuerySelectorAll("[data-testid=checkpoint] option"), o => o.TextContent.Contains("Garden party · Garden gate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_give_a_delegate_the_vip_lounge_on_their_record_and_show_it_on_the_badge_list()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var id = await app.WithDbAsync(db => db.Delegates.Where(d => d.Category == DelegateCategory.Delegate).Select(d => d.Id).FirstAsync());
        var lounge = await app.WithDbAsync(db => db.Zones.Where(z => z.Code == "V").Select(z => z.Id).SingleAsync());
        var url = $"/admin/delegates/zones/{id}";
        var before = await HtmlForms.GetPageAsync(organizer, url);

        var saved = await HtmlForms.SubmitAsync(organizer, before, url, new Dictionary<string, string> { ["choice"] = "give" }, $"form:has(input[name=zoneId][value='{lounge}'])");
        var after = await HtmlForms.GetPageAsync(organizer, url);

        Assert.Equal("No", before.QuerySelector("[data-testid=delegate-zone-V] [data-testid=opens]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Yes", after.QuerySelector("[data-testid=delegate-zone-V] [data-testid=opens]")!.TextContent.Trim());
        Assert.True(await app.WithDbAsync(db => db.DelegateZones.AnyAsync(z => z.DelegateId == id && z.ZoneId == lounge && z.Granted)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "zone-exception" && a.EntityId == id.ToString())));
    }
}

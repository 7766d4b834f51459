using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Features.CheckIns;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.CheckIns;

public sealed class ZoneScanAppFixture : ForumAppFactory;

/// <summary>Zone doors through the scan API: refusals with their reason, people counted in and out, clearance, replaced badges.</summary>
public sealed class ZoneScanTests(ZoneScanAppFixture app) : IClassFixture<ZoneScanAppFixture>
{
    private async Task<Delegate> DelegateAsync(DelegateCategory category = DelegateCategory.Delegate, ClearanceStatus clearance = ClearanceStatus.Pending,
        RegistrationStatus status = RegistrationStatus.Approved) =>
        await app.WithDbAsync(async db =>
        {
            var record = new Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(),
                FamilyName = "Tanaka", GivenName = "Yui " + Guid.NewGuid().ToString("N")[..6], NativeName = "田中結衣", NativeNameLanguage = "ja",
                CountryCode = "JP", Email = $"tanaka-{Guid.NewGuid():N}@example.org", Category = category, Status = status, Clearance = clearance,
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record;
        });

    /// <summary>A zone open to delegates all day, every day, with an entry and an exit, so the test does not hang on the hour it runs at.</summary>
    private async Task<(int Zone, string Entry, string Exit)> OpenZoneAsync() => await app.WithDbAsync(async db =>
    {
        var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
        var code = "Z" + (char)('A' + Random.Shared.Next(26));
        while (await db.Zones.AnyAsync(z => z.Code == code))
        {
            code = "Z" + (char)('A' + Random.Shared.Next(26));
        }

        var zone = new Zone { ForumId = forumId, Code = code, NameEn = "Side room " + code, NameZh = "侧厅" + code, Capacity = 1 };
        db.Zones.Add(zone);
        await db.SaveChangesAsync();
        var entry = new ZoneCheckpoint { ForumId = forumId, ZoneId = zone.Id, NameEn = "In", NameZh = "入口", Direction = CheckpointDirection.Entry };
        var exit = new ZoneCheckpoint { ForumId = forumId, ZoneId = zone.Id, NameEn = "Out", NameZh = "出口", Direction = CheckpointDirection.Exit };
        db.ZoneCheckpoints.AddRange(entry, exit);
        db.ZoneGrants.Add(new ZoneGrant { ForumId = forumId, ZoneId = zone.Id, Category = DelegateCategory.Delegate });
        await db.SaveChangesAsync();
        return (zone.Id, ZoneCheckpoints.For(entry.Id), ZoneCheckpoints.For(exit.Id));
    });

    private Task<string> LoungeDoorAsync() => app.WithDbAsync(async db =>
        ZoneCheckpoints.For(await db.ZoneCheckpoints.Where(c => c.NameEn == "VIP lounge door").Select(c => c.Id).SingleAsync()));

    private static async Task<JsonElement> ScanAsync(HttpClient client, string token, string checkpoint, string? scanId = "new")
    {
        var response = await client.PostAsJsonAsync("/checkin/api/scans", new { token, checkpoint, scanId = scanId == "new" ? Guid.NewGuid().ToString() : scanId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (string?, string?) Outcome(JsonElement answer) =>
        (answer.GetProperty("result").GetString(), answer.TryGetProperty("reason", out var reason) ? reason.GetString() : null);

    private Task<int> InsideAsync(int zoneId) => app.WithDbAsync(db => db.ZonePresences.CountAsync(p => p.ZoneId == zoneId && p.Inside));

    [Fact]
    public async Task Should_refuse_a_delegate_badge_at_the_vip_lounge_with_zone_and_log_the_refusal_even_without_a_scan_id()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();
        var vip = await DelegateAsync(DelegateCategory.Vip);
        var lounge = await LoungeDoorAsync();

        var refused = await ScanAsync(staff, person.CheckInToken, lounge);
        var withoutId = await ScanAsync(staff, person.CheckInToken, lounge, scanId: null);
        var admitted = await ScanAsync(staff, vip.CheckInToken, lounge);

        Assert.Equal(("refused", "zone"), Outcome(refused));
        Assert.Equal(("refused", "zone"), Outcome(withoutId));
        Assert.Equal("admitted", admitted.GetProperty("result").GetString());
        var logged = await app.WithDbAsync(db => db.Scans.Where(s => s.DelegateId == person.Id).Select(s => new { s.Result, s.Reason, s.Checkpoint }).ToListAsync());
        Assert.Equal(2, logged.Count);
        Assert.All(logged, s => Assert.Equal(("refused", "zone", lounge), (s.Result, s.Reason, s.Checkpoint)));
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var page = await HtmlForms.GetPageAsync(organizer, "/admin/zones");
        Assert.Contains(page.QuerySelectorAll("[data-testid=refusal]"), r => r.TextContent.Contains($"TANAKA {person.GivenName}", StringComparison.Ordinal)
            && r.TextContent.Contains("VIP lounge door", StringComparison.Ordinal) && r.TextContent.Contains("the badge does not open this zone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_leave_one_person_inside_after_entry_exit_entry_and_never_count_below_zero()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();
        var stranger = await DelegateAsync();
        var (zone, entry, exit) = await OpenZoneAsync();

        Assert.Equal("admitted", (await ScanAsync(staff, stranger.CheckInToken, exit)).GetProperty("result").GetString());
        Assert.Equal(0, await InsideAsync(zone));
        await ScanAsync(staff, person.CheckInToken, entry);
        Assert.Equal(1, await InsideAsync(zone));
        await ScanAsync(staff, person.CheckInToken, exit);
        Assert.Equal(0, await InsideAsync(zone));
        await Task.WhenAll(ScanAsync(staff, person.CheckInToken, entry), ScanAsync(staff, person.CheckInToken, entry));

        Assert.Equal(1, await InsideAsync(zone));
        var occupancy = await staff.GetFromJsonAsync<JsonElement>("/checkin/api/occupancy");
        var row = occupancy.EnumerateArray().Single(z => z.GetProperty("zoneId").GetInt32() == zone);
        Assert.Equal(1, row.GetProperty("inside").GetInt32());
        Assert.True(row.GetProperty("full").GetBoolean());
        var desk = await HtmlForms.GetPageAsync(staff, "/checkin");
        var shown = desk.QuerySelector($"tr[data-zone='{zone}']")!;
        Assert.Equal("1", shown.QuerySelector("[data-inside]")!.TextContent.Trim());
        Assert.False(shown.QuerySelector("[data-testid=zone-full]")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Should_refuse_the_badge_and_every_scan_of_an_uncleared_person_while_clearance_is_required_and_allow_both_once_cleared()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();
        var (_, entry, _) = await OpenZoneAsync();
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var switched = await HtmlForms.SubmitAsync(organizer, "/admin/settings", new Dictionary<string, string> { ["Input.ClearanceRequired"] = "true" }, "main form[method=post]:not([data-testid])");
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
            Assert.True(await app.WithDbAsync(db => db.Forums.Select(f => f.ClearanceRequired).SingleAsync()));
            var badgesPage = await HtmlForms.GetPageAsync(organizer, "/admin/badges");
            Assert.Contains("not cleared by security", badgesPage.QuerySelector("[data-testid=badge-not-cleared]")!.TextContent, StringComparison.Ordinal);

            var badge = await staff.GetAsync($"/checkin/badges/{person.Id}.pdf");
            var main = await ScanAsync(staff, person.CheckInToken, Checkpoints.Main);
            var door = await ScanAsync(staff, person.CheckInToken, entry);
            var desk = await HtmlForms.GetPageAsync(staff, "/checkin?q=" + Uri.EscapeDataString(person.GivenName));

            Assert.Equal(HttpStatusCode.Conflict, badge.StatusCode);
            Assert.Contains("Not cleared by security", await badge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(("refused", "not-cleared"), Outcome(main));
            Assert.Equal(("refused", "not-cleared"), Outcome(door));
            Assert.Equal(0, await app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.DelegateId == person.Id)));
            var row = desk.QuerySelector("[data-testid=checkin-row]")!;
            Assert.NotNull(row.QuerySelector("[data-testid=alert-not-cleared]"));
            Assert.Null(row.QuerySelector("[data-testid=print-badge]"));

            await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == person.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Clearance, ClearanceStatus.Cleared)));
            var printed = await staff.GetAsync($"/checkin/badges/{person.Id}.pdf");

            Assert.Equal("application/pdf", printed.Content.Headers.ContentType?.MediaType);
            Assert.Equal("checked-in", (await ScanAsync(staff, person.CheckInToken, Checkpoints.Main)).GetProperty("result").GetString());
            Assert.Equal("admitted", (await ScanAsync(staff, person.CheckInToken, entry)).GetProperty("result").GetString());
        }
        finally
        {
            await app.WithDbAsync(db => db.Forums.ExecuteUpdateAsync(u => u.SetProperty(f => f.ClearanceRequired, false)));
        }
    }

    [Fact]
    public async Task Should_answer_revoked_for_the_old_token_of_a_reprinted_badge_and_for_someone_no_longer_approved()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();
        var cancelled = await DelegateAsync();
        var (_, entry, _) = await OpenZoneAsync();
        ReprintOutcome outcome;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var forum = await scope.ServiceProvider.GetRequiredService<ForumManager.Data.ForumDbContext>().Forums.SingleAsync();
            outcome = await scope.ServiceProvider.GetRequiredService<CheckInDesk>().ReprintAsync(forum, person.Id, null, "Lost at the banquet", Actor.System, CancellationToken.None);
        }

        await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == cancelled.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, RegistrationStatus.Cancelled)));
        var newToken = await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == person.Id).Select(d => d.CheckInToken).SingleAsync());

        Assert.Equal(ReprintOutcome.Done, outcome);
        Assert.Equal(("refused", "revoked"), Outcome(await ScanAsync(staff, person.CheckInToken, entry)));
        Assert.Equal(("refused", "revoked"), Outcome(await ScanAsync(staff, person.CheckInToken, Checkpoints.Main)));
        Assert.Equal(("refused", "revoked"), Outcome(await ScanAsync(staff, cancelled.CheckInToken, entry)));
        Assert.Equal("admitted", (await ScanAsync(staff, newToken, entry)).GetProperty("result").GetString());
        Assert.Equal(2, await app.WithDbAsync(db => db.Scans.CountAsync(s => s.DelegateId == person.Id && s.Reason == "revoked")));
    }

    [Fact]
    public async Task Should_show_a_refusal_and_its_reason_at_the_desk_in_chinese()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var person = await DelegateAsync();
        var lounge = await LoungeDoorAsync();
        var url = $"/checkin?checkpoint={Uri.EscapeDataString(lounge)}&q={Uri.EscapeDataString(person.GivenName)}";
        var page = await HtmlForms.GetPageAsync(staff, url);

        var posted = await HtmlForms.SubmitAsync(staff, page, url, new Dictionary<string, string>(), "form[action*='handler=CheckIn']");
        var after = await HtmlForms.GetPageAsync(staff, posted.Headers.Location!.OriginalString);

        Assert.Contains("不能进入：证件不含此区域", after.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_empty_the_zone_when_an_organizer_marks_everyone_out()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var person = await DelegateAsync();
        var (zone, entry, _) = await OpenZoneAsync();
        await ScanAsync(staff, person.CheckInToken, entry);
        var before = await InsideAsync(zone);

        var response = await HtmlForms.SubmitAsync(organizer, "/admin/zones", new Dictionary<string, string>(), "form[action*='handler=EveryoneOut']");

        Assert.Equal(1, before);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await InsideAsync(zone));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "zones-everyone-out")));
    }
}

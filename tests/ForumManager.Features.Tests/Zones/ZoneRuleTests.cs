using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Documents.Badges;
using ForumManager.Features.Badges;
using ForumManager.Features.CheckIns;
using ForumManager.Features.Zones;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Tests.Zones;

/// <summary>The demo forum's doors decided by the features, at the forum's own hours (the clock set to June 2010).</summary>
public sealed class ZoneRuleTests : IAsyncLifetime
{
    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    private async Task<Delegate> ApprovedAsync(DelegateCategory category, ClearanceStatus clearance = ClearanceStatus.Pending) =>
        await _harness.QueryAsync(async db =>
        {
            var forum = await db.Forums.SingleAsync();
            var record = new Delegate
            {
                ForumId = forum.Id, FamilyName = "Okafor", GivenName = "Adaeze " + Guid.NewGuid().ToString("N")[..6], CountryCode = "NG",
                Email = $"okafor-{Guid.NewGuid():N}@example.org", Category = category, Status = RegistrationStatus.Approved,
                Clearance = clearance, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record;
        });

    private Task<string> DoorAsync(string nameEn) => _harness.QueryAsync(async db =>
        ZoneCheckpoints.For(await db.ZoneCheckpoints.Where(c => c.NameEn == nameEn).Select(c => c.Id).SingleAsync()));

    private Task<ScanAnswer> ScanAsync(Delegate person, string checkpoint, string? scanId = null) =>
        _harness.RunAsync(s => s.GetRequiredService<CheckInDesk>().ScanAsync(person.ForumId, person.CheckInToken, checkpoint, scanId, "desk 1", CancellationToken.None));

    /// <summary>Sets the clock to a local time of the forum (Asia/Shanghai).</summary>
    private void At(int day, int hour, int minute) =>
        _harness.Clock.Now = new DateTimeOffset(2010, 6, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Should_refuse_the_banquet_before_its_hour_with_time_on_another_day_with_day_and_admit_on_its_evening()
    {
        var person = await ApprovedAsync(DelegateCategory.Delegate);
        var banquet = await DoorAsync("Banquet hall entrance");

        At(22, 17, 10);
        var early = await ScanAsync(person, banquet);
        At(23, 19, 0);
        var nextDay = await ScanAsync(person, banquet);
        At(22, 18, 35);
        var onTime = await ScanAsync(person, banquet);

        Assert.Equal((ScanResults.Refused, RefusalReasons.Time), (early.Result, early.Reason));
        Assert.Equal((ScanResults.Refused, RefusalReasons.Day), (nextDay.Result, nextDay.Reason));
        Assert.Equal(ScanResults.Admitted, onTime.Result);
        Assert.Null(onTime.Reason);

        // Every refusal is in the scan log with its reason, though the desk gave these scans no id.
        var logged = await _harness.QueryAsync(db => db.Scans.Where(s => s.DelegateId == person.Id).OrderBy(s => s.Id).Select(s => new { s.Result, s.Reason }).ToListAsync());
        Assert.Equal([RefusalReasons.Time, RefusalReasons.Day, null], logged.Select(l => l.Reason));
        Assert.Equal([ScanResults.Refused, ScanResults.Refused, ScanResults.Admitted], logged.Select(l => l.Result));
    }

    [Fact]
    public async Task Should_let_a_person_given_the_vip_lounge_in_and_keep_out_one_whose_zone_was_taken_away()
    {
        var given = await ApprovedAsync(DelegateCategory.Delegate);
        var taken = await ApprovedAsync(DelegateCategory.Vip);
        var lounge = await DoorAsync("VIP lounge door");
        var forum = await _harness.ForumAsync();
        var loungeId = await _harness.QueryAsync(db => db.Zones.Where(z => z.Code == "V").Select(z => z.Id).SingleAsync());
        await _harness.RunAsync(async s =>
        {
            var settings = s.GetRequiredService<ZoneSettings>();
            await settings.SetDelegateZoneAsync(forum, given.Id, loungeId, true, Actor.System, CancellationToken.None);
            return await settings.SetDelegateZoneAsync(forum, taken.Id, loungeId, false, Actor.System, CancellationToken.None);
        });
        At(23, 10, 0);

        Assert.Equal(ScanResults.Admitted, (await ScanAsync(given, lounge)).Result);
        Assert.Equal(RefusalReasons.Zone, (await ScanAsync(taken, lounge)).Reason);
    }

    [Fact]
    public async Task Should_empty_every_zone_when_organizers_mark_everyone_out_and_audit_it()
    {
        var first = await ApprovedAsync(DelegateCategory.Delegate);
        var second = await ApprovedAsync(DelegateCategory.Speaker);
        var entrance = await DoorAsync("Main hall entrance");
        At(23, 9, 0);
        await ScanAsync(first, entrance);
        await ScanAsync(second, entrance);
        var forum = await _harness.ForumAsync();
        var before = await _harness.RunAsync(s => s.GetRequiredService<ZoneAccess>().OccupancyAsync(forum.Id, CancellationToken.None));

        var marked = await _harness.RunAsync(s => s.GetRequiredService<ZoneAccess>().MarkEveryoneOutAsync(forum.Id, null, new Actor(null, "organizer 1"), CancellationToken.None));

        var after = await _harness.RunAsync(s => s.GetRequiredService<ZoneAccess>().OccupancyAsync(forum.Id, CancellationToken.None));
        Assert.Equal(2, before.Single(z => z.Code == "M").Inside);
        Assert.Equal(2, marked);
        Assert.All(after, z => Assert.Equal(0, z.Inside));
        Assert.True(await _harness.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "zones-everyone-out" && a.UserName == "organizer 1")));
    }

    [Fact]
    public async Task Should_leave_an_uncleared_person_out_of_a_badge_batch_when_the_forum_requires_clearance_and_print_them_once_cleared()
    {
        var cleared = await ApprovedAsync(DelegateCategory.Delegate, ClearanceStatus.Cleared);
        var pending = await ApprovedAsync(DelegateCategory.Delegate);
        await _harness.QueryAsync(db => db.Forums.ExecuteUpdateAsync(u => u.SetProperty(f => f.ClearanceRequired, true)));
        var forum = await _harness.ForumAsync();

        var (_, printed) = await _harness.RunAsync(s => s.GetRequiredService<BadgeSource>().RenderAsync(forum, [cleared.Id, pending.Id], BadgeLayout.A6, CancellationToken.None));
        var notCleared = await _harness.RunAsync(s => s.GetRequiredService<BadgeSource>().NotClearedAsync(forum, [cleared.Id, pending.Id], CancellationToken.None));
        await _harness.QueryAsync(db => db.Delegates.Where(d => d.Id == pending.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Clearance, ClearanceStatus.Cleared)));
        var (_, later) = await _harness.RunAsync(s => s.GetRequiredService<BadgeSource>().RenderAsync(forum, [cleared.Id, pending.Id], BadgeLayout.A6, CancellationToken.None));

        Assert.Equal([cleared.Id], printed);
        Assert.Equal([pending.Id], notCleared);
        Assert.Equal([cleared.Id, pending.Id], later);
    }

    [Fact]
    public async Task Should_print_on_each_badge_the_codes_of_the_zones_it_opens()
    {
        var vip = await ApprovedAsync(DelegateCategory.Vip);
        var press = await ApprovedAsync(DelegateCategory.Press);
        var forum = await _harness.ForumAsync();

        var badges = await _harness.RunAsync(s => s.GetRequiredService<BadgeSource>().BadgesAsync(forum, [vip.Id, press.Id], CancellationToken.None));

        Assert.Equal(["B", "E", "M", "S", "T", "V"], badges[0].Zones.Select(z => z.Code));
        Assert.Equal(["B", "E", "M", "P", "S", "T"], badges[1].Zones.Select(z => z.Code));
        Assert.Equal("VIP lounge", badges[0].Zones.Single(z => z.Code == "V").NameEn);
    }
}

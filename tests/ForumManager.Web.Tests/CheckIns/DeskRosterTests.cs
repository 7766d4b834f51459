using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Features.Accreditation;
using ForumManager.Features.CheckIns;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.CheckIns;

public sealed class DeskRosterAppFixture : ForumAppFactory;

/// <summary>
/// The list an offline desk keeps (<c>/checkin/api/roster</c>) and the scans it sends later: staff only, never a token,
/// and two desks that scanned one badge offline count one check-in at the earlier time, whichever syncs first.
/// </summary>
public sealed class DeskRosterTests(DeskRosterAppFixture app) : IClassFixture<DeskRosterAppFixture>
{
    private Task<Delegate> ApprovedAsync(string family, string given, string native) => app.WithDbAsync(async db =>
    {
        var record = new Delegate
        {
            ForumId = await db.Forums.Select(f => f.Id).SingleAsync(),
            DelegationId = await db.Delegations.OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstAsync(),
            FamilyName = family, GivenName = given, NativeName = native, NativeNameLanguage = "zh", CountryCode = "CN",
            Email = $"{Guid.NewGuid():N}@example.org", Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved,
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        db.Delegates.Add(record);
        await db.SaveChangesAsync();
        return record;
    });

    private static Task<HttpResponseMessage> ScanAsync(HttpClient desk, string token, DateTimeOffset scannedAt) =>
        desk.PostAsJsonAsync("/checkin/api/scans", new { token, checkpoint = Checkpoints.Main, scanId = Guid.NewGuid().ToString(), scannedAt });

    [Fact]
    public async Task Should_give_staff_the_roster_with_token_hashes_and_windows_and_never_a_token_and_refuse_a_delegate()
    {
        var person = await ApprovedAsync("Sima", "Xiangru", "司马相如");
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var delegateClient = await Clients.SignedInAsync(app, Roles.Delegate);

        var refused = await delegateClient.GetAsync("/checkin/api/roster?checkpoint=main");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var response = await staff.GetAsync("/checkin/api/roster?checkpoint=main");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        var tokens = await app.WithDbAsync(db => db.Delegates.Select(d => d.CheckInToken).ToListAsync());
        Assert.True(tokens.Count > 50);
        Assert.All(tokens, token => Assert.DoesNotContain(token, body, StringComparison.OrdinalIgnoreCase));

        var roster = JsonDocument.Parse(body).RootElement;
        Assert.Equal(tokens.Count, roster.GetProperty("people").GetArrayLength());
        Assert.False(roster.GetProperty("clearanceRequired").GetBoolean());
        var entry = roster.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == person.Id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(person.CheckInToken))), entry.GetProperty("tokenHash").GetString());
        Assert.Equal("司马相如", entry.GetProperty("nativeName").GetString());
        Assert.Contains(" 相如 ", entry.GetProperty("searchKey").GetString(), StringComparison.Ordinal);
        Assert.Equal("Approved", entry.GetProperty("status").GetString());
        Assert.Equal("Pending", entry.GetProperty("clearance").GetString());
        var window = Assert.Single(entry.GetProperty("windows").EnumerateArray().ToList());
        // The demo forum runs 22–24 June 2010 in Changsha (UTC+8): from the first day's midnight to the last day's end.
        Assert.Equal(new DateTime(2010, 6, 21, 16, 0, 0, DateTimeKind.Utc), window[0].GetDateTime().ToUniversalTime());
        Assert.Equal(new DateTime(2010, 6, 24, 16, 0, 0, DateTimeKind.Utc), window[1].GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task Should_keep_one_check_in_at_the_earliest_scan_when_two_offline_desks_sync_in_either_order()
    {
        var person = await ApprovedAsync("Ouyang", "Xiu", "欧阳修");
        var deskA = await Clients.SignedInAsync(app, Roles.Staff);
        var deskB = await Clients.SignedInAsync(app, Roles.Staff);
        var now = DateTimeOffset.UtcNow;
        var early = now.AddMinutes(-30);
        var late = now.AddMinutes(-10);

        // The desk that scanned later comes back first; then the one that scanned earlier; then a third, later still.
        Assert.Equal(HttpStatusCode.OK, (await ScanAsync(deskB, person.CheckInToken, late)).StatusCode);
        var earlier = await (await ScanAsync(deskA, person.CheckInToken, early)).Content.ReadFromJsonAsync<JsonElement>();
        var latest = await (await ScanAsync(deskB, person.CheckInToken, now.AddMinutes(-5))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("checked-in", earlier.GetProperty("result").GetString());
        Assert.Equal("already-checked-in", latest.GetProperty("result").GetString());
        var rows = await app.WithDbAsync(db => db.CheckIns.Where(c => c.DelegateId == person.Id).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(early.UtcDateTime, row.CheckedInUtc, TimeSpan.FromMilliseconds(1));
        Assert.Equal(early.UtcDateTime, latest.GetProperty("checkedInAt").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Should_end_at_the_earliest_scan_when_many_desks_sync_the_same_badge_at_once()
    {
        var person = await ApprovedAsync("Li", "Qingzhao", "李清照");
        var desks = new[] { await Clients.SignedInAsync(app, Roles.Staff), await Clients.SignedInAsync(app, Roles.Staff) };
        var now = DateTimeOffset.UtcNow;
        var times = Enumerable.Range(1, 12).Select(i => now.AddMinutes(-i * 3)).Reverse().ToList();

        var responses = await Task.WhenAll(times.Select((t, i) => ScanAsync(desks[i % 2], person.CheckInToken, t)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var row = Assert.Single(await app.WithDbAsync(db => db.CheckIns.Where(c => c.DelegateId == person.Id).ToListAsync()));
        Assert.Equal(times.Min().UtcDateTime, row.CheckedInUtc, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Should_refuse_a_scan_time_in_the_future_or_before_the_forum_and_record_nothing()
    {
        var person = await ApprovedAsync("Du", "Fu", "杜甫");
        var desk = await Clients.SignedInAsync(app, Roles.Staff);

        var future = await ScanAsync(desk, person.CheckInToken, DateTimeOffset.UtcNow.AddHours(1));
        var beforeForum = await ScanAsync(desk, person.CheckInToken, new DateTimeOffset(2010, 6, 20, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, beforeForum.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.DelegateId == person.Id)));
        var dayBefore = await ScanAsync(desk, person.CheckInToken, new DateTimeOffset(2010, 6, 21, 9, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(HttpStatusCode.OK, dayBefore.StatusCode);
    }

    [Fact]
    public async Task Should_give_a_zone_door_the_hours_its_grants_open_the_revoked_badges_and_the_faces()
    {
        var guest = await ApprovedAsync("Zhuo", "Wenjun", "卓文君");
        var oldToken = guest.CheckInToken;
        var door = await app.WithDbAsync(db => db.ZoneCheckpoints.Where(c => c.Zone!.Code == "B" && c.Direction == CheckpointDirection.Entry).Select(c => c.Id).FirstAsync());
        var lounge = await app.WithDbAsync(db => db.ZoneCheckpoints.Where(c => c.Zone!.Code == "V").Select(c => c.Id).FirstAsync());
        var vault = app.Services.GetRequiredService<PhotoVault>();
        byte[] face = [0xFF, 0xD8, 0xFF, 0xDB, 1, 2, 3, 0xFF, 0xD9];
        await app.WithDbAsync(async db =>
        {
            db.DelegatePhotos.Add(new DelegatePhoto
            {
                ForumId = guest.ForumId, DelegateId = guest.Id, ContentProtected = vault.Protect(face), ThumbnailProtected = vault.Protect(face),
                Width = 600, Height = 800, Status = PhotoStatus.Pending, UploadedUtc = DateTime.UtcNow, UploadedBy = "test",
            });
            return await db.SaveChangesAsync();
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var forum = await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Forums.SingleAsync();
            Assert.Equal(ReprintOutcome.Done, await scope.ServiceProvider.GetRequiredService<CheckInDesk>()
                .ReprintAsync(forum, guest.Id, null, "lost", Actor.System, default));
        }

        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        JsonElement Person(JsonElement roster) => roster.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == guest.Id);
        var banquet = JsonDocument.Parse(await staff.GetStringAsync($"/checkin/api/roster?checkpoint={ZoneCheckpoints.For(door)}")).RootElement;

        // The welcome banquet's door opens to delegates on 22 June from 18:00 to 21:00 in Changsha (UTC+8), and at no other time.
        var window = Assert.Single(Person(banquet).GetProperty("windows").EnumerateArray().ToList());
        Assert.Equal(new DateTime(2010, 6, 22, 10, 0, 0, DateTimeKind.Utc), window[0].GetDateTime().ToUniversalTime());
        Assert.Equal(new DateTime(2010, 6, 22, 13, 0, 0, DateTimeKind.Utc), window[1].GetDateTime().ToUniversalTime());
        Assert.Empty(Person(JsonDocument.Parse(await staff.GetStringAsync($"/checkin/api/roster?checkpoint={ZoneCheckpoints.For(lounge)}")).RootElement)
            .GetProperty("windows").EnumerateArray());

        // The badge the reprint replaced is refused as revoked, by its hash; the face comes with the list.
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(oldToken))),
            banquet.GetProperty("revokedTokenHashes").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal("data:image/jpeg;base64," + Convert.ToBase64String(face), Person(banquet).GetProperty("thumbnail").GetString());
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Integrations;
using ForumManager.Core.Logistics;
using ForumManager.Core.Programme;
using ForumManager.Features;
using ForumManager.Features.Delegates;
using ForumManager.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Api;

/// <summary>
/// The demo forum, plus what it lacks for every resource to have something to give (passports, an invitation, a room
/// allocation, a transfer, an enrolment, a check-in), and a second forum whose data no token of the first may see.
/// </summary>
public sealed class ApiResourcesFixture : ApiAppFactory, IAsyncLifetime
{
    /// <summary>Words only the other forum's rows carry.</summary>
    public const string OtherMarker = "Zzyzx";

    public const string InvitationHash = "feedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedface";

    public int ForumId { get; private set; }
    public int OtherForumId { get; private set; }
    public int OtherDelegateId { get; private set; }
    public IReadOnlyDictionary<int, string> Passports { get; private set; } = new Dictionary<int, string>();

    public async Task InitializeAsync()
    {
        var protector = Services.GetRequiredService<PersonalData>();
        await WithDbAsync(async db =>
        {
            var forum = await db.Forums.OrderBy(f => f.Id).FirstAsync();
            ForumId = forum.Id;
            var people = await db.Delegates.Where(d => d.ForumId == ForumId && d.Status == RegistrationStatus.Approved).OrderBy(d => d.Id).Take(6).ToListAsync();
            var passports = new Dictionary<int, string>();
            foreach (var (person, i) in people.Select((p, i) => (p, i)))
            {
                var number = "QP" + (4_810_000 + i).ToString(CultureInfo.InvariantCulture);
                person.NeedsVisaLetter = true;
                person.PassportNumberProtected = protector.Protect(number);
                person.DateOfBirthProtected = protector.Protect("1966-03-0" + (i + 1).ToString(CultureInfo.InvariantCulture));
                person.Nationality = person.CountryCode;
                person.PassportExpiry = new DateOnly(2015, 1, 1);
                person.PassportPlaceOfIssue = "Seoul";
                passports[person.Id] = number;
            }

            Passports = passports;
            var delegation = await db.Delegations.Where(d => d.ForumId == ForumId).OrderBy(d => d.Id).FirstAsync();
            db.Invitations.Add(new Invitation
            {
                ForumId = ForumId, DelegationId = delegation.Id, Email = "invited@partner.example", TokenHash = InvitationHash,
                CreatedBy = "organizer", CreatedUtc = DateTime.UtcNow,
            });
            var hotel = await db.Hotels.Where(h => h.ForumId == ForumId).OrderBy(h => h.Id).FirstAsync();
            var block = new RoomBlock
            {
                ForumId = ForumId, HotelId = hotel.Id, Type = RoomType.Single, FirstNight = forum.StartDate.AddDays(-1), LastNight = forum.EndDate,
                Rooms = 5, Allocated = 1,
            };
            var room = new HotelRoom { ForumId = ForumId, RoomBlock = block, RoomNumber = "1808", CreatedUtc = DateTime.UtcNow };
            room.Occupants.Add(new RoomOccupant { ForumId = ForumId, DelegateId = people[0].Id });
            db.HotelRooms.Add(room);
            var journey = await db.Journeys.Include(j => j.Hub).Where(j => j.ForumId == ForumId && j.Direction == JourneyDirection.Arrival).OrderBy(j => j.Id).FirstAsync();
            var vehicle = await db.Vehicles.Where(v => v.ForumId == ForumId).OrderBy(v => v.Id).FirstAsync();
            var wave = new PickupWave
            {
                ForumId = ForumId, HubId = journey.HubId, Direction = JourneyDirection.Arrival, StartUtc = journey.ScheduledUtc.AddMinutes(-30),
                EndUtc = journey.ScheduledUtc.AddMinutes(30), DepartsUtc = journey.ScheduledUtc.AddMinutes(45),
            };
            var transfer = new Transfer { ForumId = ForumId, PickupWave = wave, VehicleId = vehicle.Id, Seats = vehicle.Seats, Taken = 1 };
            db.Transfers.Add(transfer);
            var session = await db.Sessions.Where(s => s.ForumId == ForumId).OrderBy(s => s.Id).FirstAsync();
            db.Enrolments.Add(new Enrolment { SessionId = session.Id, DelegateId = people[1].Id, Status = EnrolmentStatus.Enrolled, CreatedUtc = DateTime.UtcNow });
            db.CheckIns.Add(new CheckIn { ForumId = ForumId, DelegateId = people[2].Id, Checkpoint = Checkpoints.Main, CheckedInUtc = DateTime.UtcNow, ByName = "desk" });
            await db.SaveChangesAsync();
            journey.TransferId = transfer.Id;
            journey.PickupWaveId = wave.Id;

            var other = new Forum
            {
                Acronym = "ZZX", NameEn = OtherMarker + " Forum", NameZh = OtherMarker + "论坛", PlaceEn = OtherMarker, PlaceZh = OtherMarker,
                StartDate = forum.StartDate, EndDate = forum.EndDate, TimeZoneId = forum.TimeZoneId, Status = ForumStatus.Open, CreatedUtc = DateTime.UtcNow,
            };
            db.Forums.Add(other);
            await db.SaveChangesAsync();
            OtherForumId = other.Id;
            var otherDelegation = new Delegation { ForumId = other.Id, NameEn = OtherMarker + " City", NameZh = OtherMarker + "市", CountryCode = "US" };
            var otherPerson = new Delegate
            {
                ForumId = other.Id, Delegation = otherDelegation, FamilyName = OtherMarker, GivenName = "Other", CountryCode = "US",
                Email = "zzyzx@other.example", Status = RegistrationStatus.Approved, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(otherPerson);
            db.Hotels.Add(new Hotel { ForumId = other.Id, NameEn = OtherMarker + " Hotel", NameZh = OtherMarker + "酒店" });
            db.Zones.Add(new Core.Accreditation.Zone { ForumId = other.Id, Code = "ZZX", NameEn = OtherMarker + " Zone", NameZh = OtherMarker + "区" });
            await db.SaveChangesAsync();
            OtherDelegateId = otherPerson.Id;
            db.CheckIns.Add(new CheckIn { ForumId = other.Id, DelegateId = otherPerson.Id, Checkpoint = Checkpoints.Main, CheckedInUtc = DateTime.UtcNow, ByName = OtherMarker });
            await db.SaveChangesAsync();
            return 0;
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>The API's resources as a partner's system reads and writes them, with a token of one forum and its scopes.</summary>
public sealed class ApiResourcesTests(ApiResourcesFixture app) : IClassFixture<ApiResourcesFixture>
{
    private static readonly string[] ReadScopes = [ApiScopes.DelegatesRead, ApiScopes.ProgrammeRead, ApiScopes.LogisticsRead];

    private async Task<string[]> EveryReadPathAsync() =>
    [
        "/api/v1/forum", "/api/v1/delegates?limit=500", "/api/v1/delegates?changed_since=0&limit=500",
        .. app.Passports.Keys.Select(id => $"/api/v1/delegates/{id}"),
        "/api/v1/delegations", $"/api/v1/delegations/{await FirstAsync(db => db.Delegations.Where(d => d.ForumId == app.ForumId).Select(d => d.Id))}",
        "/api/v1/invitations", "/api/v1/programme/sessions", "/api/v1/programme/releases", "/api/v1/enrolments", "/api/v1/checkins",
        "/api/v1/checkins?changed_since=0", "/api/v1/zones", "/api/v1/zones/occupancy", "/api/v1/hotels",
        $"/api/v1/hotels/{await FirstAsync(db => db.Hotels.Where(h => h.ForumId == app.ForumId).Select(h => h.Id))}/rooms",
        "/api/v1/allocations", "/api/v1/arrivals?direction=all", "/api/v1/transfers",
    ];

    private Task<int> FirstAsync(Func<ForumManager.Data.ForumDbContext, IQueryable<int>> query) => app.WithDbAsync(db => query(db).OrderBy(i => i).FirstAsync());

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A message as the app's pages give it in <paramref name="culture"/>.</summary>
    private string Localized(string key, string culture, params object[] args)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return app.Services.GetRequiredService<IStringLocalizer<SharedResource>>().GetString(key, args);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task Should_answer_every_read_with_the_tokens_forum_only()
    {
        var client = app.Api(app.ForumId, ReadScopes);

        foreach (var path in await EveryReadPathAsync())
        {
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.ETag);
            Assert.DoesNotContain(ApiResourcesFixture.OtherMarker, body, StringComparison.Ordinal);
        }

        var elsewhere = await client.GetAsync($"/api/v1/delegates/{app.OtherDelegateId}");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal("application/problem+json", elsewhere.Content.Headers.ContentType?.MediaType);
        var other = await app.Api(app.OtherForumId, ReadScopes).GetStringAsync("/api/v1/delegates");
        Assert.Contains(ApiResourcesFixture.OtherMarker, other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_give_each_resource_what_a_partner_needs()
    {
        var client = app.Api(app.ForumId, ReadScopes);
        var id = app.Passports.Keys.First();
        var record = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Id == id));

        var one = await JsonAsync(await client.GetAsync($"/api/v1/delegates/{id}"));
        Assert.Equal(record.Reference, one.GetProperty("reference").GetString());
        Assert.Equal(record.FamilyName, one.GetProperty("names").GetProperty("family").GetString());
        Assert.Equal("approved", one.GetProperty("status").GetString());
        Assert.EndsWith("Z", one.GetProperty("createdUtc").GetString(), StringComparison.Ordinal);
        Assert.Equal(record.ChangeSeq, one.GetProperty("changeSeq").GetInt64());

        var filtered = await JsonAsync(await client.GetAsync($"/api/v1/delegates?status=approved&country={record.CountryCode}&limit=500"));
        Assert.All(filtered.GetProperty("items").EnumerateArray(), d =>
        {
            Assert.Equal("approved", d.GetProperty("status").GetString());
            Assert.Equal(record.CountryCode, d.GetProperty("country").GetString());
        });
        Assert.Contains(filtered.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetInt32() == id);

        var forum = await JsonAsync(await client.GetAsync("/api/v1/forum"));
        Assert.Equal("Asia/Shanghai", forum.GetProperty("timeZone").GetString());
        Assert.True(forum.GetProperty("venues").GetArrayLength() > 0);

        var sessions = await JsonAsync(await client.GetAsync("/api/v1/programme/sessions"));
        Assert.True(sessions.GetProperty("release").GetInt32() >= 1);
        Assert.True(sessions.GetProperty("items").GetArrayLength() > 0);

        var invitations = await client.GetStringAsync("/api/v1/invitations");
        Assert.Contains("invited@partner.example", invitations, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiResourcesFixture.InvitationHash, invitations, StringComparison.Ordinal);

        var allocations = await JsonAsync(await client.GetAsync("/api/v1/allocations"));
        Assert.Contains(allocations.GetProperty("items").EnumerateArray(), a => a.GetProperty("roomNumber").GetString() == "1808");
        var transfers = await JsonAsync(await client.GetAsync("/api/v1/transfers"));
        Assert.Single(transfers.GetProperty("items").EnumerateArray(), t => t.GetProperty("passengers").GetArrayLength() == 1);
        var arrivals = await JsonAsync(await client.GetAsync("/api/v1/arrivals"));
        Assert.All(arrivals.GetProperty("items").EnumerateArray(), j => Assert.Equal("arrival", j.GetProperty("direction").GetString()));
        var zones = await JsonAsync(await client.GetAsync("/api/v1/zones/occupancy"));
        Assert.True(zones.GetProperty("items").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Should_page_with_opaque_cursors_to_the_end_and_refuse_a_forged_cursor_or_limit()
    {
        var client = app.Api(app.ForumId, ReadScopes);
        var total = await app.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == app.ForumId));
        var seen = new List<int>();
        string? next = null;
        do
        {
            var page = await JsonAsync(await client.GetAsync("/api/v1/delegates?limit=7" + (next is null ? "" : "&cursor=" + next)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
            next = page.GetProperty("next").GetString();
        }
        while (next is not null);

        Assert.Equal(total, seen.Distinct().Count());
        Assert.Equal(seen.Order(), seen);

        var forged = await JsonAsync(await client.GetAsync("/api/v1/delegates?cursor=not-a-cursor!"), HttpStatusCode.BadRequest);
        Assert.Equal(Localized("Api_Cursor", "en"), forged.GetProperty("errors").GetProperty("cursor")[0].GetString());
        var limit = await JsonAsync(await client.GetAsync("/api/v1/delegates?limit=501"), HttpStatusCode.BadRequest);
        Assert.True(limit.GetProperty("errors").TryGetProperty("limit", out _));
        var status = await JsonAsync(await client.GetAsync("/api/v1/delegates?status=maybe"), HttpStatusCode.BadRequest);
        Assert.Equal(Localized("Validation_Choose", "en"), status.GetProperty("errors").GetProperty("status")[0].GetString());
    }

    [Fact]
    public async Task Should_never_show_a_passport_number_without_passport_read_in_any_answer()
    {
        var client = app.Api(app.ForumId, [.. ApiScopes.All.Where(s => s != ApiScopes.PassportRead)]);

        foreach (var path in await EveryReadPathAsync())
        {
            var body = await client.GetStringAsync(path);
            Assert.DoesNotContain("\"passport\"", body, StringComparison.Ordinal);
            foreach (var number in app.Passports.Values)
            {
                Assert.DoesNotContain(number, body, StringComparison.Ordinal);
            }
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == DelegateRecords.RevealedAction && a.UserName.StartsWith("api:partner"))));
    }

    [Fact]
    public async Task Should_show_the_passport_with_passport_read_and_audit_every_record_revealed()
    {
        var client = ApiTestAuth.Client(app, app.ForumId, "visa-office", ApiScopes.DelegatesRead, ApiScopes.PassportRead);
        var visaOffice = $"api:visa-office ({Prefix(client)})";
        var (id, number) = app.Passports.Skip(1).First();
        Task<int> RevealsAsync(int delegateId) => app.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == DelegateRecords.RevealedAction && a.UserName == visaOffice && a.EntityId == delegateId.ToString(CultureInfo.InvariantCulture)));

        var one = await JsonAsync(await client.GetAsync($"/api/v1/delegates/{id}"));
        Assert.Equal(number, one.GetProperty("passport").GetProperty("number").GetString());
        Assert.Equal("1966-03-02", one.GetProperty("passport").GetProperty("dateOfBirth").GetString());
        Assert.Equal(1, await RevealsAsync(id));

        var second = await client.GetAsync($"/api/v1/delegates/{id}");
        Assert.Equal(2, await RevealsAsync(id));
        var notModified = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/delegates/{id}");
        notModified.Headers.IfNoneMatch.Add(second.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(notModified)).StatusCode);
        Assert.Equal(2, await RevealsAsync(id));

        var list = await JsonAsync(await client.GetAsync("/api/v1/delegates?limit=500"));
        Assert.Equal(app.Passports.Count, list.GetProperty("items").EnumerateArray().Count(d => d.TryGetProperty("passport", out _)));
        foreach (var holder in app.Passports.Keys)
        {
            Assert.Equal(holder == id ? 3 : 1, await RevealsAsync(holder));
        }
    }

    [Fact]
    public async Task Should_answer_304_to_a_matching_If_None_Match_on_reads()
    {
        var client = app.Api(app.ForumId, ReadScopes);
        foreach (var path in new[] { "/api/v1/forum", "/api/v1/delegates?limit=20", $"/api/v1/delegates/{app.Passports.Keys.Last()}", "/api/v1/hotels" })
        {
            var first = await client.GetAsync(path);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);
            Assert.False(etag.IsWeak);
            var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(etag);
            var second = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
            Assert.Equal(etag, second.Headers.ETag);
            Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Should_answer_a_list_304_before_any_passport_is_revealed_and_tag_it_apart_from_the_list_without_passports()
    {
        var visa = ApiTestAuth.Client(app, app.ForumId, "visa-desk", ApiScopes.DelegatesRead, ApiScopes.PassportRead);
        var plain = app.Api(app.ForumId, ApiScopes.DelegatesRead);
        Task<int> RevealsAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == DelegateRecords.RevealedAction && a.UserName.StartsWith("api:visa-desk (")));

        var first = await visa.GetAsync("/api/v1/delegates?limit=500");
        var revealed = await RevealsAsync();
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/delegates?limit=500");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await visa.SendAsync(again);
        var withoutPassports = await plain.GetAsync("/api/v1/delegates?limit=500");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(app.Passports.Count, revealed);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(revealed, await RevealsAsync());
        Assert.NotEqual(first.Headers.ETag, withoutPassports.Headers.ETag);
        var body = await first.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..32], first.Headers.ETag!.Tag.Trim('"'));
    }

    [Fact]
    public async Task Should_take_If_Match_star_for_an_existing_delegate_and_refuse_a_weak_tag()
    {
        var client = app.Api(app.ForumId, ApiScopes.DelegatesRead, ApiScopes.DelegatesWrite);
        var id = await app.WithDbAsync(db => db.Delegates.Where(d => d.ForumId == app.ForumId && !d.NeedsVisaLetter).OrderByDescending(d => d.Id).Skip(5)
            .Select(d => d.Id).FirstAsync());

        var star = await client.SendAsync(Patch(id, "*", new { position = "Vice Mayor" }));
        var etag = star.Headers.ETag!.ToString();
        var weak = await client.SendAsync(Patch(id, "W/" + etag, new { position = "Mayor" }));
        var weakStatus = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/delegates/{id}/status")
        {
            Content = new StringContent("""{"status":"waitlisted"}""", Encoding.UTF8, "application/json"),
        };
        weakStatus.Headers.TryAddWithoutValidation("If-Match", "W/" + etag);
        var refusedStatus = await client.SendAsync(weakStatus);
        var strong = await client.SendAsync(Patch(id, etag, new { position = "Mayor" }));
        var missing = await client.SendAsync(Patch(id, null, new { position = "Mayor" }));

        Assert.Equal(HttpStatusCode.OK, star.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, weak.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refusedStatus.StatusCode);
        Assert.Equal(HttpStatusCode.OK, strong.StatusCode);
        Assert.Equal("Mayor", await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == id).Select(d => d.Position).SingleAsync()));
        Assert.False(string.IsNullOrEmpty((await JsonAsync(missing, (HttpStatusCode)428)).GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Should_refuse_a_read_without_its_scope()
    {
        var client = app.Api(app.ForumId, ApiScopes.ProgrammeRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/delegates")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/forum")).StatusCode);
    }

    private static HttpRequestMessage Patch(int id, string? ifMatch, object body, string language = "en")
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/delegates/{id}")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/merge-patch+json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return request;
    }

    [Fact]
    public async Task Should_edit_a_delegate_with_If_Match_and_validate_as_the_page_does_in_both_languages()
    {
        var client = app.Api(app.ForumId, ApiScopes.DelegatesRead, ApiScopes.DelegatesWrite);
        var id = await app.WithDbAsync(db => db.Delegates.Where(d => d.ForumId == app.ForumId && !d.NeedsVisaLetter).OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync());
        var read = await client.GetAsync($"/api/v1/delegates/{id}");
        var etag = read.Headers.ETag!.ToString();

        var missing = await client.SendAsync(Patch(id, null, new { position = "Mayor" }));
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        var country = await JsonAsync(await client.SendAsync(Patch(id, etag, new { country = "XX", names = new { family = "" } })), HttpStatusCode.BadRequest);
        Assert.Equal(Localized("Validation_Choose", "en"), country.GetProperty("errors").GetProperty("country")[0].GetString());
        Assert.Equal(Localized("Validation_Required", "en", Localized("Field_FamilyName", "en")), country.GetProperty("errors").GetProperty("names.family")[0].GetString());
        var chinese = await JsonAsync(await client.SendAsync(Patch(id, etag, new { country = "XX" }, "zh-Hans")), HttpStatusCode.BadRequest);
        var message = chinese.GetProperty("errors").GetProperty("country")[0].GetString();
        Assert.Equal(Localized("Validation_Choose", "zh-Hans"), message);
        Assert.NotEqual(Localized("Validation_Choose", "en"), message);
        Assert.Equal(Localized("Api_Problem_Validation", "zh-Hans"), chinese.GetProperty("title").GetString());

        var saved = await client.SendAsync(Patch(id, etag, new { position = "Deputy Mayor", category = "head_of_delegation" }));
        var record = await JsonAsync(saved);
        Assert.Equal("Deputy Mayor", record.GetProperty("position").GetString());
        Assert.Equal("head_of_delegation", record.GetProperty("category").GetString());
        Assert.NotEqual(etag, saved.Headers.ETag!.ToString());
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString(CultureInfo.InvariantCulture) && a.Action == "edited")
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal($"api:partner ({Prefix(client)})", audit.UserName);
        Assert.Contains("Deputy Mayor", audit.After, StringComparison.Ordinal);

        var stale = await client.SendAsync(Patch(id, etag, new { position = "Mayor" }));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Deputy Mayor", await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == id).Select(d => d.Position).SingleAsync()));
    }

    [Fact]
    public async Task Should_refuse_a_body_that_is_not_an_object_or_changes_what_is_not_writable_and_let_old_values_on_file_be()
    {
        var client = app.Api(app.ForumId, ApiScopes.DelegatesRead, ApiScopes.DelegatesWrite);
        var id = await app.WithDbAsync(async db =>
        {
            var person = await db.Delegates.Where(d => d.ForumId == app.ForumId && !d.NeedsVisaLetter).OrderBy(d => d.Id).Skip(3).FirstAsync();
            person.InterpretationLanguage = "th"; // as an old import left it: no longer one of the choices the form offers
            await db.SaveChangesAsync();
            return person.Id;
        });
        var etag = (await client.GetAsync($"/api/v1/delegates/{id}")).Headers.ETag!.ToString();

        var array = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/delegates/{id}") { Content = new StringContent("[1,2]", Encoding.UTF8, "application/json") };
        array.Headers.TryAddWithoutValidation("If-Match", etag);
        var notObject = await JsonAsync(await client.SendAsync(array), HttpStatusCode.BadRequest);
        Assert.Equal(Localized("Api_Body", "en"), notObject.GetProperty("errors").GetProperty("body")[0].GetString());
        var readOnly = await JsonAsync(await client.SendAsync(Patch(id, etag, new { status = "approved", precedenceRank = "first" })), HttpStatusCode.BadRequest);
        Assert.Equal(Localized("Api_FieldNotWritable", "en"), readOnly.GetProperty("errors").GetProperty("status")[0].GetString());
        Assert.Equal(Localized("Api_FieldType", "en"), readOnly.GetProperty("errors").GetProperty("precedenceRank")[0].GetString());

        var savedResponse = await client.SendAsync(Patch(id, etag, new { organization = "Sister City Office" }));
        var saved = await JsonAsync(savedResponse);
        Assert.Equal("Sister City Office", saved.GetProperty("organization").GetString());
        var passports = app.Api(app.ForumId, ApiScopes.DelegatesRead, ApiScopes.DelegatesWrite, ApiScopes.PassportRead);
        var visa = await JsonAsync(await passports.SendAsync(Patch(id, savedResponse.Headers.ETag!.ToString(), new { needsVisaLetter = true })), HttpStatusCode.BadRequest);
        Assert.Equal(Localized("Validation_RequiredForVisa", "en"), visa.GetProperty("errors").GetProperty("passport.number")[0].GetString());
    }

    /// <summary>The token's prefix, as the audit log and the check-ins name the token beside its name.</summary>
    private static string Prefix(HttpClient client) => client.DefaultRequestHeaders.Authorization!.Parameter![..12];

    /// <summary>Gives a passport holder of the fixture a passport valid for the visa letter, and the telephone as an old import left it.</summary>
    private Task<int> VisaReadyAsync(int index, string? phone) => app.WithDbAsync(async db =>
    {
        var forum = await db.Forums.SingleAsync(f => f.Id == app.ForumId);
        var person = await db.Delegates.SingleAsync(d => d.Id == app.Passports.Keys.ElementAt(index));
        person.PassportExpiry = forum.EndDate.AddYears(2);
        person.Phone = phone;
        await db.SaveChangesAsync();
        return person.Id;
    });

    [Fact]
    public async Task Should_refuse_a_passport_change_without_passport_read_and_tell_nothing_of_the_passport_on_file()
    {
        var writer = app.Api(app.ForumId, ApiScopes.DelegatesRead, ApiScopes.DelegatesWrite);
        var holder = await VisaReadyAsync(2, "+44 20 7946 0000");
        var without = await app.WithDbAsync(db => db.Delegates.Where(d => d.ForumId == app.ForumId && !d.NeedsVisaLetter).OrderBy(d => d.Id).Skip(5).Select(d => d.Id).FirstAsync());
        var before = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Id == holder));

        async Task<string> RefusedAsync(int id, object body)
        {
            var etag = (await writer.GetAsync($"/api/v1/delegates/{id}")).Headers.ETag!.ToString();
            var problem = await ApiTestTokens.ProblemAsync(await writer.SendAsync(Patch(id, etag, body)), 403);
            Assert.Contains(ApiScopes.PassportRead, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.False(problem.TryGetProperty("errors", out _));
            return problem.GetProperty("detail").GetString()!;
        }

        // The same answer whether a passport is on file or not, and whatever else the body gets wrong.
        var onFile = await RefusedAsync(holder, new { needsVisaLetter = true });
        Assert.Equal(onFile, await RefusedAsync(without, new { needsVisaLetter = true }));
        Assert.Equal(onFile, await RefusedAsync(holder, new { needsVisaLetter = false }));
        Assert.Equal(onFile, await RefusedAsync(holder, new { passport = new { number = "QX7654321" } }));
        Assert.Equal(onFile, await RefusedAsync(without, new { country = "XX", passport = new { dateOfBirth = "soon", expiry = (string?)null } }));

        var after = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Id == holder));
        Assert.Equal((before.PassportNumberProtected, before.NeedsVisaLetter, before.ChangeSeq), (after.PassportNumberProtected, after.NeedsVisaLetter, after.ChangeSeq));
    }

    [Fact]
    public async Task Should_change_the_passport_with_passport_read_audit_which_fields_changed_without_values_and_touch_nothing_else()
    {
        var visa = ApiTestAuth.Client(app, app.ForumId, "visa-desk", ApiScopes.DelegatesRead, ApiScopes.DelegatesWrite, ApiScopes.PassportRead);
        var id = await VisaReadyAsync(3, "+11 101 1001");
        var etag = (await visa.GetAsync($"/api/v1/delegates/{id}")).Headers.ETag!.ToString();

        var saved = await JsonAsync(await visa.SendAsync(Patch(id, etag, new { passport = new { placeOfIssue = "Busan", number = "QZ1234567" } })));

        Assert.Equal("+11 101 1001", saved.GetProperty("phone").GetString());
        var record = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal("+11 101 1001", record.Phone);
        Assert.Equal("Busan", record.PassportPlaceOfIssue);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString(CultureInfo.InvariantCulture) && a.Action == "edited")
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal($"api:visa-desk ({Prefix(visa)})", audit.UserName);
        foreach (var text in new[] { audit.Before!, audit.After! })
        {
            Assert.Contains("PassportPlaceOfIssue", text, StringComparison.Ordinal);
            Assert.Contains("PassportNumber", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Busan", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Seoul", text, StringComparison.Ordinal);
            Assert.DoesNotContain("QZ1234567", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Phone", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_leave_every_field_not_sent_as_stored_and_write_nothing_for_a_patch_that_changes_nothing()
    {
        var client = app.Api(app.ForumId, ApiScopes.DelegatesRead, ApiScopes.DelegatesWrite);
        var id = await app.WithDbAsync(async db =>
        {
            var person = await db.Delegates.Where(d => d.ForumId == app.ForumId && !d.NeedsVisaLetter).OrderBy(d => d.Id).Skip(6).FirstAsync();
            person.Phone = null;
            person.Honorific = null;
            person.Position = "Mayor";
            await db.SaveChangesAsync();
            return person.Id;
        });
        Task<int> EditsAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == id.ToString(CultureInfo.InvariantCulture) && a.Action == "edited"));
        var read = await client.GetAsync($"/api/v1/delegates/{id}");
        var before = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Id == id));

        var same = await client.SendAsync(Patch(id, read.Headers.ETag!.ToString(), new { position = "Mayor" }));

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(read.Headers.ETag, same.Headers.ETag);
        Assert.Equal(0, await EditsAsync());
        var unchanged = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal((before.ChangeSeq, before.UpdatedUtc, before.Phone, before.Honorific), (unchanged.ChangeSeq, unchanged.UpdatedUtc, unchanged.Phone, unchanged.Honorific));

        await JsonAsync(await client.SendAsync(Patch(id, same.Headers.ETag!.ToString(), new { organization = "Twinning Office" })));
        var edited = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Null(edited.Phone);
        Assert.Null(edited.Honorific);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString(CultureInfo.InvariantCulture) && a.Action == "edited").SingleAsync());
        Assert.Equal("Organization: Twinning Office", audit.After);
    }

    [Fact]
    public async Task Should_refuse_a_date_of_birth_in_the_future_next_to_the_field_in_both_languages()
    {
        var visa = ApiTestAuth.Client(app, app.ForumId, "visa-check", ApiScopes.DelegatesRead, ApiScopes.DelegatesWrite, ApiScopes.PassportRead);
        var id = await VisaReadyAsync(4, null);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone)).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var etag = (await visa.GetAsync($"/api/v1/delegates/{id}")).Headers.ETag!.ToString();

        foreach (var language in new[] { "en", "zh-Hans" })
        {
            var refused = await JsonAsync(await visa.SendAsync(Patch(id, etag, new { passport = new { dateOfBirth = tomorrow } }, language)), HttpStatusCode.BadRequest);
            Assert.Equal([Localized("Validation_DateOfBirthFuture", language)], refused.GetProperty("errors").GetProperty("passport.dateOfBirth").EnumerateArray().Select(e => e.GetString()));
        }

        Assert.NotEqual("Validation_DateOfBirthFuture", Localized("Validation_DateOfBirthFuture", "zh-Hans"));
        Assert.NotEqual(Localized("Validation_DateOfBirthFuture", "en"), Localized("Validation_DateOfBirthFuture", "zh-Hans"));
        Assert.Equal("1966-03-05", await app.WithDbAsync(async db =>
            app.Services.GetRequiredService<PersonalData>().Unprotect(await db.Delegates.Where(d => d.Id == id).Select(d => d.DateOfBirthProtected).SingleAsync())));
    }

    [Fact]
    public async Task Should_change_a_status_through_the_pages_use_case_and_refuse_a_change_not_allowed()
    {
        var client = app.Api(app.ForumId, ApiScopes.DelegatesRead, ApiScopes.DelegatesWrite);
        var id = await app.WithDbAsync(db => db.Delegates.Where(d => d.ForumId == app.ForumId && d.Status == RegistrationStatus.Submitted).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());

        var approved = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/delegates/{id}/status", new { status = "approved" }));
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        var again = await client.PostAsJsonAsync($"/api/v1/delegates/{id}/status", new { status = "approved" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var wrong = await client.PostAsJsonAsync($"/api/v1/delegates/{id}/status", new { status = "submitted" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var actor = $"api:partner ({Prefix(client)})";
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString(CultureInfo.InvariantCulture) && a.Action == "status" && a.UserName == actor)));
    }

    [Fact]
    public async Task Should_check_in_a_scanned_badge_as_the_desk_does_and_list_it()
    {
        var client = app.Api(app.ForumId, ApiScopes.CheckInsWrite, ApiScopes.DelegatesRead);
        var person = await app.WithDbAsync(db => db.Delegates.Where(d => d.ForumId == app.ForumId && d.Status == RegistrationStatus.Approved).OrderByDescending(d => d.Id).FirstAsync());
        var start = await JsonAsync(await client.GetAsync("/api/v1/checkins?changed_since=0&limit=500"));
        var cursor = start.GetProperty("next").GetString();

        var scanId = Guid.NewGuid().ToString();
        var first = await JsonAsync(await client.PostAsJsonAsync("/api/v1/checkins/scans", new { token = person.CheckInToken, checkpoint = Checkpoints.Main, scanId }));
        var resent = await JsonAsync(await client.PostAsJsonAsync("/api/v1/checkins/scans", new { token = person.CheckInToken, checkpoint = Checkpoints.Main, scanId }));
        var unknown = await JsonAsync(await client.PostAsJsonAsync("/api/v1/checkins/scans", new { token = "nothing", scanId = Guid.NewGuid().ToString() }));
        var badCheckpoint = await client.PostAsJsonAsync("/api/v1/checkins/scans", new { token = person.CheckInToken, checkpoint = "nowhere" });

        Assert.Equal("checked-in", first.GetProperty("result").GetString());
        Assert.Equal(person.Reference, first.GetProperty("delegate").GetProperty("reference").GetString());
        Assert.Equal("checked-in", resent.GetProperty("result").GetString());
        Assert.Equal("unknown-token", unknown.GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badCheckpoint.StatusCode);
        var since = await JsonAsync(await client.GetAsync("/api/v1/checkins?changed_since=" + cursor));
        var made = Assert.Single(since.GetProperty("items").EnumerateArray());
        Assert.Equal(person.Id, made.GetProperty("delegateId").GetInt32());
        Assert.Equal($"api:partner ({Prefix(client)})", made.GetProperty("by").GetString());
    }

    [Fact]
    public async Task Should_queue_a_template_notice_to_an_audience_and_refuse_an_unknown_template()
    {
        var client = app.Api(app.ForumId, ApiScopes.NoticesSend);
        var approved = await app.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == app.ForumId && d.Status == RegistrationStatus.Approved));

        var sent = await JsonAsync(await client.PostAsJsonAsync("/api/v1/notices", new { template = "reminder", audience = new { status = "approved" } }), HttpStatusCode.Accepted);
        var batchId = sent.GetProperty("batchId").GetInt32();
        var batch = await app.WithDbAsync(db => db.NoticeBatches.AsNoTracking().SingleAsync(b => b.Id == batchId));
        Assert.Equal(approved, batch.Total);
        Assert.Equal(Core.Notices.NoticeKind.Reminder, batch.Kind);
        Assert.Equal($"api:partner ({Prefix(client)})", batch.CreatedBy);

        var refused = await JsonAsync(await client.PostAsJsonAsync("/api/v1/notices", new { template = "free_form", audience = new { hotel = 999_999 } }), HttpStatusCode.BadRequest);
        Assert.Equal(Localized("Validation_Choose", "en"), refused.GetProperty("errors").GetProperty("template")[0].GetString());
        Assert.True(refused.GetProperty("errors").TryGetProperty("audience.hotel", out _));
    }
}

using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Logistics;
using ForumManager.Features.Logistics;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Me;

/// <summary>An app of its own: companions take places and rooms that other tests count.</summary>
public sealed class CompanionAppFixture : ForumAppFactory;

/// <summary>A delegate brings a spouse, an aide, an interpreter or a security officer, as they would on /me/companions.</summary>
public sealed class CompanionTests(CompanionAppFixture app) : IClassFixture<CompanionAppFixture>
{
    private const string Url = "/me/companions";

    /// <summary>A signed-in delegate of a demo delegation, with a room asked for when <paramref name="room"/> is given.</summary>
    private async Task<(HttpClient Client, Delegate Me)> DelegateAsync(RoomType? room = null)
    {
        var email = await app.CreateUserAsync(Roles.Delegate);
        var me = await app.WithDbAsync(async db =>
        {
            var forum = await db.Forums.SingleAsync();
            var record = new Delegate
            {
                ForumId = forum.Id, UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(),
                DelegationId = await db.Delegations.OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstAsync(),
                FamilyName = "Morel", GivenName = "Claire", CountryCode = "FR", Nationality = "FR", Email = email, Organization = "Ville de Lyon",
                Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved, Gender = Gender.Female,
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            if (room is { } type)
            {
                db.AccommodationRequests.Add(new AccommodationRequest
                {
                    ForumId = forum.Id, DelegateId = record.Id, CheckIn = forum.StartDate.AddDays(-1), CheckOut = forum.EndDate.AddDays(1), Type = type,
                    UpdatedUtc = DateTime.UtcNow,
                });
                await db.SaveChangesAsync();
            }

            return record;
        });
        return (await Clients.SignInAsync(app, email, ForumAppFactory.Password), me);
    }

    private static Dictionary<string, string> Companion(string role, string family, string email, string? native = null) => new()
    {
        ["Input.Role"] = role,
        ["Input.FamilyName"] = family,
        ["Input.GivenName"] = "Louis",
        ["Input.NativeName"] = native ?? string.Empty,
        ["Input.Email"] = email,
        ["Input.Gender"] = "Male",
        ["Input.PreferredLanguage"] = "en",
    };

    [Fact]
    public async Task Should_give_an_aide_a_record_badge_category_and_mail_of_their_own_and_house_them_with_the_delegate()
    {
        var (client, me) = await DelegateAsync(RoomType.Single);
        var aideEmail = $"aide.{Guid.NewGuid():N}@example.org";

        var response = await HtmlForms.SubmitAsync(client, Url, Companion("Aide", "Morel", aideEmail), "[data-testid=companion-form]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var aide = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Email == aideEmail));
        Assert.Equal((me.Id, CompanionRole.Aide, DelegateCategory.Accompanying, me.DelegationId, "FR", "Ville de Lyon", (string?)null),
            (aide.AccompaniesId, aide.CompanionRole, aide.Category, aide.DelegationId, aide.CountryCode, aide.Organization, aide.UserId));
        Assert.Equal(RegistrationStatus.Submitted, aide.Status);
        Assert.NotEqual(me.Reference, aide.Reference);
        Assert.NotEqual(me.CheckInToken, aide.CheckInToken);
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == aideEmail)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "added-as-companion" && a.EntityId == aide.Id.ToString())));

        var page = await HtmlForms.GetPageAsync(client, Url);
        var row = page.QuerySelector($"[data-testid=companion][data-reference='{aide.Reference}']");
        Assert.NotNull(row);
        Assert.Contains("Aide", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("MOREL Louis", row.TextContent, StringComparison.Ordinal);

        // The two name each other for a room for two, and the allocator puts them in one once the aide is approved.
        var requests = await app.WithDbAsync(db => db.AccommodationRequests.AsNoTracking().Where(r => r.DelegateId == me.Id || r.DelegateId == aide.Id)
            .ToDictionaryAsync(r => r.DelegateId));
        Assert.Equal((Sharing.Named, (int?)aide.Id, RoomType.Twin), (requests[me.Id].Sharing, requests[me.Id].ShareWithDelegateId, requests[me.Id].Type));
        Assert.Equal((Sharing.Named, (int?)me.Id, RoomType.Twin), (requests[aide.Id].Sharing, requests[aide.Id].ShareWithDelegateId, requests[aide.Id].Type));
        Assert.Equal((requests[me.Id].CheckIn, requests[me.Id].CheckOut), (requests[aide.Id].CheckIn, requests[aide.Id].CheckOut));

        await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == aide.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, RegistrationStatus.Approved)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RoomAllocations>().AllocateAsync(me.ForumId, Actor.System, default, me.DelegationId);
        }

        var rooms = await app.WithDbAsync(db => db.RoomOccupants.AsNoTracking().Where(o => o.DelegateId == me.Id || o.DelegateId == aide.Id)
            .Select(o => new { o.HotelRoomId, o.HotelRoom!.RoomBlock!.HotelId }).ToListAsync());
        Assert.Equal(2, rooms.Count);
        Assert.Single(rooms.Select(r => r.HotelRoomId).Distinct());

        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var aidesRecord = await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{aide.Id}");
        Assert.Equal($"/admin/delegates/details/{me.Id}", aidesRecord.QuerySelector("[data-testid=accompanies] a")!.GetAttribute("href"));
        var delegatesRecord = await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{me.Id}");
        Assert.Contains("MOREL Louis · Aide", delegatesRecord.QuerySelector("[data-testid=companions]")!.TextContent, StringComparison.Ordinal);

        await using var rooming = new MemoryStream(await organizer.GetByteArrayAsync($"/admin/hotels/{rooms[0].HotelId}/rooming.xlsx"));
        var listed = string.Join('\n', rooming.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString()));
        Assert.Contains(aide.Reference, listed, StringComparison.Ordinal);
        Assert.Contains(me.Reference, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_at_each_field_what_is_wrong_and_add_nobody()
    {
        var (client, me) = await DelegateAsync();
        var taken = await app.WithDbAsync(db => db.Delegates.Where(d => d.Id != me.Id).Select(d => d.Email).FirstAsync());
        var before = await app.WithDbAsync(db => db.Delegates.CountAsync());

        var response = await HtmlForms.SubmitAsync(client, Url, Companion(string.Empty, "Морель", taken), "[data-testid=companion-form]");
        var page = await HtmlForms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string Error(string field) => page.QuerySelector($"[data-valmsg-for='Input.{field}']")?.TextContent ?? string.Empty;
        Assert.Contains("Choose", Error("Role"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("passport", Error("FamilyName"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await app.WithDbAsync(db => db.Delegates.CountAsync()));

        // With the role and the name right, the address already registered is still refused at its field.
        response = await HtmlForms.SubmitAsync(client, Url, Companion("Spouse", "Morel", taken), "[data-testid=companion-form]");
        page = await HtmlForms.ParseAsync(response);
        Assert.Contains("already registered", page.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await app.WithDbAsync(db => db.Delegates.CountAsync()));
    }

    [Fact]
    public async Task Should_allow_four_companions_show_each_delegate_only_their_own_and_let_no_companion_bring_another()
    {
        var (client, me) = await DelegateAsync();
        var roles = new[] { "Spouse", "Aide", "Interpreter", "SecurityOfficer" };
        foreach (var role in roles)
        {
            var response = await HtmlForms.SubmitAsync(client, Url, Companion(role, "Morel", $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org", "莫雷尔"), "[data-testid=companion-form]");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var fifth = await HtmlForms.SubmitAsync(client, Url, Companion("Aide", "Morel", $"fifth.{Guid.NewGuid():N}@example.org"), "[data-testid=companion-form]");
        Assert.Equal(HttpStatusCode.OK, fifth.StatusCode);
        Assert.Contains("at most 4", (await HtmlForms.ParseAsync(fifth)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, await app.WithDbAsync(db => db.Delegates.CountAsync(d => d.AccompaniesId == me.Id)));

        var page = await HtmlForms.GetPageAsync(client, Url);
        Assert.Equal(4, page.QuerySelectorAll("[data-testid=companion]").Length);
        Assert.Contains("莫雷尔", page.QuerySelector("[data-testid=companions]")!.TextContent, StringComparison.Ordinal);

        var (other, _) = await DelegateAsync();
        var theirs = await HtmlForms.GetPageAsync(other, Url);
        Assert.Empty(theirs.QuerySelectorAll("[data-testid=companion]"));
        Assert.NotNull(theirs.QuerySelector("[data-testid=companion-form]"));
    }
}

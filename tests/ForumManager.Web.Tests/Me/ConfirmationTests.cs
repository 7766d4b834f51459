using System.Globalization;
using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Logistics;
using ForumManager.Features.Logistics;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Me;

public sealed class ConfirmationAppFixture : ForumAppFactory;

/// <summary>
/// Nothing irreversible in one click: the first post of each such action only asks, saying what will happen, and only
/// the confirming post does it. A cancelled registration can be given its place back.
/// </summary>
public sealed class ConfirmationTests(ConfirmationAppFixture app) : IClassFixture<ConfirmationAppFixture>
{
    private async Task<(int Id, string Email)> DelegateAsync(RegistrationStatus status, bool withAccount = false, DelegateCategory category = DelegateCategory.Delegate,
        int? delegationId = null, string family = "Okafor", string given = "Ada")
    {
        var email = withAccount ? await app.CreateUserAsync(Roles.Delegate) : $"someone-{Guid.NewGuid():N}@city.example.org";
        var id = await app.WithDbAsync(async db =>
        {
            var record = new Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(), UserId = withAccount ? await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync() : null,
                FamilyName = family, GivenName = given, CountryCode = "NG", Email = email, Category = category, DelegationId = delegationId,
                Status = status, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        return (id, email);
    }

    private Task<RegistrationStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Delegates.Where(d => d.Id == id).Select(d => d.Status).SingleAsync());

    private Task<bool> MailedAsync(string email, string purpose) => app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == email && m.Purpose == purpose));

    private Task<int> WaitingAsync() => app.WithDbAsync(db => db.Delegates.CountAsync(d => d.Status == RegistrationStatus.Waitlisted));

    [Fact]
    public async Task Should_cancel_a_registration_only_once_the_delegate_confirms_and_let_an_organizer_reinstate_it_while_a_place_is_free()
    {
        var (id, email) = await DelegateAsync(RegistrationStatus.Approved, withAccount: true);
        var delegateClient = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
        var waiting = await WaitingAsync();

        var asked = await ConfirmSteps.AskedAsync(await HtmlForms.SubmitAsync(delegateClient, "/me", new Dictionary<string, string>(), "form[action*='handler=Cancel']"));

        Assert.Equal("Cancel your registration for 2010 China Hunan International Sister Cities Cooperation Forum?", ConfirmSteps.Question(asked));
        Assert.Contains(waiting > 0 ? $"Your place goes to the next person on the waiting list ({waiting} waiting)." : "no one is waiting for it now",
            ConfirmSteps.Consequences(asked), StringComparison.Ordinal);
        Assert.Contains("You will get an email", ConfirmSteps.Consequences(asked), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Approved, await StatusAsync(id));
        Assert.False(await MailedAsync(email, "registration.cancelled"));

        var cancelled = await ConfirmSteps.ConfirmAsync(delegateClient, asked, "/me?handler=Cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(RegistrationStatus.Cancelled, await StatusAsync(id));
        Assert.True(await MailedAsync(email, "registration.cancelled"));

        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var capacity = await app.WithDbAsync(db => db.Forums.Select(f => f.Capacity).SingleAsync());
        await app.WithDbAsync(db => db.Forums.ExecuteUpdateAsync(s => s.SetProperty(f => f.Capacity, f => f.PlacesTaken)));
        var full = await HtmlForms.SubmitAsync(organizer, $"/admin/delegates/details/{id}", new Dictionary<string, string>(), "[data-testid=reinstate-form]");

        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Contains("Every place is taken", (await HtmlForms.ParseAsync(full)).QuerySelector("[data-testid=reinstate-refused]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Cancelled, await StatusAsync(id));

        await app.WithDbAsync(db => db.Forums.ExecuteUpdateAsync(s => s.SetProperty(f => f.Capacity, f => f.PlacesTaken + 1)));
        var taken = await app.WithDbAsync(db => db.Forums.Select(f => f.PlacesTaken).SingleAsync());
        var reinstated = await HtmlForms.SubmitAsync(organizer, $"/admin/delegates/details/{id}", new Dictionary<string, string>(), "[data-testid=reinstate-form]");

        Assert.Equal(HttpStatusCode.Redirect, reinstated.StatusCode);
        Assert.Equal(RegistrationStatus.Approved, await StatusAsync(id));
        Assert.Equal(taken + 1, await app.WithDbAsync(db => db.Forums.Select(f => f.PlacesTaken).SingleAsync()));
        Assert.True(await MailedAsync(email, "registration.approved"));
        var key = id.ToString(CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == key && a.Action == "reinstated" && a.Before == "Cancelled")));
        Assert.Null((await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{id}")).QuerySelector("[data-testid=reinstate-form]"));
        await app.WithDbAsync(db => db.Forums.ExecuteUpdateAsync(s => s.SetProperty(f => f.Capacity, capacity)));
    }

    [Fact]
    public async Task Should_withdraw_a_member_only_once_the_head_confirms()
    {
        var delegationId = await app.WithDbAsync(db => db.Delegations.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        var (_, headEmail) = await DelegateAsync(RegistrationStatus.Approved, withAccount: true, DelegateCategory.HeadOfDelegation, delegationId);
        var (member, memberEmail) = await DelegateAsync(RegistrationStatus.Submitted, delegationId: delegationId, family: "Petrova", given: "Olga");
        var head = await Clients.SignInAsync(app, headEmail, ForumAppFactory.Password);

        var asked = await ConfirmSteps.AskedAsync(await HtmlForms.SubmitAsync(head, "/me/delegation", new Dictionary<string, string>(),
            $"form[action*='handler=Withdraw'][action*='memberId={member}']"));

        Assert.Equal("Withdraw PETROVA Olga from the delegation?", ConfirmSteps.Question(asked));
        Assert.Contains($"The member is mailed at {memberEmail}", ConfirmSteps.Consequences(asked), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Submitted, await StatusAsync(member));

        var withdrawn = await ConfirmSteps.ConfirmAsync(head, asked, $"/me/delegation?handler=Withdraw&memberId={member}");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(RegistrationStatus.Cancelled, await StatusAsync(member));
        Assert.True(await MailedAsync(memberEmail, "registration.cancelled"));
    }

    [Fact]
    public async Task Should_reject_delegates_in_bulk_only_once_the_organizer_confirms()
    {
        var first = await DelegateAsync(RegistrationStatus.Submitted, family: "Reject", given: "One");
        var second = await DelegateAsync(RegistrationStatus.Submitted, family: "Reject", given: "Two");
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var list = await HtmlForms.GetPageAsync(organizer, "/admin/delegates?q=Reject");
        var form = list.QuerySelector("form[action*='handler=Decide']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await organizer.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Decision", "Rejected"), new("Reason", "Quota reached"),
            new("Selected", first.Id.ToString(CultureInfo.InvariantCulture)), new("Selected", second.Id.ToString(CultureInfo.InvariantCulture)),
        ]));
        var asked = await ConfirmSteps.AskedAsync(response);

        Assert.Equal("Reject 2 delegates?", ConfirmSteps.Question(asked));
        Assert.Contains("Each is mailed", ConfirmSteps.Consequences(asked), StringComparison.Ordinal);
        Assert.Contains("Places they hold: 2.", ConfirmSteps.Consequences(asked), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Submitted, await StatusAsync(first.Id));
        Assert.Equal(RegistrationStatus.Submitted, await StatusAsync(second.Id));
        Assert.False(await MailedAsync(first.Email, "registration.rejected"));

        var rejected = await ConfirmSteps.ConfirmAsync(organizer, asked, form.GetAttribute("action")!);

        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(RegistrationStatus.Rejected, await StatusAsync(first.Id));
        Assert.Equal(RegistrationStatus.Rejected, await StatusAsync(second.Id));
        Assert.True(await MailedAsync(second.Email, "registration.rejected"));
        Assert.Equal("Rejected: Quota reached", await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == first.Id).Select(d => d.Status + ": " + d.StatusReason).SingleAsync()));
    }

    [Fact]
    public async Task Should_take_a_guest_out_of_a_hotel_only_once_the_organizer_confirms()
    {
        var (guest, _) = await DelegateAsync(RegistrationStatus.Approved, family: "Guest", given: "Hotel");
        var (hotelId, forumId) = await app.WithDbAsync(async db =>
        {
            var forum = await db.Forums.Select(f => f.Id).SingleAsync();
            var hotel = new Hotel { ForumId = forum, NameEn = "Confirm Hotel", NameZh = "确认酒店" };
            hotel.Blocks.Add(new RoomBlock { ForumId = forum, Type = RoomType.Single, Rooms = 2, FirstNight = new DateOnly(2010, 6, 21), LastNight = new DateOnly(2010, 6, 24) });
            db.Hotels.Add(hotel);
            await db.SaveChangesAsync();
            return (hotel.Id, forum);
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var blockId = await app.WithDbAsync(db => db.RoomBlocks.Where(b => b.HotelId == hotelId).Select(b => b.Id).SingleAsync());
            Assert.Equal(PlaceOutcome.Placed, await scope.ServiceProvider.GetRequiredService<RoomAllocations>()
                .PlaceInNewRoomAsync(forumId, guest, blockId, new Actor(null, "organizer"), CancellationToken.None));
        }

        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var page = await HtmlForms.GetPageAsync(organizer, $"/admin/hotels/{hotelId}");

        var asked = await ConfirmSteps.AskedAsync(await HtmlForms.SubmitAsync(organizer, page, $"/admin/hotels/{hotelId}",
            new Dictionary<string, string> { ["target"] = "out" }, $"[data-testid=guest-{guest}] form[action*='handler=Move']"));

        Assert.StartsWith("Take GUEST Hotel out of room", ConfirmSteps.Question(asked), StringComparison.Ordinal);
        Assert.Contains("The guest is not mailed", ConfirmSteps.Consequences(asked), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.RoomOccupants.AnyAsync(o => o.DelegateId == guest)));

        var taken = await ConfirmSteps.ConfirmAsync(organizer, asked, $"/admin/hotels/{hotelId}?handler=Move");

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.RoomOccupants.AnyAsync(o => o.DelegateId == guest)));
    }
}

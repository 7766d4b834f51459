using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Me;

public sealed class MembersAppFixture : ForumAppFactory;

/// <summary>The head of a delegation edits members and gives them a sign-in of their own; nobody else's members.</summary>
public sealed class MemberEditAndSignInTests(MembersAppFixture app) : IClassFixture<MembersAppFixture>
{
    private sealed record Team(HttpClient Head, int HeadId, int DelegationId, int MemberId, string MemberEmail);

    /// <summary>A head of a new delegation, signed in, who added one member through the delegation page.</summary>
    private async Task<Team> TeamAsync(string memberLanguage = "en")
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var headEmail = await app.CreateUserAsync(Roles.Delegate, $"head-{tag}@rabat.example.org");
        var (headId, delegationId) = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var delegation = new Delegation { ForumId = forumId, NameEn = $"Delegation {tag}", NameZh = $"代表团 {tag}", CountryCode = "MA", Quota = 5 };
            db.Delegations.Add(delegation);
            await db.SaveChangesAsync();
            var head = new Delegate
            {
                ForumId = forumId, DelegationId = delegation.Id, UserId = await db.Users.Where(u => u.Email == headEmail).Select(u => u.Id).SingleAsync(),
                FamilyName = "El Alaoui", GivenName = "Karim", CountryCode = "MA", Email = headEmail, Category = DelegateCategory.HeadOfDelegation,
                Status = RegistrationStatus.Approved, PrecedenceRank = 100, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(head);
            await db.SaveChangesAsync();
            return (head.Id, delegation.Id);
        });
        var client = await Clients.SignInAsync(app, headEmail, ForumAppFactory.Password);
        var memberEmail = $"member-{tag}@rabat.example.org";
        var added = await MemberForm.AddAsync(client, MemberForm.Valid(memberEmail, v =>
        {
            v[MemberForm.Position] = "Adviser";
            v[MemberForm.PreferredLanguage] = memberLanguage;
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var memberId = await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == memberEmail).Select(d => d.Id).SingleAsync());
        return new Team(client, headId, delegationId, memberId, memberEmail);
    }

    /// <summary>A delegate in no delegation, registered under <paramref name="email"/>, with the account <paramref name="userId"/> if given.</summary>
    private Task<int> LonerAsync(string email, string? userId = null) => app.WithDbAsync(async db =>
    {
        var loner = new Delegate
        {
            ForumId = await db.Forums.Select(f => f.Id).SingleAsync(), UserId = userId, FamilyName = "Alone", GivenName = "Al", CountryCode = "FR",
            Email = email, Category = DelegateCategory.Delegate, Status = RegistrationStatus.Submitted, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        db.Delegates.Add(loner);
        await db.SaveChangesAsync();
        return loner.Id;
    });

    private Task<Delegate> RecordAsync(int id) => app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Id == id));

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, int memberId)
    {
        var page = await HtmlForms.GetPageAsync(client, "/me/delegation");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync($"/me/delegation?handler=SignIn&memberId={memberId}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
    }

    [Fact]
    public async Task Should_let_the_head_correct_a_member_and_keep_the_change_in_the_history()
    {
        var team = await TeamAsync();

        var saved = await MemberForm.SubmitAsync(team.Head, team.MemberId, new Dictionary<string, string>
        {
            [MemberForm.NativeName] = "سلمى بناني",
            [MemberForm.Position] = "Senior Adviser",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var member = await RecordAsync(team.MemberId);
        Assert.Equal(("سلمى بناني", "Senior Adviser", team.MemberEmail), (member.NativeName, member.Position, member.Email));
        var list = await HtmlForms.GetPageAsync(team.Head, "/me/delegation");
        Assert.Contains("سلمى بناني", list.QuerySelector("[data-testid=members]")!.TextContent, StringComparison.Ordinal);

        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var history = (await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{team.MemberId}")).QuerySelector("[data-testid=history]")!;
        var edited = history.QuerySelectorAll("tbody tr").Single(r => r.Children[2].TextContent == "edited");
        Assert.Contains("Position: Adviser", edited.Children[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("NativeName: سلمى بناني", edited.Children[4].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_bad_input_next_to_the_field_and_change_nothing()
    {
        var team = await TeamAsync();
        var other = await app.WithDbAsync(db => db.Delegates.Where(d => d.Id != team.MemberId).Select(d => d.Email).FirstAsync());
        var before = await RecordAsync(team.MemberId);

        foreach (var (field, value) in new[] { (MemberForm.Email, "not-an-address"), (MemberForm.FamilyName, "<script>alert(1)</script>"),
            (MemberForm.Email, other), (MemberForm.NativeName, "\u202Eevil<b>"), (MemberForm.GivenName, "") })
        {
            var response = await MemberForm.SubmitAsync(team.Head, team.MemberId, new Dictionary<string, string> { [field] = value, [MemberForm.Position] = "Changed" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var message = (await HtmlForms.ParseAsync(response)).FieldError(field);
            Assert.False(string.IsNullOrEmpty(message), $"{field}={value}: no message next to the field");
        }

        var after = await RecordAsync(team.MemberId);
        Assert.Equal((before.Position, before.Email, before.UpdatedUtc), (after.Position, after.Email, after.UpdatedUtc));
    }

    [Fact]
    public async Task Should_never_open_or_change_anyone_but_the_heads_own_members()
    {
        var mine = await TeamAsync();
        var theirs = await TeamAsync();
        var before = await RecordAsync(theirs.MemberId);
        var loner = await LonerAsync($"loner-{Guid.NewGuid():N}@example.org");

        foreach (var id in new[] { theirs.MemberId, theirs.HeadId, mine.HeadId, loner, 999_999 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await mine.Head.GetAsync($"/me/delegation/member/{id}")).StatusCode);
        }

        var form = await HtmlForms.GetPageAsync(mine.Head, $"/me/delegation/member/{mine.MemberId}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await mine.Head.PostAsync($"/me/delegation/member/{theirs.MemberId}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.FamilyName", "Hijacked"), new("Input.GivenName", "X"), new("Input.Honorific", "Mr"),
             new("Input.Email", theirs.MemberEmail), new("Input.PreferredLanguage", "en")]));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        var signIn = await PostSignInAsync(mine.Head, theirs.MemberId);
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        var after = await RecordAsync(theirs.MemberId);
        Assert.Equal((before.FamilyName, before.UserId, before.UpdatedUtc), (after.FamilyName, after.UserId, after.UpdatedUtc));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == theirs.MemberEmail)));

        // A delegate who heads no delegation has no members to open.
        var plain = await Clients.SignedInAsync(app, Roles.Delegate);
        Assert.Equal(HttpStatusCode.NotFound, (await plain.GetAsync($"/me/delegation/member/{mine.MemberId}")).StatusCode);
    }

    [Fact]
    public async Task Should_give_a_member_their_own_sign_in_by_email()
    {
        var team = await TeamAsync(memberLanguage: "zh-Hans");

        var sent = await PostSignInAsync(team.Head, team.MemberId);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == team.MemberEmail && m.Purpose == "account.member-sign-in"));
        var message = await app.ReadMailAsync(row);
        Assert.Equal("您的论坛登录账户", message.Subject);
        var link = (message.TextBody ?? string.Empty).Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http://forum.test/", StringComparison.Ordinal));
        var list = await HtmlForms.GetPageAsync(team.Head, "/me/delegation");
        Assert.Contains("Sign-in offered", list.QuerySelector("[data-testid=members]")!.TextContent, StringComparison.Ordinal);

        var member = Clients.Anonymous(app);
        var url = link["http://forum.test".Length..];
        var reset = await HtmlForms.SubmitAsync(member, url, new Dictionary<string, string>
        {
            ["Input.Password"] = "Salma's own pass 2010!",
            ["Input.ConfirmPassword"] = "Salma's own pass 2010!",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var signedIn = await Clients.SignInAsync(app, team.MemberEmail, "Salma's own pass 2010!");
        var me = await HtmlForms.GetPageAsync(signedIn, "/me");
        Assert.Contains("BENNANI Salma", me.QuerySelector("[data-testid=my-registration]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await HtmlForms.GetPageAsync(signedIn, "/me/delegation")).QuerySelector("[data-testid=not-head]"));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == team.MemberEmail).Select(u => u.EmailConfirmed).SingleAsync()));

        // Now the address is the member's: the head sees that they sign in, and can no longer change it.
        var after = await HtmlForms.GetPageAsync(team.Head, "/me/delegation");
        Assert.Contains("Signs in", after.QuerySelector("[data-testid=members]")!.TextContent, StringComparison.Ordinal);
        var moved = await MemberForm.SubmitAsync(team.Head, team.MemberId, new Dictionary<string, string> { [MemberForm.Email] = "elsewhere@rabat.example.org" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(team.MemberEmail, (await RecordAsync(team.MemberId)).Email);
        var again = await PostSignInAsync(team.Head, team.MemberId);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == team.MemberEmail && m.Purpose == "account.member-sign-in")));
    }

    [Fact]
    public async Task Should_greet_the_member_name_the_forum_sign_the_mail_and_ask_to_choose_a_first_password()
    {
        var team = await TeamAsync(memberLanguage: "zh-Hans");
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync());

        await PostSignInAsync(team.Head, team.MemberId);

        Assert.Null((await RecordAsync(team.MemberId)).Honorific);
        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == team.MemberEmail && m.Purpose == "account.member-sign-in"));
        var body = (await app.ReadMailAsync(row)).TextBody ?? string.Empty;
        Assert.StartsWith("尊敬的Salma BENNANI：", body, StringComparison.Ordinal);
        Assert.Contains(forum.NameZh, body, StringComparison.Ordinal);
        Assert.EndsWith($"{forum.NameZh}组委会", body.TrimEnd(), StringComparison.Ordinal);
        var link = body.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http://forum.test/", StringComparison.Ordinal));
        var page = await HtmlForms.GetPageAsync(Clients.Anonymous(app, "zh-Hans"), link["http://forum.test".Length..]);
        Assert.Equal("设置密码", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("新", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_not_link_an_account_that_already_has_a_registration_in_this_forum()
    {
        var team = await TeamAsync();
        var accountEmail = await app.CreateUserAsync(Roles.Delegate);
        // An account whose registration was made under another address, now also named as this member.
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == accountEmail).Select(u => u.Id).SingleAsync());
        await LonerAsync($"other-{Guid.NewGuid():N}@example.org", userId);
        await MoveMemberAsync(team, accountEmail);

        var status = await SendSignInAsync(team);

        Assert.Equal(await NewAddressStatusAsync(), status.Replace(accountEmail, "{0}", StringComparison.Ordinal));
        Assert.Null((await RecordAsync(team.MemberId)).UserId);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == accountEmail)));
    }

    [Theory]
    [InlineData(Roles.Organizer)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Staff)]
    public async Task Should_never_link_give_a_role_to_or_mail_a_staff_account_named_as_a_member(string role)
    {
        var team = await TeamAsync();
        var staff = await app.CreateUserAsync(role);
        await MoveMemberAsync(team, staff);

        var status = await SendSignInAsync(team);

        // The head learns nothing: the same words, and the same state in the list, as for an address with no account.
        Assert.Equal(await NewAddressStatusAsync(), status.Replace(staff, "{0}", StringComparison.Ordinal));
        Assert.Equal("Sign-in offered, not used yet", await SignInCellAsync(team));
        Assert.Null((await RecordAsync(team.MemberId)).UserId);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == staff)));
        Assert.Equal(new[] { role }, await RolesOfAsync(staff));
        var signedIn = await Clients.SignInAsync(app, staff, ForumAppFactory.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task Should_link_an_existing_account_only_when_its_owner_accepts_while_signed_in()
    {
        var team = await TeamAsync();
        var owner = await app.CreateUserAsync(Roles.Delegate, $"owner-{Guid.NewGuid():N}@rabat.example.org");
        await MoveMemberAsync(team, owner);

        var status = await SendSignInAsync(team);

        Assert.Equal(await NewAddressStatusAsync(), status.Replace(owner, "{0}", StringComparison.Ordinal));
        Assert.Equal("Sign-in offered, not used yet", await SignInCellAsync(team));
        Assert.Null((await RecordAsync(team.MemberId)).UserId);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == owner && m.Purpose != "account.member-invitation")));
        var url = await JoinLinkAsync(owner);

        // Not signed in: first sign in. Signed in as anyone else: refused, without a word about the delegation.
        var anonymous = await Clients.Anonymous(app).GetAsync(url);
        Assert.StartsWith("/Identity/Account/Login", anonymous.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        var stranger = await Clients.SignedInAsync(app, Roles.Delegate);
        var refused = await HtmlForms.GetPageAsync(stranger, url);
        Assert.NotNull(refused.QuerySelector("[data-testid=join-refused]"));
        Assert.DoesNotContain("Delegation ", refused.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var token = refused.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await stranger.PostAsync(url + "&handler=Accept", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Null((await RecordAsync(team.MemberId)).UserId);

        var ownerClient = await Clients.SignInAsync(app, owner, ForumAppFactory.Password);
        var invitation = await HtmlForms.GetPageAsync(ownerClient, url);
        var details = invitation.QuerySelector("[data-testid=join-details]")!.TextContent;
        Assert.Contains("Delegation ", details, StringComparison.Ordinal);
        Assert.Contains("EL ALAOUI Karim", details, StringComparison.Ordinal);
        Assert.Contains("BENNANI Salma", details, StringComparison.Ordinal);
        var accepted = await HtmlForms.SubmitAsync(ownerClient, invitation, url, new Dictionary<string, string>(), "[data-testid=join-accept-form]");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/me", accepted.Headers.Location!.OriginalString);
        var ownerId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == owner).Select(u => u.Id).SingleAsync());
        Assert.Equal(ownerId, (await RecordAsync(team.MemberId)).UserId);
        var me = await HtmlForms.GetPageAsync(ownerClient, "/me");
        Assert.Contains("BENNANI Salma", me.QuerySelector("[data-testid=my-registration]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Signs in", await SignInCellAsync(team));
        Assert.NotNull((await HtmlForms.GetPageAsync(ownerClient, url)).QuerySelector("[data-testid=join-refused]"));
    }

    [Fact]
    public async Task Should_leave_an_existing_account_as_it_was_when_its_owner_declines()
    {
        var team = await TeamAsync();
        var owner = await app.CreateUserAsync(Roles.Delegate, $"owner-{Guid.NewGuid():N}@rabat.example.org");
        await MoveMemberAsync(team, owner);
        await SendSignInAsync(team);
        var url = await JoinLinkAsync(owner);
        var ownerClient = await Clients.SignInAsync(app, owner, ForumAppFactory.Password);

        var declined = await HtmlForms.SubmitAsync(ownerClient, url, new Dictionary<string, string>(), "[data-testid=join-decline-form]");

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Null((await RecordAsync(team.MemberId)).UserId);
        Assert.Equal(new[] { Roles.Delegate }, await RolesOfAsync(owner));
        var again = await HtmlForms.GetPageAsync(ownerClient, url);
        Assert.NotNull(again.QuerySelector("[data-testid=join-refused]"));
        Assert.Null(again.QuerySelector("[data-testid=join-accept]"));
    }

    /// <summary>The head changes the member's address, through the member's form.</summary>
    private async Task MoveMemberAsync(Team team, string email)
    {
        var moved = await MemberForm.SubmitAsync(team.Head, team.MemberId, new Dictionary<string, string> { [MemberForm.Email] = email });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
    }

    /// <summary>Sends the member a sign-in and returns what the head is told.</summary>
    private async Task<string> SendSignInAsync(Team team)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PostSignInAsync(team.Head, team.MemberId)).StatusCode);
        return (await HtmlForms.GetPageAsync(team.Head, "/me/delegation")).QuerySelector(".status")!.TextContent.Trim();
    }

    /// <summary>What a head is told for a member whose address has no account, with the address as {0}.</summary>
    private async Task<string> NewAddressStatusAsync()
    {
        var team = await TeamAsync();
        return (await SendSignInAsync(team)).Replace(team.MemberEmail, "{0}", StringComparison.Ordinal);
    }

    private async Task<string> SignInCellAsync(Team team)
    {
        var list = await HtmlForms.GetPageAsync(team.Head, "/me/delegation");
        var row = list.QuerySelectorAll("[data-testid=members] tbody tr").Single(r => r.QuerySelector($"a[href='/me/delegation/member/{team.MemberId}']") is not null
            || r.TextContent.Contains("BENNANI", StringComparison.Ordinal));
        return row.QuerySelector("[data-testid=member-sign-in] span")?.TextContent.Trim() ?? string.Empty;
    }

    private async Task<string> JoinLinkAsync(string owner)
    {
        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == owner && m.Purpose == "account.member-invitation"));
        var message = await app.ReadMailAsync(row);
        Assert.Contains("EL ALAOUI", message.TextBody, StringComparison.OrdinalIgnoreCase);
        var link = (message.TextBody ?? string.Empty).Split('\n').Select(l => l.Trim())
            .Single(l => l.StartsWith("http://forum.test/Identity/Account/JoinDelegation?token=", StringComparison.Ordinal));
        return link["http://forum.test".Length..];
    }

    private Task<List<string>> RolesOfAsync(string email) => app.WithDbAsync(db =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where u.Email == email
         select r.Name!).ToListAsync());
}

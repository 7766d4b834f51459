using System.Globalization;
using System.Net;
using System.Reflection;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Testing;
using ForumManager.Web.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Identity;

/// <summary>An app of its own: accounts are made on every path, with addresses that hold more than letters and digits.</summary>
public sealed class AccountAddressAppFixture : ForumAppFactory;

/// <summary>
/// Accounts are named by their email address, so every address the forms accept makes an account, on every path that
/// makes one, and is found again whatever its capitals.
/// </summary>
public sealed class AccountAddressTests(AccountAddressAppFixture app) : IClassFixture<AccountAddressAppFixture>
{
    /// <summary>An apostrophe, an accent, a percent sign and an exclamation mark: each valid in an address, none a letter or digit.</summary>
    private static string[] Addresses()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        return [$"o'brien.{tag}@x.test", $"josé.{tag}@x.test", $"user%{tag}@x.test", $"a!b.{tag}@x.test"];
    }

    private async Task<ForumUser?> AccountAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>().FindByEmailAsync(email);
    }

    private async Task<string> LinkAsync(string email, string purpose)
    {
        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email && m.Purpose == purpose).OrderBy(m => m.Id).LastAsync());
        var message = await app.ReadMailAsync(row);
        return (message.TextBody ?? string.Empty).Split('\n').Select(l => l.Trim())
            .First(l => l.StartsWith("http://forum.test/", StringComparison.Ordinal))["http://forum.test".Length..];
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Should_register_with_an_address_that_holds_more_than_letters_and_digits(string language)
    {
        foreach (var email in Addresses())
        {
            var response = await RegistrationForm.SubmitAsync(Clients.Anonymous(app, language), email);

            var errors = response.StatusCode == HttpStatusCode.OK
                ? string.Join(" | ", (await HtmlForms.ParseAsync(response)).QuerySelectorAll(".field-error, .validation-summary").Select(e => e.TextContent.Trim()))
                : string.Empty;
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{email} ({language}): {errors}");
            Assert.Equal("/register/done", response.Headers.Location!.OriginalString);
            var account = await AccountAsync(email);
            Assert.Equal((email, email), (account?.UserName, account?.Email));
            Assert.Equal(account!.Id, await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == email).Select(d => d.UserId).SingleAsync()));
        }
    }

    [Fact]
    public async Task Should_keep_an_address_in_small_letters_and_find_its_account_whatever_its_capitals()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var typed = $"O'Brien.{tag}@X.Test";
        var email = typed.ToLowerInvariant();

        var response = await RegistrationForm.SubmitAsync(Clients.Anonymous(app), typed);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(email, await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == email).Select(d => d.Email).SingleAsync()));
        var account = await AccountAsync(typed.ToUpperInvariant());
        Assert.Equal((email, email, email.ToUpperInvariant()), (account?.UserName, account?.Email, account?.NormalizedEmail));
        Assert.Equal(HttpStatusCode.OK, (await Clients.Anonymous(app).GetAsync(await LinkAsync(email, "account.confirm-email"))).StatusCode);
        var signedIn = await Clients.SignInAsync(app, typed.ToUpperInvariant(), ForumAppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/me")).StatusCode);

        // The same address with other capitals is the same address: nothing new is stored and its owner is told.
        var again = await RegistrationForm.SubmitAsync(Clients.Anonymous(app), $"o'BRIEN.{tag}@x.TEST");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Delegates.CountAsync(d => d.Email == email)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant())));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email && m.Purpose == "account.exists")));
    }

    [Fact]
    public async Task Should_add_a_user_with_such_an_address_by_the_verb_and_give_the_same_account_a_role_whatever_its_capitals()
    {
        foreach (var email in Addresses())
        {
            var first = await ForumCommandLine.RunAsync(app.Services, "add-user", ["add-user", "--email", email, "--role", "Organizer"],
                new StringReader(ForumAppFactory.Password + "\n"), TextWriter.Null, TextWriter.Null);
            var second = await ForumCommandLine.RunAsync(app.Services, "add-user", ["add-user", "--email", email.ToUpperInvariant(), "--role", "Staff"],
                new StringReader(ForumAppFactory.Password + "\n"), TextWriter.Null, TextWriter.Null);

            Assert.Equal((0, 0), (first, second));
            var account = await AccountAsync(email);
            Assert.Equal(email, account?.UserName);
            await using var scope = app.Services.CreateAsyncScope();
            Assert.Equal([Roles.Organizer, Roles.Staff], (await scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>().GetRolesAsync(account!)).Order());
            var client = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        }
    }

    [Fact]
    public async Task Should_give_a_delegation_member_with_such_an_address_their_own_sign_in()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var headEmail = await app.CreateUserAsync(Roles.Delegate, $"head-{tag}@rabat.example.org");
        await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var delegation = new Delegation { ForumId = forumId, NameEn = $"Delegation {tag}", NameZh = $"代表团 {tag}", CountryCode = "MA", Quota = 5 };
            db.Delegations.Add(delegation);
            await db.SaveChangesAsync();
            db.Delegates.Add(new Delegate
            {
                ForumId = forumId, DelegationId = delegation.Id, UserId = await db.Users.Where(u => u.Email == headEmail).Select(u => u.Id).SingleAsync(),
                FamilyName = "El Alaoui", GivenName = "Karim", CountryCode = "MA", Email = headEmail, Category = DelegateCategory.HeadOfDelegation,
                Status = RegistrationStatus.Approved, PrecedenceRank = 100, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var head = await Clients.SignInAsync(app, headEmail, ForumAppFactory.Password);

        foreach (var email in Addresses())
        {
            var added = await MemberForm.AddAsync(head, MemberForm.Valid(email));
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            var memberId = await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == email).Select(d => d.Id).SingleAsync());
            var page = await HtmlForms.GetPageAsync(head, "/me/delegation");
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

            var sent = await head.PostAsync($"/me/delegation?handler=SignIn&memberId={memberId}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            var account = await AccountAsync(email);
            Assert.Equal(email, account?.UserName);
            Assert.Equal(account!.Id, await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == memberId).Select(d => d.UserId).SingleAsync()));
            var choose = await HtmlForms.SubmitAsync(Clients.Anonymous(app), await LinkAsync(email, "account.member-sign-in"), new Dictionary<string, string>
            {
                ["Input.Password"] = "Salma's own pass 2010!",
                ["Input.ConfirmPassword"] = "Salma's own pass 2010!",
            });
            Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
            await Clients.SignInAsync(app, email, "Salma's own pass 2010!");
        }
    }

    [Fact]
    public async Task Should_let_a_head_invited_at_such_an_address_register_through_the_invitation()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        foreach (var email in Addresses())
        {
            var invited = await HtmlForms.SubmitAsync(organizer, "/admin/delegations", new Dictionary<string, string>
            {
                ["Invite.Institution"] = $"Institute {Guid.NewGuid():N}"[..30],
                ["Invite.CountryCode"] = "IE",
                ["Invite.Email"] = email,
                ["Invite.Quota"] = "3",
            }, formSelector: "[data-testid=invite-form]");
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
            var url = await LinkAsync(email, "registration.invitation");
            var client = Clients.Anonymous(app);
            var form = await HtmlForms.GetPageAsync(client, url);

            var registered = await RegistrationForm.SubmitAsync(client, form, email, url: url);

            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            var registration = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Email == email));
            Assert.Equal(DelegateCategory.HeadOfDelegation, registration.Category);
            Assert.Equal(registration.UserId, (await AccountAsync(email))?.Id);
        }
    }

    [Fact]
    public async Task Should_import_delegates_with_such_addresses_as_good_rows_in_small_letters()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var addresses = Addresses();
        var csv = ImportCraftedFiles.Csv("family_name,given_name,country,email", addresses.Select(a => $"Murphy,Seán,IE,{a.ToUpperInvariant()}"));
        var form = await HtmlForms.GetPageAsync(organizer, "/admin/import");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)form.QuerySelector("[data-testid=import-form] input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
            { new StringContent("Delegates"), "Kind" },
            { new ByteArrayContent(csv), "Upload", "delegates.csv" },
        };

        var preview = await HtmlForms.ParseAsync(await organizer.PostAsync("/admin/import?handler=Upload", body));

        Assert.Empty(preview.QuerySelectorAll("[data-testid=bad-rows] tr[data-row]"));
        var confirm = (IHtmlFormElement)preview.QuerySelector("[data-testid=confirm-import]")!;
        var token = ((IHtmlInputElement)confirm.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostAsync(confirm.GetAttribute("action"), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))).StatusCode);
        Assert.Equal(addresses.Order(), (await app.WithDbAsync(db => db.Delegates.Where(d => addresses.Contains(d.Email)).Select(d => d.Email).ToListAsync())).Order());
    }

    [Fact]
    public async Task Should_give_every_one_of_Identitys_errors_in_the_readers_language()
    {
        var methods = typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsVirtual && m.ReturnType == typeof(IdentityError)).ToList();
        Assert.True(methods.Count >= 22, $"{methods.Count} messages");
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "en", "zh-Hans" })
            {
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                await using var scope = app.Services.CreateAsyncScope();
                var describer = scope.ServiceProvider.GetRequiredService<IdentityErrorDescriber>();
                foreach (var method in methods)
                {
                    var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)10 : "o'brien@x.test").ToArray();
                    var error = (IdentityError)method.Invoke(describer, arguments)!;
                    var identitys = (IdentityError)method.Invoke(new IdentityErrorDescriber(), arguments)!;

                    // A message with no text of ours would come back as its key in both languages, or as Identity's English.
                    Assert.Equal(method.Name, error.Code);
                    Assert.DoesNotContain("Identity_", error.Description, StringComparison.Ordinal);
                    Assert.True(culture == "en" ^ error.Description.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{method.Name} in {culture}: {error.Description}");
                    if (culture != "en")
                    {
                        Assert.NotEqual(identitys.Description, error.Description);
                    }
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}

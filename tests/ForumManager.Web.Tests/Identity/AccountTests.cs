using System.Globalization;
using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Mail;
using ForumManager.Data;
using ForumManager.Testing;
using ForumManager.Web.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit.Abstractions;

namespace ForumManager.Web.Tests.Identity;

[Collection(nameof(AppCollection))]
public sealed class AccountTests(AppFixture app)
{
    [Fact]
    public async Task Should_let_an_organizer_made_by_add_user_sign_in_and_open_admin()
    {
        var email = $"organizer-{Guid.NewGuid():N}@forum.test";
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await ForumCommandLine.RunAsync(app.Services, "add-user", ["add-user", "--email", email, "--role", "organizer"],
            new StringReader(ForumAppFactory.Password + "\n"), output, error);

        Assert.Equal(0, exit);
        Assert.Contains("Created", output.ToString(), StringComparison.Ordinal);
        var client = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
        var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var page = await HtmlForms.ParseAsync(admin);
        Assert.NotNull(page.QuerySelector("[data-testid=admin-heading]"));
    }

    [Theory]
    [InlineData("--role", "Superuser", "Unknown role")]
    [InlineData("--role", "Staff", "at least 10")]
    public async Task Should_refuse_add_user_with_a_clear_message(string option, string value, string message)
    {
        var error = new StringWriter();
        var password = value == "Staff" ? "short" : ForumAppFactory.Password;

        var exit = await ForumCommandLine.RunAsync(app.Services, "add-user", ["add-user", "--email", $"x-{Guid.NewGuid():N}@forum.test", option, value],
            new StringReader(password), TextWriter.Null, error);

        Assert.Equal(1, exit);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Delegate, "/me")]
    [InlineData(Roles.Staff, "/checkin")]
    [InlineData(Roles.Organizer, "/admin")]
    [InlineData(Roles.Admin, "/admin")]
    public async Task Should_land_each_role_where_it_works_after_signing_in(string role, string landing)
    {
        var email = await app.CreateUserAsync(role);

        var response = await SignInForm.SubmitAsync(Clients.Anonymous(app), email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(landing, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Should_land_on_the_page_a_person_was_sent_from_rather_than_the_role_s_page()
    {
        var email = await app.CreateUserAsync(Roles.Organizer);

        var response = await SignInForm.SubmitAsync(Clients.Anonymous(app), email, returnUrl: "/admin/notices");

        Assert.Equal("/admin/notices", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Should_send_anonymous_visitors_of_admin_to_sign_in()
    {
        var response = await Clients.Anonymous(app).GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login?ReturnUrl=%2Fadmin", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_403_with_a_friendly_page_when_a_delegate_opens_admin()
    {
        var client = await Clients.SignedInAsync(app, Roles.Delegate);

        var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Access denied", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Should_not_sign_in_an_account_whose_email_is_not_confirmed()
    {
        var email = $"unconfirmed-{Guid.NewGuid():N}@forum.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
            Assert.True((await users.CreateAsync(new ForumUser { UserName = email, Email = email }, ForumAppFactory.Password)).Succeeded);
        }

        var client = Clients.Anonymous(app);
        var guessed = await SignInForm.SubmitAsync(client, email, "a wrong guess here");
        var rightPassword = await SignInForm.SubmitAsync(client, email);

        var guessedPage = await HtmlForms.ParseAsync(guessed);
        Assert.Contains("email or password is not right", guessedPage.Summary(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        var page = await HtmlForms.ParseAsync(rightPassword);
        Assert.Contains("confirm your email", page.Summary(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Identity/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task Should_show_missing_fields_next_to_the_field_in_Chinese()
    {
        var response = await SignInForm.SubmitAsync(Clients.Anonymous(app, "zh-CN"), "not-an-address", "");

        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("请输入有效的邮箱地址。", page.FieldError(SignInForm.Email));
        Assert.Equal("请填写密码。", page.FieldError(SignInForm.Password));
    }

    [Fact]
    public async Task Should_lock_an_account_after_five_wrong_passwords()
    {
        var email = await app.CreateUserAsync(Roles.Staff);
        var client = Clients.Anonymous(app);
        HttpResponseMessage response = null!;
        for (var i = 0; i < 5; i++)
        {
            response = await SignInForm.SubmitAsync(client, email, "wrong password " + i);
        }

        Assert.Equal("/identity/account/lockout", response.Headers.Location!.OriginalString);
        var withRightPassword = await SignInForm.SubmitAsync(client, email);
        Assert.Equal("/identity/account/lockout", withRightPassword.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Should_reset_a_forgotten_password_through_the_link_mailed_via_the_outbox()
    {
        var email = await app.CreateUserAsync(Roles.Organizer);
        var client = Clients.Anonymous(app);

        var asked = await HtmlForms.SubmitAsync(client, "/Identity/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal("/identity/account/forgotpasswordconfirmation", asked.Headers.Location!.OriginalString);

        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email));
        Assert.Equal("account.reset-password", row.Purpose);
        var message = await app.ReadMailAsync(row);
        var link = (message.TextBody ?? string.Empty).Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http://forum.test/Identity/Account/ResetPassword?", StringComparison.Ordinal));
        Assert.Contains(link.Replace("&", "&amp;", StringComparison.Ordinal), message.HtmlBody, StringComparison.Ordinal);

        var resetUrl = link["http://forum.test".Length..];
        const string newPassword = "a brand new passphrase";
        var reset = await HtmlForms.SubmitAsync(client, resetUrl, new Dictionary<string, string>
        {
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal("/identity/account/resetpasswordconfirmation", reset.Headers.Location!.OriginalString);

        var signedIn = await Clients.SignInAsync(app, email, newPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Should_not_tell_whether_an_address_has_an_account()
    {
        var response = await HtmlForms.SubmitAsync(Clients.Anonymous(app), "/Identity/Account/ForgotPassword",
            new Dictionary<string, string> { ["Email"] = $"nobody-{Guid.NewGuid():N}@forum.test" });

        Assert.Equal("/identity/account/forgotpasswordconfirmation", response.Headers.Location!.OriginalString);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress.StartsWith("nobody-"))));
    }

    [Fact]
    public async Task Should_deliver_account_mail_to_the_pickup_folder()
    {
        var email = await app.CreateUserAsync(Roles.Staff);
        await HtmlForms.SubmitAsync(Clients.Anonymous(app), "/Identity/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = email });

        var row = await Eventually.ReadAsync(
            () => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.ToAddress == email)),
            m => m?.Status == OutboxStatus.Sent);

        Assert.Equal(OutboxStatus.Sent, row?.Status);
        var files = Directory.GetFiles(app.MailFolder, "*.eml");
        var messages = await Task.WhenAll(files.Select(async f => await MimeMessage.LoadAsync(f)));
        Assert.Contains(messages, m => m.To.Mailboxes.Any(a => a.Address == email));
    }

    [Fact]
    public async Task Should_refuse_a_saved_sign_in_cookie_replayed_after_signing_out()
    {
        var email = await app.CreateUserAsync(Roles.Delegate);
        var browser = Clients.Anonymous(app);
        var signedIn = await SignInForm.SubmitAsync(browser, email);
        var saved = SignInCookie(signedIn);
        Assert.Equal(HttpStatusCode.OK, (await Replay(saved).GetAsync("/me")).StatusCode);

        var signedOut = await HtmlForms.SubmitAsync(browser, "/Identity/Account/Logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var replayed = await Replay(saved).GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", replayed.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_end_the_other_sessions_at_once_when_the_password_changes()
    {
        var email = await app.CreateUserAsync(Roles.Delegate);
        var laptop = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
        var phone = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/me")).StatusCode);

        const string newPassword = "another long passphrase";
        var changed = await HtmlForms.SubmitAsync(laptop, "/Identity/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = ForumAppFactory.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // Within the minute in which the security stamp is not looked at again.
        var onPhone = await phone.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, onPhone.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", onPhone.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task Should_show_the_lockout_page_after_five_tries_with_an_address_that_has_no_account()
    {
        var nobody = $"nobody-{Guid.NewGuid():N}@forum.test";
        var client = Clients.Anonymous(app);
        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var response = await SignInForm.SubmitAsync(client, nobody, "wrong password " + i);
            answers.Add(response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        Assert.Equal(new[] { "200", "200", "200", "200", "/identity/account/lockout", "/identity/account/lockout" }, answers);
    }

    [Fact]
    public async Task Should_lock_an_unconfirmed_account_after_five_wrong_passwords_like_any_other()
    {
        var email = $"unconfirmed-{Guid.NewGuid():N}@forum.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
            Assert.True((await users.CreateAsync(new ForumUser { UserName = email, Email = email }, ForumAppFactory.Password)).Succeeded);
        }

        var client = Clients.Anonymous(app);
        HttpResponseMessage response = null!;
        for (var i = 0; i < 5; i++)
        {
            response = await SignInForm.SubmitAsync(client, email, "wrong password " + i);
        }

        Assert.Equal("/identity/account/lockout", response.Headers.Location?.OriginalString);
    }

    private static string SignInCookie(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("ForumManager.Auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));

    /// <summary>A client that sends only the saved cookie, as someone who copied it would.</summary>
    private HttpClient Replay(string cookie)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}

/// <summary>
/// How long a failed sign-in takes must not tell whether the address has an account. An app of its own, so that no
/// other test of the collection runs alongside; tries alternate, so that load from other test classes falls on both.
/// </summary>
public sealed class SignInTimingTests(SignInTimingTests.App app, ITestOutputHelper output) : IClassFixture<SignInTimingTests.App>
{
    public sealed class App : ForumAppFactory;

    [Fact]
    public async Task Should_take_as_long_to_refuse_an_address_without_an_account_as_a_wrong_password()
    {
        var email = await app.CreateUserAsync(Roles.Delegate);
        var client = Clients.Anonymous(app);
        var page = await HtmlForms.GetPageAsync(client, SignInForm.Url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var known = new List<double>();
        var unknown = new List<double>();

        for (var round = 0; round < 28; round++)
        {
            // The account must not lock (a locked account is refused without checking the password), nor the unknown address.
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == email)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)));
            var tries = new (string Email, List<double> Times)[] { (email, known), ($"nobody-{Guid.NewGuid():N}@forum.test", unknown) };
            foreach (var (address, times) in round % 2 == 0 ? tries : tries.AsEnumerable().Reverse())
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var response = await client.PostAsync(SignInForm.Url, new FormUrlEncodedContent(
                    [new("__RequestVerificationToken", token), new(SignInForm.Email, address), new(SignInForm.Password, "not the password at all")]));
                clock.Stop();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("email or password is not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

                // The first rounds warm up the pages, the database and the hasher.
                if (round >= 4)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        var (a, b) = (Median(known), Median(unknown));
        output.WriteLine($"{known.Count} tries each: median of a wrong password {a:F1} ms, of an unknown address {b:F1} ms, ratio {Math.Max(a, b) / Math.Min(a, b):F2}");
        Assert.True(Math.Max(a, b) / Math.Min(a, b) <= 1.5, $"median of a wrong password {a:F1} ms, of an unknown address {b:F1} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}

using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Features.Privacy;
using ForumManager.Testing;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ForumManager.Web.Tests.Registration;

[Collection(nameof(AppCollection))]
public sealed class RegistrationTests(AppFixture app)
{
    private static string NewEmail() => $"delegate-{Guid.NewGuid():N}@city.example.org";

    [Fact]
    public async Task Should_register_with_a_Chinese_name_and_get_the_notice_and_a_confirmation_link()
    {
        var email = NewEmail();
        var placesBefore = await app.WithDbAsync(db => db.Forums.Select(f => f.PlacesTaken).SingleAsync());

        var response = await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/register/done", response.Headers.Location!.OriginalString);
        var registration = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Email == email));
        Assert.Equal(("ZHANG Wei", "张伟", RegistrationStatus.Submitted, "+8673188888888"),
            (registration.LatinName, registration.NativeName, registration.Status, registration.Phone));
        Assert.NotNull(registration.ConsentUtc);
        Assert.Equal(placesBefore + 1, await app.WithDbAsync(db => db.Forums.Select(f => f.PlacesTaken).SingleAsync()));

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        var account = await users.FindByEmailAsync(email);
        Assert.NotNull(account);
        Assert.Equal(account.Id, registration.UserId);
        Assert.False(account.EmailConfirmed);
        Assert.True(await users.IsInRoleAsync(account, Roles.Delegate));

        var mail = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email).ToListAsync());
        var notice = Assert.Single(mail, m => m.Purpose == "registration.received");
        Assert.StartsWith("报名已收到：", notice.Subject, StringComparison.Ordinal);
        var confirmation = await app.ReadMailAsync(Assert.Single(mail, m => m.Purpose == "account.confirm-email"));
        Assert.Equal("请确认您的邮箱", confirmation.Subject);
        var link = (confirmation.TextBody ?? string.Empty).Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http://forum.test/", StringComparison.Ordinal));

        var confirmed = await Clients.Anonymous(app).GetAsync(link["http://forum.test".Length..]);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var me = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
        var page = await HtmlForms.GetPageAsync(me, "/me");
        Assert.Equal("Submitted", page.QuerySelector("[data-testid=my-status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Should_keep_the_passport_number_and_birth_date_encrypted_at_rest()
    {
        var email = NewEmail();
        var response = await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email, v =>
        {
            v[DelegateFields.NeedsVisaLetter] = "true";
            v[DelegateFields.PassportNumber] = "e 1234 5678";
            v[DelegateFields.Nationality] = "CG";
            v[DelegateFields.DateOfBirth] = "1965-03-14";
            v[DelegateFields.PassportExpiry] = "2014-01-31";
            v[DelegateFields.PassportPlaceOfIssue] = "Brazzaville";
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var registration = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Email == email));
        Assert.DoesNotContain("12345678", registration.PassportNumberProtected, StringComparison.Ordinal);
        Assert.DoesNotContain("1965", registration.DateOfBirthProtected, StringComparison.Ordinal);
        var personal = app.Services.GetRequiredService<PersonalData>();
        Assert.Equal("E12345678", personal.Unprotect(registration.PassportNumberProtected));
        Assert.Equal("1965-03-14", personal.Unprotect(registration.DateOfBirthProtected));
        Assert.Equal("•••••5678", PersonalData.Mask("E12345678"));
    }

    [Theory]
    [InlineData(DelegateFields.FamilyName, "张", DelegateFields.FamilyName, "请按护照填写拉丁字母姓名。")]
    [InlineData(DelegateFields.NativeName, "<script>alert(1)</script>", DelegateFields.NativeName, "姓名只能包含文字、空格、连字符和撇号。")]
    [InlineData(DelegateFields.Email, "not an address", DelegateFields.Email, "请输入有效的邮箱地址。")]
    [InlineData(DelegateFields.Phone, "0731 8888 8888", DelegateFields.Phone, "请输入含国家代码的号码，例如 +86 731 8888 8888。")]
    [InlineData(DelegateFields.CountryCode, "XX", DelegateFields.CountryCode, "请从列表中选择。")]
    [InlineData(RegistrationForm.Consent, "false", RegistrationForm.Consent, "须经您同意方可报名。")]
    [InlineData(DelegateFields.NeedsVisaLetter, "true", DelegateFields.PassportNumber, "办理签证邀请函需要填写此项。")]
    [InlineData(RegistrationForm.Password, "short", RegistrationForm.ConfirmPassword, "两次输入的密码不一致。")]
    public async Task Should_show_what_is_wrong_next_to_the_field_in_Chinese_and_store_nothing(string field, string value, string errorField, string message)
    {
        var email = NewEmail();
        var client = Clients.Anonymous(app, "zh-CN");

        var response = await RegistrationForm.SubmitAsync(client, email, v => v[field] = value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal(message, page.FieldError(errorField));
        Assert.False(await app.WithDbAsync(db => db.Delegates.AnyAsync(d => d.Email == email)));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == email)));
    }

    [Theory]
    [InlineData("en", "Afghanistan")]
    [InlineData("zh-CN", "阿尔巴尼亚")]
    public async Task Should_show_the_form_again_with_the_chosen_country_and_nationality_among_every_country_in_the_readers_order(string language, string first)
    {
        var email = NewEmail();
        var client = Clients.Anonymous(app, language);

        var response = await HtmlForms.SubmitAsync(client, RegistrationForm.Url, RegistrationForm.Valid(email, v =>
        {
            v["Input.CountryCode"] = "MA";
            v["Input.Nationality"] = "KR";
            v["Input.Consent"] = "false";
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        foreach (var (list, chosen) in new[] { ("Input.CountryCode", "MA"), ("Input.Nationality", "KR") })
        {
            var options = page.QuerySelectorAll($"select[name='{list}'] option").ToList();
            Assert.Equal([string.Empty, .. Core.Registration.Countries.All.Select(c => c.Code).Order()], options.Select(o => o.GetAttribute("value")!).Order());
            Assert.Equal(first, options[1].TextContent);
            Assert.Equal([chosen], options.Where(o => o.HasAttribute("selected")).Select(o => o.GetAttribute("value")));
        }
    }

    [Fact]
    public async Task Should_answer_an_address_already_in_use_like_any_registration_and_tell_only_its_owner()
    {
        var organizer = await app.CreateUserAsync(Roles.Organizer);
        var registered = NewEmail();
        await RegistrationForm.SubmitAsync(Clients.Anonymous(app), registered);
        var addedByHead = NewEmail();
        await app.WithDbAsync(async db =>
        {
            db.Delegates.Add(new Core.Delegates.Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(), FamilyName = "Bennani", GivenName = "Salma", CountryCode = "MA", Email = addedByHead,
                Category = DelegateCategory.Delegate, PrecedenceRank = Core.Delegates.Precedence.DefaultRank(DelegateCategory.Delegate, null),
                Status = RegistrationStatus.Submitted, PreferredLanguage = "zh-Hans", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var fresh = await AnswerAsync(NewEmail());
        var delegatesBefore = await app.WithDbAsync(db => db.Delegates.CountAsync());

        foreach (var email in new[] { organizer, registered, addedByHead })
        {
            Assert.Equal(fresh, await AnswerAsync(email));
        }

        Assert.Equal(delegatesBefore, await app.WithDbAsync(db => db.Delegates.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.Delegates.AnyAsync(d => d.Email == organizer)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
            Assert.False(await users.IsInRoleAsync((await users.FindByEmailAsync(organizer))!, Roles.Delegate));
        }

        var toOrganizer = await MailAsync(organizer, "account.exists");
        Assert.Equal("About your registration for the forum", toOrganizer.Subject);
        Assert.Contains("already has an account", toOrganizer.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://forum.test/Identity/Account/Login", toOrganizer.TextBody, StringComparison.Ordinal);
        Assert.Equal("关于您的论坛报名", (await MailAsync(registered, "account.exists")).Subject);
        Assert.Contains("已经报名", (await MailAsync(addedByHead, "account.already-registered")).TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == registered && m.Purpose == "registration.received")));
    }

    [Fact]
    public async Task Should_register_a_signed_in_account_with_its_own_address_whatever_address_the_form_sends()
    {
        var email = await app.CreateUserAsync(Roles.Delegate, NewEmail());
        var client = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
        var other = NewEmail();

        var form = await HtmlForms.GetPageAsync(client, RegistrationForm.Url);
        var field = form.QuerySelector($"input[name='{DelegateFields.Email}']")!;
        Assert.Equal(email, field.GetAttribute("value"));
        Assert.True(field.HasAttribute("readonly"));
        var response = await RegistrationForm.SubmitAsync(client, form, other, v =>
        {
            v[RegistrationForm.Password] = string.Empty;
            v[RegistrationForm.ConfirmPassword] = string.Empty;
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        var registration = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.UserId == account.Id));
        Assert.Equal(email, registration.Email);
        Assert.False(await app.WithDbAsync(db => db.Delegates.AnyAsync(d => d.Email == other)));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == other)));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == other)));
    }

    [Fact]
    public async Task Should_tell_a_signed_in_account_nothing_about_whether_another_address_is_registered()
    {
        var registered = NewEmail();
        await RegistrationForm.SubmitAsync(Clients.Anonymous(app), registered);
        var owner = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Where(d => d.Email == registered).Select(d => d.UserId).SingleAsync());
        var answers = new List<(HttpStatusCode, string?, string)>();

        foreach (var probe in new[] { registered, NewEmail() })
        {
            var client = await Clients.SignInAsync(app, await app.CreateUserAsync(Roles.Delegate, NewEmail()), ForumAppFactory.Password);
            var response = await RegistrationForm.SubmitAsync(client, probe, v =>
            {
                v[RegistrationForm.Password] = string.Empty;
                v[RegistrationForm.ConfirmPassword] = string.Empty;
            });
            var page = await HtmlForms.ParseAsync(response);
            answers.Add((response.StatusCode, response.Headers.Location?.OriginalString, page.FieldError(DelegateFields.Email) ?? string.Empty));
        }

        Assert.Equal((HttpStatusCode.Redirect, "/register/done", string.Empty), answers[0]);
        Assert.Equal(answers[0], answers[1]);
        Assert.Equal([owner], await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == registered).Select(d => d.UserId).ToListAsync()));
    }

    /// <summary>What someone registering sees: the status, the page they land on and what it says.</summary>
    private async Task<(HttpStatusCode Status, string? Location, string Result)> AnswerAsync(string email)
    {
        var client = Clients.Anonymous(app);
        var response = await RegistrationForm.SubmitAsync(client, email);
        var location = response.Headers.Location?.OriginalString;
        var done = location is null ? null : await HtmlForms.GetPageAsync(client, location);
        // The page names the address the person just typed, and nothing else differs.
        return (response.StatusCode, location, done?.QuerySelector("main")!.TextContent.Trim().Replace(email, "{address}", StringComparison.Ordinal) ?? string.Empty);
    }

    private async Task<MimeMessage> MailAsync(string email, string purpose)
    {
        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email && m.Purpose == purpose));
        return await app.ReadMailAsync(row);
    }
}

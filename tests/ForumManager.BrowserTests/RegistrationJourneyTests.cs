using System.Text.RegularExpressions;
using ForumManager.Core.Accounts;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;

namespace ForumManager.BrowserTests;

public sealed partial class RegistrationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Should_take_a_delegation_from_invitation_to_approval()
    {
        var organizerEmail = await browser.App.CreateUserAsync(Roles.Organizer);
        var headEmail = $"zhang.wei-{Guid.NewGuid():N}@luxor.example.org";
        await browser.RunSessionAsync(nameof(Should_take_a_delegation_from_invitation_to_approval), async session =>
        {
            var organizer = await session.NewPageAsync("organizer");
            var head = await session.NewPageAsync("head");

            await SignInAsync(organizer, organizerEmail);
            await organizer.GotoAsync("/admin/delegations");
            await organizer.GetByLabel("Partner city", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Luxor (EG)" });
            await organizer.GetByLabel("Email of the head of delegation").FillAsync(headEmail);
            await organizer.GetByLabel("Places", new() { Exact = true }).FillAsync("4");
            await organizer.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
            await Assertions.Expect(organizer.GetByRole(AriaRole.Status)).ToContainTextAsync(headEmail);

            await head.GotoAsync(await LinkFromMailAsync(headEmail, "registration.invitation", "/register?invitation="));
            await Assertions.Expect(head.GetByTestId("invited-as")).ToContainTextAsync("Delegation of Luxor");
            await head.GetByLabel("Honorific").SelectOptionAsync("Dr");
            await head.GetByLabel("Family name (as in the passport)").FillAsync("Zhang");
            await head.GetByLabel("Given names (as in the passport)").FillAsync("Wei");
            await head.GetByLabel("Name in your own script").FillAsync("张伟");
            await head.GetByLabel("Phone, with country code").FillAsync("+20 3 480 0000");
            await head.GetByLabel("Country or region").SelectOptionAsync("EG");
            await head.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
            await head.GetByLabel("Repeat the new password").FillAsync(ForumAppFactory.Password);
            await head.GetByLabel("I agree that my data").CheckAsync();
            await head.GetByTestId("register-submit").ClickAsync();
            await Assertions.Expect(head.GetByTestId("registration-result")).ToContainTextAsync("received");

            await head.GotoAsync(await LinkFromMailAsync(headEmail, "account.confirm-email", "/Identity/Account/ConfirmEmail"));
            await Assertions.Expect(head.GetByTestId("email-confirmed")).ToBeVisibleAsync();
            await SignInAsync(head, headEmail);
            await head.GotoAsync("/me");
            await head.GetByTestId("my-delegation").ClickAsync();
            await AddMemberAsync(head, "Al-Sayed", "Mohamed", "محمد السيد");
            await AddMemberAsync(head, "Ivanov", "Sergei", "Сергей Иванов");
            await Assertions.Expect(head.GetByTestId("members")).ToContainTextAsync("ZHANG Wei");
            await Assertions.Expect(head.GetByTestId("members")).ToContainTextAsync("محمد السيد");
            await Assertions.Expect(head.GetByTestId("members")).ToContainTextAsync("Сергей Иванов");

            await organizer.GotoAsync("/admin/delegates?q=" + Uri.EscapeDataString("张伟"));
            await organizer.GetByLabel("Select ZHANG Wei").CheckAsync();
            await organizer.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync("Approved");
            await organizer.GetByTestId("decide").ClickAsync();
            await Assertions.Expect(organizer.GetByRole(AriaRole.Status).First).ToContainTextAsync("1 changed");

            await head.GotoAsync("/me");
            await Assertions.Expect(head.GetByTestId("my-status")).ToHaveTextAsync("Approved");
        });
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sign-in")).ToHaveCountAsync(0);
    }

    private static async Task AddMemberAsync(IPage page, string family, string given, string native)
    {
        var form = page.GetByTestId("add-member");
        await form.GetByLabel("Family name (as in the passport)").FillAsync(family);
        await form.GetByLabel("Given names (as in the passport)").FillAsync(given);
        await form.GetByLabel("Name in your own script").FillAsync(native);
        await form.GetByLabel("Email").FillAsync($"{given}.{family}-{Guid.NewGuid():N}@example.org".ToLowerInvariant());
        await page.GetByTestId("add-member-submit").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("is added");
    }

    private async Task<string> LinkFromMailAsync(string email, string purpose, string pathStart)
    {
        var row = await browser.App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).FirstAsync(m => m.ToAddress == email && m.Purpose == purpose));
        var message = await browser.App.ReadMailAsync(row);
        var link = LinkPattern().Matches(message.TextBody ?? string.Empty).Select(m => m.Value).First(l => l.Contains(pathStart, StringComparison.Ordinal));
        return link["http://forum.test".Length..];
    }

    [GeneratedRegex(@"http://forum\.test/\S+")]
    private static partial Regex LinkPattern();
}

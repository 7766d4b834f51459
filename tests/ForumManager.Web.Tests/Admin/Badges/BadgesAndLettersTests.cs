using System.Net;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Features.Privacy;
using ForumManager.Testing;
using ForumManager.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Admin.Badges;

public sealed class BadgesAppFixture : ForumAppFactory;

/// <summary>Organizers' badge layouts, previews and batches; visa invitation letters for delegates and organizers.</summary>
public sealed class BadgesAndLettersTests(BadgesAppFixture app) : IClassFixture<BadgesAppFixture>
{
    /// <summary>A delegate with an account and passport data, signed in.</summary>
    private async Task<(HttpClient Client, Delegate Record)> DelegateAsync(RegistrationStatus status, string passport = "P1234567")
    {
        var email = await app.CreateUserAsync(Roles.Delegate);
        var personal = app.Services.GetRequiredService<PersonalData>();
        var record = await app.WithDbAsync(async db =>
        {
            var d = new Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(), UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(),
                FamilyName = "Tanaka", GivenName = "Yuki", NativeName = "田中由紀", NativeNameLanguage = "ja", CountryCode = "JP", Nationality = "JP",
                Email = email, Category = DelegateCategory.Delegate, Status = status, NeedsVisaLetter = true, Gender = Gender.Female,
                PassportNumberProtected = personal.Protect(passport), DateOfBirthProtected = personal.Protect("1975-08-09"),
                PassportExpiry = new DateOnly(2016, 4, 30), Position = "Director", Organization = "Kumamoto City",
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(d);
            await db.SaveChangesAsync();
            return d;
        });
        return (await Clients.SignInAsync(app, email, ForumAppFactory.Password), record);
    }

    [Fact]
    public async Task Should_give_an_approved_delegate_their_own_bilingual_visa_letter_and_record_that_it_was_issued()
    {
        var (client, me) = await DelegateAsync(RegistrationStatus.Approved, "TK7654321");

        var page = await HtmlForms.GetPageAsync(client, "/me");
        var response = await client.GetAsync("/me/visa-letter.pdf");

        Assert.NotNull(page.QuerySelector("[data-testid=visa-letter]"));
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("[data-testid=my-qr]")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var file = await PdfReadBack.SaveAsync(await response.Content.ReadAsByteArrayAsync(), "mine.pdf");
        await PdfReadBack.AssertValidAsync(file);
        var text = string.Concat((await PdfReadBack.TextAsync(file)).Where(c => !char.IsWhiteSpace(c)));
        foreach (var expected in new[] { "TK7654321", "1975-08-09", "TANAKAYuki", "田中由紀", "中华人民共和国驻日本使（领）馆", "EmbassyorConsulate-GeneralofthePeople'sRepublicofChinainJapan", DelegateReference.Letter(me.Reference) })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // The letter's number is the delegate's reference with "VL" before its number, in the file's name as on the page.
        Assert.Matches(@"^HISCF2010-VL-\d{5}$", DelegateReference.Letter(me.Reference));
        Assert.Equal($"visa-letter-{DelegateReference.Letter(me.Reference)}.pdf", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == me.Id.ToString() && a.Action == "visa-letter-issued")));
    }

    [Fact]
    public async Task Should_not_issue_a_visa_letter_before_approval()
    {
        var (client, _) = await DelegateAsync(RegistrationStatus.Submitted);

        var response = await client.GetAsync("/me/visa-letter.pdf");
        var page = await HtmlForms.GetPageAsync(client, "/me");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/me", response.Headers.Location?.OriginalString);
        Assert.Null(page.QuerySelector("[data-testid=visa-letter]"));
        Assert.Null(page.QuerySelector("[data-testid=my-qr]"));
    }

    [Fact]
    public async Task Should_let_organizers_make_one_letter_or_a_batch_one_page_each()
    {
        var (_, first) = await DelegateAsync(RegistrationStatus.Approved, "AA1111111");
        var (_, second) = await DelegateAsync(RegistrationStatus.Approved, "BB2222222");
        var (_, pending) = await DelegateAsync(RegistrationStatus.Submitted, "CC3333333");
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        var one = await organizer.GetAsync($"/admin/visa-letters/{first.Id}.pdf");
        var refused = await organizer.GetAsync($"/admin/visa-letters/{pending.Id}.pdf");
        var batch = await HtmlForms.SubmitAsync(organizer, "/admin/visa-letters", new Dictionary<string, string>());

        Assert.Contains("AA1111111", await PdfReadBack.TextAsync(await PdfReadBack.SaveAsync(await one.Content.ReadAsByteArrayAsync(), "one.pdf")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var all = await PdfReadBack.TextAsync(await PdfReadBack.SaveAsync(await batch.Content.ReadAsByteArrayAsync(), "batch.pdf"));
        Assert.Contains("AA1111111", all, StringComparison.Ordinal);
        Assert.Contains("BB2222222", all, StringComparison.Ordinal);
        Assert.DoesNotContain("CC3333333", all, StringComparison.Ordinal);
        Assert.Contains(second.Id, await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "visa-letter-issued").Select(a => a.EntityId).ToListAsync())
            .ContinueWith(t => t.Result.Select(int.Parse).ToList()));
    }

    [Fact]
    public async Task Should_print_a_category_in_its_chosen_layout_and_preview_it()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var (_, press) = await DelegateAsync(RegistrationStatus.Approved);
        await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == press.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Category, DelegateCategory.Press)));

        var saved = await HtmlForms.SubmitAsync(organizer, "/admin/badges", new Dictionary<string, string> { ["Layouts[Press]"] = "CR80" }, "form[action*='handler=Layouts']");
        var preview = await organizer.GetAsync("/admin/badges/preview?category=Press&layout=CR80");
        var badge = await organizer.GetAsync($"/checkin/badges/{press.Id}.pdf");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, badge.StatusCode);
        var print = await app.WithDbAsync(db => db.BadgePrints.SingleAsync(p => p.DelegateId == press.Id));
        Assert.Equal(1, print.Layout);
        var text = await PdfReadBack.TextAsync(await PdfReadBack.SaveAsync(await badge.Content.ReadAsByteArrayAsync(), "press.pdf"));
        Assert.Contains("PRESS", text, StringComparison.Ordinal);
        Assert.Contains("媒体", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_make_a_large_batch_in_the_background_with_progress_and_then_leave_it_out_of_not_printed_yet()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var total = await app.WithDbAsync(db => db.Delegates.CountAsync(d => !db.BadgePrints.Any(p => p.DelegateId == d.Id)));
        Assert.True(total > 40, $"only {total} delegates");

        var response = await HtmlForms.SubmitAsync(organizer, "/admin/badges?Status=&NotPrinted=true", new Dictionary<string, string> { ["Layout"] = "A4" }, "form[action*='handler=Print']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var batchUrl = response.Headers.Location!.OriginalString;
        Assert.Contains("/admin/badges/batch/", batchUrl, StringComparison.OrdinalIgnoreCase);
        var page = await HtmlForms.GetPageAsync(organizer, batchUrl);
        Assert.NotNull(page.QuerySelector("[data-testid=batch-progress]"));
        var status = await Eventually.ReadAsync(
            async () => JsonDocument.Parse(await organizer.GetStringAsync(batchUrl + "?handler=Status")).RootElement,
            s => s.GetProperty("state").GetString() is "done" or "failed", TimeSpan.FromSeconds(20));

        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.Equal(total, status.GetProperty("done").GetInt32());
        var pdf = await organizer.GetAsync(batchUrl + "?handler=Download");
        var file = await PdfReadBack.SaveAsync(await pdf.Content.ReadAsByteArrayAsync(), "batch.pdf");
        await PdfReadBack.AssertValidAsync(file);
        var (_, info, _) = await PdfReadBack.RunAsync("/usr/bin/pdfinfo", file);
        Assert.Equal((total + 3) / 4, int.Parse(System.Text.RegularExpressions.Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var after = await HtmlForms.GetPageAsync(organizer, "/admin/badges?Status=&NotPrinted=true");
        Assert.Contains("0", after.QuerySelector("[data-testid=badge-matching]")!.TextContent, StringComparison.Ordinal);
    }
}

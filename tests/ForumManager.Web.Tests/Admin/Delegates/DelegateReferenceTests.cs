using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Admin.Delegates;

/// <summary>An app of its own: the import here changes delegates and adds an edition that other tests would see.</summary>
public sealed class ReferenceAppFixture : ForumAppFactory;

/// <summary>The delegate's readable reference: shown wherever the person is, first in every export, found by search, and the key an import updates by.</summary>
public sealed class DelegateReferenceTests(ReferenceAppFixture app) : IClassFixture<ReferenceAppFixture>
{
    private async Task<Delegate> DelegateAsync(string? userEmail = null, RegistrationStatus status = RegistrationStatus.Approved) =>
        await app.WithDbAsync(async db =>
        {
            var record = new Delegate
            {
                ForumId = await db.Forums.Where(f => f.Status == ForumStatus.Open).Select(f => f.Id).SingleAsync(),
                UserId = userEmail is null ? null : await db.Users.Where(u => u.Email == userEmail).Select(u => u.Id).SingleAsync(),
                FamilyName = "Okafor", GivenName = "Chiamaka " + Letters(), CountryCode = "NG",
                Email = userEmail ?? $"okafor-{Guid.NewGuid():N}@example.org", Position = "Deputy Mayor", Phone = "+2348012345678",
                Category = DelegateCategory.Delegate, Status = status, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record;
        });

    [Fact]
    public async Task Should_give_a_registration_made_on_the_form_the_forums_next_reference()
    {
        var email = $"form-{Guid.NewGuid():N}@example.org";
        var before = await app.WithDbAsync(db => db.Forums.Where(f => f.Status == ForumStatus.Open).Select(f => f.DelegateNumbersIssued).SingleAsync());

        await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email);

        var reference = await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == email).Select(d => d.Reference).SingleAsync());
        Assert.Matches(@"^HISCF2010-\d{5}$", reference);
        Assert.True(int.Parse(reference[^5..], System.Globalization.CultureInfo.InvariantCulture) > before, $"{reference} is not after {before}");
    }

    [Fact]
    public async Task Should_show_the_reference_on_me_the_delegates_page_the_desk_and_the_badge()
    {
        var email = await app.CreateUserAsync(Roles.Delegate);
        var me = await DelegateAsync(email);
        Assert.Matches(@"^HISCF2010-\d{5}$", me.Reference);

        var delegateClient = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
        var mine = await HtmlForms.GetPageAsync(delegateClient, "/me");
        Assert.Equal(me.Reference, mine.QuerySelector("[data-testid=my-reference]")?.TextContent.Trim());
        var held = await delegateClient.GetFromJsonAsync<JsonElement>("/me/data.json");
        Assert.Equal(me.Reference, held.GetProperty("registrations")[0].GetProperty("reference").GetString());

        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var details = await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{me.Id}");
        Assert.Equal(me.Reference, details.QuerySelector("[data-testid=delegate-reference]")?.TextContent.Trim());

        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var desk = await HtmlForms.GetPageAsync(staff, "/checkin?q=" + Uri.EscapeDataString(me.Email));
        Assert.Equal(me.Reference, desk.QuerySelector("[data-testid=checkin-row] [data-testid=desk-reference]")?.TextContent.Trim());
        var scan = await staff.PostAsJsonAsync("/checkin/api/scans", new { token = me.CheckInToken, checkpoint = Checkpoints.Main, scanId = Guid.NewGuid().ToString() });
        var answer = await scan.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(me.Reference, answer.GetProperty("delegate").GetProperty("reference").GetString());

        var badge = await PdfReadBack.SaveAsync(await staff.GetByteArrayAsync($"/checkin/badges/{me.Id}.pdf?layout=CR80"), "badge.pdf");
        Assert.Contains(me.Reference, PdfReadBack.Flat(await PdfReadBack.TextAsync(badge)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exact")]
    [InlineData("lower")]
    [InlineData("number")]
    public async Task Should_find_a_delegate_by_reference_at_the_desk_and_in_the_delegate_list(string form)
    {
        var person = await DelegateAsync();
        var query = form switch
        {
            "exact" => person.Reference,
            "lower" => " " + person.Reference.ToLowerInvariant() + " ",
            _ => person.Reference[^5..].TrimStart('0'),
        };

        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var desk = await HtmlForms.GetPageAsync(staff, "/checkin?q=" + Uri.EscapeDataString(query));
        Assert.Equal([person.LatinName], desk.QuerySelectorAll("[data-testid=checkin-row] th").Select(c => c.TextContent.Trim()));

        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var list = await HtmlForms.GetPageAsync(organizer, "/admin/delegates?q=" + Uri.EscapeDataString(query));
        Assert.Contains(person.GivenName, list.QuerySelector("main table tbody")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Single(list.QuerySelectorAll("main table tbody tr"));
    }

    [Fact]
    public async Task Should_begin_every_delegate_export_with_the_reference_whatever_columns_are_chosen()
    {
        var person = await DelegateAsync();
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        var csv = Encoding.UTF8.GetString(await organizer.GetByteArrayAsync("/admin/delegates/export.csv?columns=given&columns=family")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Reference,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines[0].Split(',').Length);
        Assert.Contains($"{person.Reference},{person.GivenName},{person.FamilyName}", lines);
        var references = await app.WithDbAsync(db => db.Delegates.Where(d => d.ForumId == person.ForumId).Select(d => d.Reference).ToListAsync());
        Assert.Equal(references.Order(), lines.Skip(1).Select(l => l.Split(',')[0]).Order());

        await using var xlsx = new MemoryStream(await organizer.GetByteArrayAsync("/admin/delegates/export.xlsx"));
        var rows = xlsx.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Reference", rows[0]["A"]);
        Assert.Contains(rows, r => (string?)r["A"] == person.Reference);
    }

    private const string ImportUrl = "/admin/import";

    private static string Token(IHtmlDocument page, string formSelector) =>
        ((IHtmlInputElement)page.QuerySelector($"{formSelector} input[name=__RequestVerificationToken]")!).Value;

    private static async Task<IHtmlDocument> PreviewAsync(HttpClient client, string csv)
    {
        var form = await HtmlForms.GetPageAsync(client, ImportUrl);
        using var body = new MultipartFormDataContent
        {
            { new StringContent(Token(form, "[data-testid=import-form]")), "__RequestVerificationToken" },
            { new StringContent("Delegates"), "Kind" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        body.Add(file, "Upload", "update.csv");
        var response = await client.PostAsync(ImportUrl + "?handler=Upload", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlForms.ParseAsync(response);
    }

    [Fact]
    public async Task Should_update_the_delegate_a_rows_reference_names_with_the_cells_it_gives_and_refuse_references_it_does_not_know()
    {
        var person = await DelegateAsync();
        var other = await app.WithDbAsync(async db =>
        {
            var forum = new Forum
            {
                Acronym = "HISCF2008", NameEn = "2008 forum", NameZh = "2008论坛", PlaceEn = "Changsha", PlaceZh = "长沙", TimeZoneId = "Asia/Shanghai",
                StartDate = new DateOnly(2008, 6, 1), EndDate = new DateOnly(2008, 6, 3), Status = ForumStatus.Archived, CreatedUtc = DateTime.UtcNow,
            };
            db.Forums.Add(forum);
            await db.SaveChangesAsync();
            var earlier = new Delegate
            {
                ForumId = forum.Id, FamilyName = "Earlier", GivenName = "Edition", CountryCode = "FR", Email = $"earlier-{Guid.NewGuid():N}@example.org",
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(earlier);
            await db.SaveChangesAsync();
            return earlier.Reference;
        });
        var tag = Guid.NewGuid().ToString("N")[..8];
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var before = await app.WithDbAsync(db => db.Delegates.CountAsync());

        var preview = await PreviewAsync(organizer, "reference,family_name,given_name,position,organization,country,email\r\n"
            + $"{person.Reference.ToLowerInvariant()},,,Mayor,Enugu City Council,,\r\n"
            + "HISCF2010-99999,,,Mayor,,,\r\n"
            + $"{other},,,Mayor,,,\r\n"
            + $",Nkemelu,Ada,,,NG,ada.{tag}@example.org\r\n");

        Assert.Equal(["2", "5"], preview.QuerySelectorAll("[data-testid=good-rows] tbody tr").Select(r => r.GetAttribute("data-row")!));
        Assert.Equal([$"update {person.Reference}", "new delegate"], preview.QuerySelectorAll("[data-testid=import-action]").Select(c => c.TextContent.Trim()));
        Assert.Contains("no delegate of this forum has the reference “HISCF2010-99999”", Text(preview, 3), StringComparison.Ordinal);
        Assert.Contains("another edition", Text(preview, 4), StringComparison.Ordinal);

        var form = (IHtmlFormElement)preview.QuerySelector("[data-testid=confirm-import]")!;
        var confirmed = await organizer.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token(preview, "[data-testid=confirm-import]"))]));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var after = await app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Id == person.Id));
        Assert.Equal(("Mayor", "Enugu City Council"), (after.Position, after.Organization));
        Assert.Equal((person.FamilyName, person.GivenName, person.Email, person.Phone, person.CountryCode, person.Status, person.Reference),
            (after.FamilyName, after.GivenName, after.Email, after.Phone, after.CountryCode, after.Status, after.Reference));
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Delegates.CountAsync()));
        Assert.True(await app.WithDbAsync(db => db.Delegates.AnyAsync(d => d.Email == $"ada.{tag}@example.org")));
        Assert.Equal("2008 forum", await app.WithDbAsync(db => db.Forums.Where(f => f.Acronym == "HISCF2008").Select(f => f.NameEn).SingleAsync()));
        Assert.Equal("Earlier", await app.WithDbAsync(db => db.Delegates.Where(d => d.Reference == other).Select(d => d.FamilyName).SingleAsync()));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "import-updated" && a.EntityId == person.Id.ToString()));
        Assert.Contains("Deputy Mayor", audit.Before, StringComparison.Ordinal);
        Assert.Contains("Enugu City Council", audit.After, StringComparison.Ordinal);
    }

    private static string Text(IHtmlDocument page, int row) =>
        page.QuerySelector($"[data-testid=bad-rows] tr[data-row='{row}']")?.TextContent ?? string.Empty;

    /// <summary>A tag of six letters: a name with digits in it could match the search by a reference's number.</summary>
    private static string Letters() => new(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());
}

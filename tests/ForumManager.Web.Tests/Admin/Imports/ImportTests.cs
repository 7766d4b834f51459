using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Features.Imports;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MiniExcelLibs;

namespace ForumManager.Web.Tests.Admin.Imports;

/// <summary>An app of its own: imports add delegates and invitations that other tests would count.</summary>
public sealed class ImportAppFixture : ForumAppFactory;

public sealed class ImportTests(ImportAppFixture app) : IClassFixture<ImportAppFixture>
{
    private const string Url = "/admin/import";

    private static string Token(IHtmlDocument page, string formSelector) =>
        ((IHtmlInputElement)page.QuerySelector($"{formSelector} input[name=__RequestVerificationToken]")!).Value;

    /// <summary>Uploads a file through the page's form, as a browser would.</summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> UploadAsync(HttpClient client, string kind, string fileName, byte[] content)
    {
        var form = await HtmlForms.GetPageAsync(client, Url);
        using var body = new MultipartFormDataContent
        {
            { new StringContent(Token(form, "[data-testid=import-form]")), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        body.Add(file, "Upload", fileName);
        var response = await client.PostAsync(Url + "?handler=Upload", body);
        return (response, await HtmlForms.ParseAsync(response));
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, IHtmlDocument preview)
    {
        var form = (IHtmlFormElement)preview.QuerySelector("[data-testid=confirm-import]")!;
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token(preview, "[data-testid=confirm-import]"))]));
    }

    private static string Problems(IHtmlDocument page, int row) =>
        page.QuerySelector($"[data-testid=bad-rows] tr[data-row='{row}']")?.TextContent ?? string.Empty;

    [Fact]
    public async Task Should_show_each_bad_rows_reason_and_import_nothing_until_confirmed_then_only_good_rows_whole()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var taken = await app.WithDbAsync(db => db.Delegates.Select(d => d.Email).FirstAsync());
        var delegation = await app.WithDbAsync(db => db.Delegations.Select(d => d.NameZh).FirstAsync());
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder()
            .Append("Family Name,given_name,native_name,honorific,position,organization,delegation,country,email,phone,category,gender,preferred_language\r\n")
            .Append($"Wang,Fang,王芳,Ms,Deputy Director,Changsha Foreign Affairs Office,{delegation},CN,wang.{tag}@example.org,+86 731 8888 1234,Delegate,F,zh-Hans\r\n")
            .Append($"Ivanova,Olga,Ольга Иванова,Dr,,,,RU,olga.{tag}@example.org,,Speaker,,en\r\n")
            .Append($"Bad,Email,,,,,,FR,not-an-address,,,,\r\n")
            .Append($"Nowhere,Land,,,,,,XX,nowhere.{tag}@example.org,,,,\r\n")
            .Append($"\"Smith<script>alert(1)</script>\",John,,,,,,GB,smith.{tag}@example.org,,,,\r\n")
            .Append($"Wang,Fang Again,,,,,,CN,WANG.{tag}@example.org,,,,\r\n")
            .Append($"Taken,Already,,,,,,CN,{taken},,,,\r\n")
            .Append($"Rank,Unknown,,,,,,CN,rank.{tag}@example.org,,King,,\r\n")
            .Append($"\"Dupont, Jr.\",\"Marie \"\"Mimi\"\"\",,Mme,,,,FR,marie.{tag}@example.org,12,,,\r\n");
        var before = await app.WithDbAsync(db => db.Delegates.CountAsync());
        var outboxBefore = await app.WithDbAsync(db => db.OutboxMessages.CountAsync());

        var (response, preview) = await UploadAsync(organizer, "Delegates", "delegates.csv", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 rows can be imported, 7 have problems", preview.QuerySelector("[data-testid=import-counts]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["2", "3"], preview.QuerySelectorAll("[data-testid=good-rows] tbody tr").Select(r => r.GetAttribute("data-row")!));
        Assert.Contains("王芳", preview.QuerySelector("[data-testid=good-rows]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("email: Enter a valid email address.", Problems(preview, 4), StringComparison.Ordinal);
        Assert.Contains("country:", Problems(preview, 5), StringComparison.Ordinal);
        Assert.Contains("family_name:", Problems(preview, 6), StringComparison.Ordinal);
        Assert.Contains("earlier row", Problems(preview, 7), StringComparison.Ordinal);
        Assert.Contains("already registered", Problems(preview, 8), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("category: use one of", Problems(preview, 9), StringComparison.Ordinal);
        Assert.Contains("honorific:", Problems(preview, 10), StringComparison.Ordinal);
        Assert.Contains("phone:", Problems(preview, 10), StringComparison.Ordinal);

        // Nothing is imported by the preview.
        Assert.Equal(before, await app.WithDbAsync(db => db.Delegates.CountAsync()));
        Assert.Equal(outboxBefore, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));

        var confirmed = await ConfirmAsync(organizer, preview);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var imported = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Include(d => d.Delegation)
            .Where(d => d.Email.Contains(tag)).OrderBy(d => d.Email).ToListAsync());
        Assert.Equal([$"olga.{tag}@example.org", $"wang.{tag}@example.org"], imported.Select(d => d.Email));
        var wang = imported.Single(d => d.FamilyName == "Wang");
        Assert.Equal(("王芳", "Ms", "Deputy Director", delegation, "+867318888" + "1234", Gender.Female, "zh-Hans", RegistrationStatus.Approved),
            (wang.NativeName, wang.Honorific, wang.Position, wang.Delegation!.NameZh, wang.Phone, wang.Gender, wang.PreferredLanguage, wang.Status));
        Assert.Null(wang.UserId);
        var olga = imported.Single(d => d.FamilyName == "Ivanova");
        Assert.Equal(("Ольга Иванова", DelegateCategory.Speaker), (olga.NativeName, olga.Category));
        Assert.Equal(before + 2, await app.WithDbAsync(db => db.Delegates.CountAsync()));
        var notice = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == wang.Email));
        Assert.Equal("registration.approved", notice.Purpose);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "imported" && a.EntityId == wang.Id.ToString())));

        // The same confirmation again imports nothing more.
        var again = await ConfirmAsync(organizer, preview);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(before + 2, await app.WithDbAsync(db => db.Delegates.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.PendingImports.AnyAsync()));
    }

    [Fact]
    public async Task Should_import_invitations_from_an_Excel_workbook_after_the_preview_and_mail_each_head()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var city = await app.WithDbAsync(db => db.PartnerCities.OrderBy(c => c.Id).Select(c => new { c.NameEn, c.NameZh }).FirstAsync());
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(new[]
        {
            new Dictionary<string, object?> { ["partner_city"] = city.NameZh, ["institution"] = null, ["country"] = null, ["email"] = $"head.{tag}@city.example.org", ["quota"] = 6 },
            new Dictionary<string, object?> { ["partner_city"] = null, ["institution"] = "Université de Lyon", ["country"] = "FR", ["email"] = $"rector.{tag}@lyon.example.org", ["quota"] = 3 },
            new Dictionary<string, object?> { ["partner_city"] = "Atlantis", ["institution"] = null, ["country"] = null, ["email"] = $"x.{tag}@example.org", ["quota"] = 3 },
            new Dictionary<string, object?> { ["partner_city"] = null, ["institution"] = "Somewhere", ["country"] = "FR", ["email"] = $"y.{tag}@example.org", ["quota"] = 500 },
        }, sheetName: "Invitations");

        var (response, preview) = await UploadAsync(organizer, "Invitations", "invitations.xlsx", workbook.ToArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Atlantis", Problems(preview, 4), StringComparison.Ordinal);
        Assert.Contains("quota:", Problems(preview, 5), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email.Contains(tag))));

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(organizer, preview)).StatusCode);

        var invitations = await app.WithDbAsync(db => db.Invitations.AsNoTracking().Include(i => i.Delegation)
            .Where(i => i.Email.Contains(tag)).OrderBy(i => i.Email).ToListAsync());
        Assert.Equal([($"head.{tag}@city.example.org", $"Delegation of {city.NameEn}", (int?)6), ($"rector.{tag}@lyon.example.org", "Université de Lyon", (int?)3)],
            invitations.Select(i => (i.Email, i.Delegation!.NameEn, i.Delegation.Quota)));
        var mail = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == $"rector.{tag}@lyon.example.org"));
        var message = await app.ReadMailAsync(mail);
        Assert.Contains("http://forum.test/register?invitation=", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_row_inviting_an_address_already_invited_for_another_delegation_and_send_the_same_one_again()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"twice.{tag}@example.org";
        byte[] Csv(string institution, string country, int quota) => Encoding.UTF8.GetBytes($"institution,country,email,quota\r\n{institution},{country},{email},{quota}\r\n");
        var (_, first) = await UploadAsync(organizer, "Invitations", "first.csv", Csv($"Institut {tag}", "FR", 4));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(organizer, first)).StatusCode);

        var (_, other) = await UploadAsync(organizer, "Invitations", "other.csv", Csv($"Academy {tag}", "DE", 2));

        Assert.Contains($"{email} is already invited to head the Institut {tag}", Problems(other, 2), StringComparison.Ordinal);
        Assert.Null(other.QuerySelector("[data-testid=confirm-import]"));
        var discard = (IHtmlFormElement)other.QuerySelector("[data-testid=discard-import]")!;
        await organizer.PostAsync(discard.GetAttribute("action"), new FormUrlEncodedContent([new("__RequestVerificationToken", Token(other, "[data-testid=discard-import]"))]));

        var (_, same) = await UploadAsync(organizer, "Invitations", "same.csv", Csv($"Institut {tag}", "FR", 5));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(organizer, same)).StatusCode);

        var delegations = await app.WithDbAsync(db => db.Delegations.AsNoTracking().Where(d => d.NameEn.Contains(tag)).Select(d => new { d.NameEn, d.Quota }).ToListAsync());
        Assert.Equal([($"Institut {tag}", (int?)5)], delegations.Select(d => (d.NameEn, d.Quota)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.Email == email)));
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email)));
    }

    [Fact]
    public async Task Should_say_what_is_wrong_with_a_file_it_cannot_read_and_store_nothing()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var cases = new (string Name, string Kind, string FileName, byte[] Content, string Message)[]
        {
            ("garbage workbook", "Delegates", "list.xlsx", Encoding.ASCII.GetBytes("this is not a zip file at all"), "cannot be read"),
            ("wrong type", "Delegates", "list.pdf", Encoding.ASCII.GetBytes("%PDF-1.4"), ".csv or .xlsx"),
            ("missing column", "Delegates", "list.csv", Encoding.UTF8.GetBytes("family_name,given_name,email\r\nA,B,a@b.org\r\n"), "country"),
            ("empty", "Invitations", "list.csv", [], "empty"),
            ("not UTF-8", "Delegates", "list.csv", [.. Encoding.ASCII.GetBytes("family_name,given_name,country,email\r\nM"), 0xFC, .. Encoding.ASCII.GetBytes("ller,Hans,DE,h@example.org\r\n")], "UTF-8"),
            ("only a header", "Invitations", "list.csv", Encoding.UTF8.GetBytes("email,quota\r\n"), "no rows"),
        };

        foreach (var (name, kind, fileName, content, message) in cases)
        {
            var (response, page) = await UploadAsync(organizer, kind, fileName, content);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
            var error = page.QuerySelector("[data-testid=file-error]")?.TextContent ?? string.Empty;
            Assert.True(error.Contains(message, StringComparison.Ordinal), $"{name}: '{error}'");
            Assert.Null(page.QuerySelector("[data-testid=confirm-import]"));
        }

        Assert.False(await app.WithDbAsync(db => db.PendingImports.AnyAsync()));
    }

    [Fact]
    public async Task Should_refuse_a_file_past_a_bound_at_the_file_field_in_the_organizers_language_and_store_nothing()
    {
        var english = await Clients.SignedInAsync(app, Roles.Organizer);
        var chinese = await Clients.SignedInAsync(app, Roles.Organizer);
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var delegates = await app.WithDbAsync(db => db.Delegates.CountAsync());
        var longCell = ImportCraftedFiles.Csv("family_name,given_name,country,email", [$"Wang,{new string('x', 4001)},CN,wang@example.org"]);
        var cases = new (string Name, HttpClient Client, string FileName, byte[] Content, string Message)[]
        {
            ("a value at column XFD on every row", english, "delegates.xlsx", ImportCraftedFiles.ValueAtColumnXfdOnEveryRow(),
                "A file may have at most 100 columns; row 1 has a value in column XFD."),
            ("a value at column XFD on every row, in Chinese", chinese, "delegates.xlsx", ImportCraftedFiles.ValueAtColumnXfdOnEveryRow(),
                "文件最多100列；第1行的XFD列有内容。"),
            ("a cell of 400 million characters", chinese, "delegates.xlsx", ImportCraftedFiles.FourHundredMillionCharacterCell(), "工作簿解压后超过8 MB"),
            ("a zip entry that declares less than it holds", english, "delegates.xlsx", ImportCraftedFiles.DeclaredSizeLie(), "cannot be read as an Excel workbook"),
            ("a CSV cell of 4,001 characters", english, "delegates.csv", longCell,
                "A cell may hold at most 4,000 characters; the cell in row 2, column B holds more."),
            ("a CSV cell of 4,001 characters, in Chinese", chinese, "delegates.csv", longCell, "每个单元格最多4,000个字符；第2行B列的单元格超出了。"),
            ("one long text in every cell", english, "delegates.xlsx", ImportCraftedFiles.OneLongTextInEveryCell(),
                "The cells of the file hold more than 6,000,000 characters in all; split it."),
            ("one long text in every cell, in Chinese", chinese, "delegates.xlsx", ImportCraftedFiles.OneLongTextInEveryCell(),
                "文件中所有单元格合计超过6,000,000个字符；请拆分文件。"),
            ("a 5 MB file", english, "delegates.csv", new byte[5 * 1024 * 1024], "The file is larger than 2 MB."),
            ("a 5 MB file, in Chinese", chinese, "delegates.csv", new byte[5 * 1024 * 1024], "文件超过2 MB。"),
        };

        foreach (var (name, client, fileName, content, message) in cases)
        {
            var (response, page) = await UploadAsync(client, "Delegates", fileName, content);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
            var error = page.QuerySelector("[data-testid=file-error]")?.TextContent ?? string.Empty;
            Assert.True(error.Contains(message, StringComparison.Ordinal), $"{name}: '{error}'");
            Assert.Null(page.QuerySelector("[data-testid=import-preview]"));
        }

        Assert.False(await app.WithDbAsync(db => db.PendingImports.AnyAsync()));
        Assert.Equal(delegates, await app.WithDbAsync(db => db.Delegates.CountAsync()));
    }

    [Fact]
    public async Task Should_list_the_first_200_good_and_bad_rows_with_long_values_cut_and_say_how_many_more_there_are()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var tag = Guid.NewGuid().ToString("N")[..8];
        // Within every bound of a file: the bad rows' names, address and delegation are 580 quotation marks each, which a
        // page writes as 3,480 characters.
        string[] shared = ["family_name", "given_name", "native_name", "country", "email", "delegation", new string('"', 580), "Good", "Row", "CN"];
        var sheet = new StringBuilder("<row r=\"1\">");
        for (var c = 0; c < 6; c++)
        {
            sheet.Append($"<c t=\"s\"><v>{c}</v></c>");
        }

        sheet.Append("</row>");
        for (var r = 2; r <= 2001; r++)
        {
            sheet.Append(r % 2 == 0
                ? $"<row r=\"{r}\"><c t=\"s\"><v>7</v></c><c t=\"s\"><v>8</v></c><c/><c t=\"s\"><v>9</v></c><c t=\"inlineStr\"><is><t>row{r}.{tag}@example.org</t></is></c></row>"
                : $"<row r=\"{r}\"><c t=\"s\"><v>6</v></c><c t=\"s\"><v>6</v></c><c t=\"s\"><v>6</v></c><c t=\"s\"><v>9</v></c><c t=\"s\"><v>6</v></c><c t=\"s\"><v>6</v></c></row>");
        }

        var (response, preview) = await UploadAsync(organizer, "Delegates", "delegates.xlsx", ImportCraftedFiles.Workbook(sheet.ToString(), shared));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(html.Length < 2 * 1024 * 1024, $"{html.Length / 1024} KB");
        Assert.Contains("1000 rows can be imported, 1000 have problems", preview.QuerySelector("[data-testid=import-counts]")!.TextContent, StringComparison.Ordinal);
        var good = preview.QuerySelectorAll("[data-testid=good-rows] tbody tr").Select(r => r.GetAttribute("data-row")).ToList();
        var bad = preview.QuerySelectorAll("[data-testid=bad-rows] tbody tr").ToList();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (2 + (2 * i)).ToString(System.Globalization.CultureInfo.InvariantCulture)), good);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (3 + (2 * i)).ToString(System.Globalization.CultureInfo.InvariantCulture)), bad.Select(r => r.GetAttribute("data-row")));
        Assert.Equal("The first 200 rows with problems are listed; 800 more are not. Correct the file and check it again to see them.",
            preview.QuerySelector("[data-testid=bad-rows-more]")?.TextContent);
        Assert.Equal("The first 200 rows ready to import are listed; 800 more are not, and are imported with them.",
            preview.QuerySelector("[data-testid=good-rows-more]")?.TextContent);
        Assert.Equal("Import 1000 rows", preview.QuerySelector("[data-testid=confirm-import] button")!.TextContent.Trim());
        var who = bad[0].QuerySelectorAll("td")[1].TextContent;
        Assert.Equal(new string('"', 200) + "…", who);
        var problems = bad[0].QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Contains(problems, p => p.StartsWith("delegation: no delegation called “\"\"\"", StringComparison.Ordinal) && p.EndsWith('…'));
        Assert.All(problems, p => Assert.True(p.Length <= 201, p));

        var discard = (IHtmlFormElement)preview.QuerySelector("[data-testid=discard-import]")!;
        await organizer.PostAsync(discard.GetAttribute("action"), new FormUrlEncodedContent([new("__RequestVerificationToken", Token(preview, "[data-testid=discard-import]"))]));
        Assert.False(await app.WithDbAsync(db => db.PendingImports.AnyAsync()));
    }

    [Fact]
    public async Task Should_offer_templates_that_open_in_Excel_with_every_script()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var template = await organizer.GetByteArrayAsync(Url + "?handler=Template&kind=Delegates");
        Assert.Equal(Encoding.UTF8.GetPreamble(), template[..3]);
        Assert.Contains("山田太郎", Encoding.UTF8.GetString(template), StringComparison.Ordinal);
        Assert.StartsWith("reference,family_name,given_name", Encoding.UTF8.GetString(template[3..]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Delegates")]
    [InlineData("Invitations")]
    public async Task Should_import_each_template_as_downloaded_with_no_bad_row(string kind)
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var template = await organizer.GetByteArrayAsync(Url + "?handler=Template&kind=" + kind);

        var (response, preview) = await UploadAsync(organizer, kind, kind.ToLowerInvariant() + "-template.csv", template);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(preview.QuerySelectorAll("[data-testid=bad-rows] tr[data-row]"));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(organizer, preview)).StatusCode);
        Assert.True(kind == "Delegates"
            ? await app.WithDbAsync(db => db.Delegates.AnyAsync(d => d.Email == "taro.yamada@example.org"))
            : await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == "head@example.org")));
    }
}

/// <summary>The app on a real Kestrel server on loopback: the request size limit is Kestrel's to enforce.</summary>
public sealed class ImportServerFixture : ForumAppFactory
{
    public ImportServerFixture()
    {
        Address = StartKestrel();
    }

    public string Address { get; }
}

public sealed class ImportUploadLimitTests(ImportServerFixture app) : IClassFixture<ImportServerFixture>
{
    [Fact]
    public async Task Should_answer_a_file_larger_than_the_import_takes_at_the_file_field_through_the_real_server()
    {
        var email = await app.CreateUserAsync(Roles.Organizer);
        using var organizer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(app.Address) };
        var signIn = await SignInForm.SubmitAsync(organizer, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var form = await HtmlForms.GetPageAsync(organizer, "/admin/import");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)form.QuerySelector("[data-testid=import-form] input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
            { new StringContent("Delegates"), "Kind" },
            { new ByteArrayContent(new byte[5 * 1024 * 1024]), "Upload", "delegates.xlsx" },
        };

        var response = await organizer.PostAsync("/admin/import?handler=Upload", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("The file is larger than 2 MB.", page.QuerySelector("[data-testid=file-error]")?.TextContent);
        Assert.False(await app.WithDbAsync(db => db.PendingImports.AnyAsync()));
    }
}

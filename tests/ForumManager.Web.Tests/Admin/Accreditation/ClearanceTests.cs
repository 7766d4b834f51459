using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Delegates;
using ForumManager.Features.Accreditation;
using ForumManager.Features.Privacy;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Admin.Accreditation;

/// <summary>An app of its own: the answers imported change people other tests check in.</summary>
public sealed class ClearanceAppFixture : ForumAppFactory;

/// <summary>The list sent to the security office and its answer read back, as organizers use them.</summary>
public sealed class ClearanceTests(ClearanceAppFixture app) : IClassFixture<ClearanceAppFixture>
{
    private const string Url = "/admin/clearance";

    private async Task<Delegate> AddAsync(string family, string native, string passport, RegistrationStatus status = RegistrationStatus.Approved)
    {
        var personal = app.Services.GetRequiredService<PersonalData>();
        return await app.WithDbAsync(async db =>
        {
            var person = new Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(), FamilyName = family, GivenName = "Test", NativeName = native,
                CountryCode = "KR", Nationality = "KR", Email = $"{Guid.NewGuid():N}@example.org", Category = DelegateCategory.Delegate, Status = status,
                PassportNumberProtected = personal.Protect(passport), DateOfBirthProtected = personal.Protect("1971-03-04"),
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(person);
            await db.SaveChangesAsync();
            return person;
        });
    }

    private static async Task<List<IDictionary<string, object?>>> ListAsync(HttpClient organizer)
    {
        var response = await organizer.GetAsync(Url + "?handler=List");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var rows = await new MemoryStream(await response.Content.ReadAsByteArrayAsync()).QueryAsync(useHeaderRow: true);
        return rows.Select(r => (IDictionary<string, object?>)r).ToList();
    }

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> AnswerAsync(HttpClient organizer, IEnumerable<IDictionary<string, object?>> rows)
    {
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(rows.ToList(), sheetName: "Clearance");
        var form = await HtmlForms.GetPageAsync(organizer, Url);
        using var body = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)form.QuerySelector("[data-testid=clearance-form] input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(workbook.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        body.Add(file, "Upload", "answer.xlsx");
        var response = await organizer.PostAsync(Url + "?handler=Import", body);
        return (response, await HtmlForms.ParseAsync(response));
    }

    private static IDictionary<string, object?> Answer(string reference, string? answer, string? reason = null) =>
        new Dictionary<string, object?> { ["Reference"] = reference, ["Clearance"] = answer, ["Reason"] = reason };

    [Fact]
    public async Task Should_list_everyone_who_may_attend_with_passport_data_audit_the_export_and_apply_the_offices_answer()
    {
        var kim = await AddAsync("Kim", "김민준", "M12345678");
        var lee = await AddAsync("Lee", "이서연", "M87654321");
        var gone = await AddAsync("Park", "박지훈", "M11112222", RegistrationStatus.Cancelled);
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        var list = await ListAsync(organizer);

        Assert.Equal(
            ["Reference", "Family name", "Given name", "Name in own script", "Nationality", "Passport number", "Date of birth", "Organization", "Delegation", "Category", "Clearance", "Reason"],
            list[0].Keys);
        var kimRow = list.Single(r => (string?)r["Reference"] == kim.Reference);
        Assert.Equal(("KIM", "김민준", "KR", "M12345678", "1971-03-04"),
            ((string?)kimRow["Family name"], (string?)kimRow["Name in own script"], (string?)kimRow["Nationality"], (string?)kimRow["Passport number"], (string?)kimRow["Date of birth"]));
        Assert.DoesNotContain(list, r => (string?)r["Reference"] == gone.Reference);
        var listed = await app.WithDbAsync(db => db.Delegates.CountAsync(d => d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected));
        Assert.Equal(listed, list.Count);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "clearance-list-exported" && a.EntityId == kim.Id.ToString())));

        // The office writes its answer into the list and sends it back.
        kimRow["Clearance"] = "cleared";
        list.Single(r => (string?)r["Reference"] == lee.Reference)["Clearance"] = "拒绝";
        list.Single(r => (string?)r["Reference"] == lee.Reference)["Reason"] = "Watch list";
        var (response, answered) = await AnswerAsync(organizer, list);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{answered.QuerySelector("[data-testid=upload-error]")?.TextContent} {answered.QuerySelector("[data-testid=clearance-problems]")?.TextContent}");
        var after = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Where(d => d.Id == kim.Id || d.Id == lee.Id).OrderBy(d => d.Id)
            .Select(d => new { d.Clearance, d.ClearanceReason, d.ClearanceUtc }).ToListAsync());
        Assert.Equal((ClearanceStatus.Cleared, (string?)null), (after[0].Clearance, after[0].ClearanceReason));
        Assert.Equal((ClearanceStatus.Refused, "Watch list"), (after[1].Clearance, after[1].ClearanceReason));
        Assert.NotNull(after[0].ClearanceUtc);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "clearance-imported" && a.EntityId == lee.Id.ToString()));
        Assert.Equal(("pending", "refused: Watch list"), (audit.Before, audit.After));

        var page = await HtmlForms.GetPageAsync(organizer, Url);
        Assert.Contains("1 cleared, 1 refused", page.QuerySelector("[role=status]")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", page.QuerySelector("[data-testid=count-cleared]")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("[data-testid=count-refused]")!.TextContent.Trim());

        // The list sent again carries the answers given so far.
        var again = await ListAsync(organizer);
        Assert.Equal("refused", again.Single(r => (string?)r["Reference"] == lee.Reference)["Clearance"]);
    }

    [Fact]
    public async Task Should_apply_nothing_and_name_each_row_to_correct_when_any_row_of_the_answer_is_wrong()
    {
        var choi = await AddAsync("Choi", "최유나", "M55556666");
        var han = await AddAsync("Han", "한지우", "M77778888");
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        organizer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");

        var (response, page) = await AnswerAsync(organizer,
        [
            Answer(choi.Reference, "cleared"),
            Answer(han.Reference, "refused"),
            Answer("HISCF2010-99999", "cleared"),
            Answer(choi.Reference, "maybe"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(page.QuerySelector("[data-testid=clearance-problems]") is not null, page.QuerySelector("[data-testid=upload-error]")?.TextContent);
        Assert.Contains("未导入任何内容", page.QuerySelector("[data-testid=upload-error]")!.TextContent, StringComparison.Ordinal);
        string Problem(int row) => page.QuerySelector($"[data-testid=clearance-problems] tr[data-row='{row}']")?.TextContent ?? string.Empty;
        Assert.Contains("拒绝须注明原因", Problem(3), StringComparison.Ordinal);
        Assert.Contains("HISCF2010-99999", Problem(4), StringComparison.Ordinal);
        Assert.Contains("第 2 行", Problem(5), StringComparison.Ordinal);
        Assert.Empty(Problem(2));
        Assert.Equal([ClearanceStatus.Pending, ClearanceStatus.Pending],
            await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == choi.Id || d.Id == han.Id).Select(d => d.Clearance).ToListAsync()));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "clearance-imported" && a.EntityId == choi.Id.ToString())));
    }

    [Fact]
    public async Task Should_refuse_a_file_that_is_no_spreadsheet_at_the_field()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var form = await HtmlForms.GetPageAsync(organizer, Url);
        using var body = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)form.QuerySelector("[data-testid=clearance-form] input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
            { new ByteArrayContent("%PDF-1.4"u8.ToArray()), "Upload", "answer.pdf" },
        };

        var response = await organizer.PostAsync(Url + "?handler=Import", body);
        var page = await HtmlForms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".csv or .xlsx", page.QuerySelector("[data-testid=upload-error]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_send_the_photos_named_by_reference_leaving_out_refused_ones_and_record_each_in_the_persons_history()
    {
        var yoon = await AddAsync("Yoon", "윤서준", "M10101010");
        var jang = await AddAsync("Jang", "장하은", "M20202020");
        var vault = app.Services.GetRequiredService<PhotoVault>();
        byte[] face = [0xFF, 0xD8, 0xFF, 0xE0, 9, 8, 7, 0xFF, 0xD9];
        await app.WithDbAsync(async db =>
        {
            foreach (var (person, status) in new[] { (yoon, PhotoStatus.Approved), (jang, PhotoStatus.Refused) })
            {
                db.DelegatePhotos.Add(new DelegatePhoto
                {
                    ForumId = person.ForumId, DelegateId = person.Id, ContentProtected = vault.Protect(face), ThumbnailProtected = vault.Protect(face),
                    Width = 600, Height = 800, Status = status, UploadedUtc = DateTime.UtcNow, UploadedBy = "test",
                });
            }

            return await db.SaveChangesAsync();
        });
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        var response = await organizer.GetAsync(Url + "?handler=Photos");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var entry = zip.GetEntry(yoon.Reference + ".jpg");
        Assert.NotNull(entry);
        await using (var stream = await entry.OpenAsync())
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(face, copy.ToArray());
        }

        Assert.Null(zip.GetEntry(jang.Reference + ".jpg"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "clearance-photos-exported" && a.EntityId == yoon.Id.ToString())));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "clearance-photos-exported" && a.EntityId == jang.Id.ToString())));
    }

    [Fact]
    public async Task Should_let_a_person_print_and_pass_only_once_the_offices_answer_clears_them()
    {
        var song = await AddAsync("Song", "송민호", "M30303030");
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        await app.WithDbAsync(db => db.Forums.ExecuteUpdateAsync(u => u.SetProperty(f => f.ClearanceRequired, true)));
        try
        {
            async Task<string?> ScanAsync()
            {
                var scan = await staff.PostAsJsonAsync("/checkin/api/scans", new { token = song.CheckInToken, checkpoint = "main", scanId = Guid.NewGuid().ToString() });
                var answer = await scan.Content.ReadFromJsonAsync<JsonElement>();
                return answer.GetProperty("result").GetString() + (answer.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? ":" + reason.GetString() : "");
            }

            Assert.Equal("refused:not-cleared", await ScanAsync());
            Assert.Equal(HttpStatusCode.Conflict, (await staff.GetAsync($"/checkin/badges/{song.Id}.pdf")).StatusCode);

            var (response, _) = await AnswerAsync(organizer, [Answer(song.Reference, "通过")]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

            var badge = await staff.GetAsync($"/checkin/badges/{song.Id}.pdf");
            Assert.Equal(HttpStatusCode.OK, badge.StatusCode);
            Assert.Equal("application/pdf", badge.Content.Headers.ContentType?.MediaType);
            Assert.Equal("checked-in", await ScanAsync());
        }
        finally
        {
            await app.WithDbAsync(db => db.Forums.ExecuteUpdateAsync(u => u.SetProperty(f => f.ClearanceRequired, false)));
        }
    }
}

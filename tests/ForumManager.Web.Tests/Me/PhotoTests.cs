using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.Accreditation;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Features.Accreditation;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ForumManager.Web.Tests.Me;

public sealed class PhotoAppFixture : ForumAppFactory;

/// <summary>A delegate's photo, through the real pages: /me/photo, /register, the review queue, the desk and the photo's own address.</summary>
public sealed class PhotoTests(PhotoAppFixture app) : IClassFixture<PhotoAppFixture>
{
    private const string PhotoPage = "/me/photo";

    /// <summary>A delegate registered through the form, address confirmed, signed in.</summary>
    private async Task<(int Id, string Email, HttpClient Client)> DelegateAsync(string? language = null)
    {
        var email = $"photo-{Guid.NewGuid():N}@city.example.org";
        var response = await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));
        var id = await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == email).Select(d => d.Id).SingleAsync());
        var client = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return (id, email, client);
    }

    /// <summary>Posts the form of <paramref name="url"/> as a browser would, with <paramref name="file"/> in its photo field.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] file, string fileName, string contentType,
        IReadOnlyDictionary<string, string>? values = null, string formSelector = "main form[enctype='multipart/form-data']")
    {
        var page = await HtmlForms.GetPageAsync(client, url);
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in HtmlForms.DefaultValues(form).Where(f => f.Key != "Photo.File" && (values is null || !values.ContainsKey(f.Key))).Concat(values ?? new Dictionary<string, string>()))
        {
            body.Add(new StringContent(value), name);
        }

        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        body.Add(content, "Photo.File", fileName);
        return await client.PostAsync(url, body);
    }

    private Task<DelegatePhoto?> StoredAsync(int delegateId) =>
        app.WithDbAsync(db => db.DelegatePhotos.AsNoTracking().SingleOrDefaultAsync(p => p.DelegateId == delegateId));

    private byte[] Decrypt(byte[] stored) => app.Services.GetRequiredService<PhotoVault>().Unprotect(stored)!;

    [Fact]
    public async Task Should_keep_a_phone_photo_upright_without_its_metadata_and_show_it_only_to_its_owner_and_the_desk()
    {
        var (id, _, owner) = await DelegateAsync();

        var saved = await UploadAsync(owner, PhotoPage, TestPhotos.SidewaysPhone(), "IMG_0042.JPG", "image/jpeg");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await StoredAsync(id);
        Assert.NotNull(stored);
        Assert.Equal(PhotoStatus.Pending, stored.Status);

        // Encrypted at rest: the column is no JPEG.
        Assert.False(stored.ContentProtected[0] == 0xFF && stored.ContentProtected[1] == 0xD8);
        var jpeg = Decrypt(stored.ContentProtected);
        Assert.DoesNotContain(TestPhotos.Markers(jpeg), m => m is >= 0xE1 and <= 0xEF or 0xFE);
        var header = Encoding.ASCII.GetString(TestPhotos.Header(jpeg));
        Assert.DoesNotContain("Exif", header, StringComparison.Ordinal);
        Assert.DoesNotContain("GPS", header, StringComparison.Ordinal);
        using (var upright = SKBitmap.Decode(jpeg))
        {
            Assert.Equal((600, 800), (upright.Width, upright.Height));
            var top = upright.GetPixel(300, 15);
            Assert.True(top.Red > 150 && top.Green < 90, $"the top edge is {top}, not red");
        }

        var mine = await owner.GetAsync(AccreditationPhotos.Url(id, stored.Version));
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("image/jpeg", mine.Content.Headers.ContentType?.MediaType);
        Assert.True(mine.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {mine.Headers.CacheControl}");
        Assert.Equal(jpeg, await mine.Content.ReadAsByteArrayAsync());
        var page = await HtmlForms.GetPageAsync(owner, "/me");
        Assert.Equal(AccreditationPhotos.Url(id, stored.Version), page.QuerySelector("[data-testid=my-photo] img")!.GetAttribute("src"));

        var (otherId, _, other) = await DelegateAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(AccreditationPhotos.Url(id, stored.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(AccreditationPhotos.Url(id, stored.Version, thumbnail: true))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(AccreditationPhotos.Url(otherId, 1))).StatusCode);
        var anonymous = await Clients.Anonymous(app).GetAsync(AccreditationPhotos.Url(id, stored.Version));
        Assert.Contains("/Identity/Account/Login", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var thumbnail = await staff.GetAsync(AccreditationPhotos.Url(id, stored.Version, thumbnail: true));
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        using (var small = SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((120, 160), (small.Width, small.Height));
        }

        var download = await staff.GetAsync(AccreditationPhotos.Url(id, stored.Version) + "&download=1");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == key && a.EntityType == "Delegate" && a.Action == "photo-downloaded")));

        var data = JsonDocument.Parse(await owner.GetStringAsync("/me/data.json"));
        var link = data.RootElement.GetProperty("registrations")[0].GetProperty("photo").GetProperty("url").GetString();
        Assert.EndsWith(AccreditationPhotos.Url(id, stored.Version), link, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> BadFiles => new()
    {
        { "not-an-image", "en", "report.pdf", "not a JPEG, PNG or WebP picture" },
        { "tiny", "en", "tiny.jpg", "at least 300 × 400 pixels" },
        { "11 MB", "en", "huge.jpg", "larger than 10 MB" },
        { "not-an-image", "zh-Hans", "report.pdf", "不是 JPEG、PNG 或 WebP 图片" },
        { "tiny", "zh-Hans", "tiny.jpg", "至少需要 300 × 400 像素" },
        { "11 MB", "zh-Hans", "huge.jpg", "文件超过 10 MB" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Should_refuse_at_the_field_a_file_that_is_not_a_photo_or_is_too_small_or_too_large(string kind, string language, string name, string message)
    {
        var (id, _, client) = await DelegateAsync(language);
        var file = kind switch
        {
            "tiny" => TestPhotos.Jpeg(200, 260),

            // A real JPEG's start, then padding to 11 MB: too large whatever it holds.
            "11 MB" => [.. TestPhotos.Jpeg(600, 800), .. new byte[11 * 1024 * 1024]],
            _ => "%PDF-1.7\n% a report, not a photo\n"u8.ToArray(),
        };

        var response = await UploadAsync(client, PhotoPage, file, name, kind == "not-an-image" ? "application/pdf" : "image/jpeg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[data-testid=photo-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await StoredAsync(id));
    }

    [Fact]
    public async Task Should_tell_the_delegate_by_notice_when_organizers_approve_or_refuse_the_photo()
    {
        var (id, email, owner) = await DelegateAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(owner, PhotoPage, TestPhotos.Jpeg(900, 1200), "me.jpg", "image/jpeg")).StatusCode);
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var queue = await HtmlForms.GetPageAsync(organizer, "/admin/photos");
        var form = $"[data-testid=pending-photo] form[data-delegate='{id}']";
        Assert.NotNull(queue.QuerySelector(form));

        // A refusal without its reason changes nothing.
        var unexplained = await HtmlForms.SubmitAsync(organizer, queue, "/admin/photos", new Dictionary<string, string>(), form, "decision", "refuse");
        Assert.Equal(HttpStatusCode.Redirect, unexplained.StatusCode);
        Assert.Equal(PhotoStatus.Pending, (await StoredAsync(id))!.Status);

        var refused = await HtmlForms.SubmitAsync(organizer, queue, "/admin/photos", new Dictionary<string, string> { ["Reason"] = "Sunglasses hide the eyes" },
            form, "decision", "refuse");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var stored = (await StoredAsync(id))!;
        Assert.Equal((PhotoStatus.Refused, "Sunglasses hide the eyes"), (stored.Status, stored.RefusalReason));
        var notice = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email && m.Purpose == "notice.photorefused"));
        var mail = await app.ReadMailAsync(notice);
        Assert.Contains("Sunglasses hide the eyes", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/me/photo", mail.TextBody, StringComparison.Ordinal);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == key && a.Action == "photo-refused" && a.After == "Sunglasses hide the eyes")));
        Assert.Contains("Sunglasses hide the eyes", (await HtmlForms.GetPageAsync(owner, PhotoPage)).QuerySelector("[data-testid=photo-reason]")!.TextContent, StringComparison.Ordinal);

        // A new photo waits for review again; an approval of the old one, made from a page opened before, changes nothing.
        var details = await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(owner, PhotoPage, TestPhotos.Jpeg(900, 1200), "me-again.jpg", "image/jpeg")).StatusCode);
        var stale = await HtmlForms.SubmitAsync(organizer, details, $"/admin/delegates/details/{id}", new Dictionary<string, string>(),
            "[data-testid=photo-review]", "decision", "approve");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(PhotoStatus.Pending, (await StoredAsync(id))!.Status);

        details = await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{id}");
        var approved = await HtmlForms.SubmitAsync(organizer, details, $"/admin/delegates/details/{id}", new Dictionary<string, string>(),
            "[data-testid=photo-review]", "decision", "approve");

        Assert.Equal($"/admin/delegates/details/{id}#photo", approved.Headers.Location?.OriginalString);
        Assert.Equal(PhotoStatus.Approved, (await StoredAsync(id))!.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email && m.Purpose == "notice.photoapproved")));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == key && a.Action == "photo-approved")));
        Assert.Null((await HtmlForms.GetPageAsync(organizer, "/admin/photos")).QuerySelector($"[data-testid=pending-photo] input[name=id][value='{id}']"));
    }

    [Fact]
    public async Task Should_take_a_photo_at_the_desk_show_the_face_when_the_badge_is_scanned_and_print_it_on_the_badge()
    {
        var (id, _, _) = await DelegateAsync();
        await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, RegistrationStatus.Approved)));
        var staff = await Clients.SignedInAsync(app, Roles.Staff);

        // The desk's camera puts its picture in the file field; without a camera staff choose a file, which is what this posts.
        var taken = await UploadAsync(staff, $"/checkin/photo/{id}", TestPhotos.Jpeg(1280, 960), "desk-photo.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var stored = (await StoredAsync(id))!;
        Assert.Equal(PhotoStatus.Approved, stored.Status);
        var token = await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == id).Select(d => d.CheckInToken).SingleAsync());
        var scan = await staff.PostAsJsonAsync("/checkin/api/scans", new { token, checkpoint = Checkpoints.Main, scanId = Guid.NewGuid().ToString() });
        var answer = JsonDocument.Parse(await scan.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("checked-in", answer.GetProperty("result").GetString());
        var face = answer.GetProperty("delegate").GetProperty("photoUrl").GetString();
        Assert.Equal(AccreditationPhotos.Url(id, stored.Version), face);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(face)).StatusCode);
        var desk = await HtmlForms.GetPageAsync(staff, "/checkin?q=" + Uri.EscapeDataString(await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == id).Select(d => d.Reference).SingleAsync())));
        Assert.NotNull(desk.QuerySelector("[data-testid=desk-face]"));

        var pdf = await staff.GetByteArrayAsync($"/checkin/badges/{id}.pdf?layout=A6");
        var file = await PdfReadBack.SaveAsync(pdf, "desk-badge.pdf");
        var (exit, images, _) = await PdfReadBack.RunAsync("/usr/bin/pdfimages", "-list", file);
        Assert.Equal(0, exit);
        Assert.Single(images.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2));
        var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(file));
        Assert.Contains("张伟", text, StringComparison.Ordinal);
        Assert.Contains("ZHANG Wei", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_take_a_photo_with_the_registration_and_register_nobody_when_the_photo_is_refused()
    {
        var email = $"photo-register-{Guid.NewGuid():N}@city.example.org";
        var client = Clients.Anonymous(app);

        var tiny = await UploadAsync(client, RegistrationForm.Url, TestPhotos.Jpeg(200, 260), "tiny.jpg", "image/jpeg", RegistrationForm.Valid(email));

        Assert.Equal(HttpStatusCode.OK, tiny.StatusCode);
        Assert.Contains("at least 300 × 400 pixels", (await HtmlForms.ParseAsync(tiny)).QuerySelector("[data-testid=photo-error]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Delegates.AnyAsync(d => d.Email == email)));

        var registered = await UploadAsync(client, RegistrationForm.Url, TestPhotos.WithMetadata(TestPhotos.Jpeg(900, 1200)), "me.jpg", "image/jpeg", RegistrationForm.Valid(email));

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var id = await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == email).Select(d => d.Id).SingleAsync());
        var stored = (await StoredAsync(id))!;
        Assert.Equal(PhotoStatus.Pending, stored.Status);
        Assert.DoesNotContain("GPS", Encoding.ASCII.GetString(TestPhotos.Header(Decrypt(stored.ContentProtected))), StringComparison.Ordinal);
    }
}

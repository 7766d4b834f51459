using ForumManager.Core.Accounts;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Delegates;
using ForumManager.Features.Accreditation;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.BrowserTests;

/// <summary>Chromium with a camera of its own: its fake device plays a test pattern, and the page may use it without asking.</summary>
public sealed class CameraBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ForumAppFactory App { get; } = new();
    public string BaseUrl { get; private set; } = string.Empty;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseUrl = App.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>
/// A delegate places the 3:4 frame on their photo in the page and sends it; organizers see it in the queue; the desk takes
/// a new one with its camera and sees the face when the badge is scanned. Each screen is kept (photo-journey in the test
/// output) at both widths in both languages.
/// </summary>
public sealed class PhotoJourneyTests(CameraBrowserFixture browser) : IClassFixture<CameraBrowserFixture>
{
    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "photo-journey");

    private async Task<IPage> PageAsync(string email, string locale, int width)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl, Locale = locale, ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(ForumAppFactory.Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Login", StringComparison.Ordinal));
        return page;
    }

    private static async Task ShootAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
        var sideways = await page.EvaluateAsync<string>("""
            () => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) { return ''; }
                const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1);
                return wide.slice(-3).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 60)).join(' | ');
            }
            """);
        Assert.True(sideways.Length == 0, $"{name} scrolls sideways: {sideways}");
    }

    private async Task<(Delegate Person, string Email)> DelegateAsync()
    {
        var email = await browser.App.CreateUserAsync(Roles.Delegate);
        var person = await browser.App.WithDbAsync(async db =>
        {
            var record = new Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(),
                UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(),
                FamilyName = "Okafor", GivenName = "Adaeze", NativeName = "Adaeze Okafor", CountryCode = "NG",
                Email = email, Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved,
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record;
        });
        return (person, email);
    }

    private async Task<(DelegatePhoto Photo, SKBitmap Picture)> StoredAsync(int id)
    {
        var photo = await browser.App.WithDbAsync(db => db.DelegatePhotos.AsNoTracking().SingleAsync(p => p.DelegateId == id));
        return (photo, SKBitmap.Decode(browser.App.Services.GetRequiredService<PhotoVault>().Unprotect(photo.ContentProtected)));
    }

    [Fact]
    public async Task Should_crop_in_the_page_review_take_a_photo_with_the_desk_camera_and_show_the_face_at_a_scan()
    {
        var (person, email) = await DelegateAsync();
        var file = Path.Combine(Path.GetTempPath(), $"photo-{Guid.NewGuid():N}.jpg");

        // Left half red, right half green: the frame the delegate moves to the right keeps only green.
        await File.WriteAllBytesAsync(file, TestPhotos.Jpeg(1600, 1000, (canvas, w, h) =>
        {
            using var red = new SKPaint { Color = new SKColor(220, 20, 20) };
            using var green = new SKPaint { Color = new SKColor(20, 200, 20) };
            canvas.DrawRect(SKRect.Create(0, 0, w / 2, h), red);
            canvas.DrawRect(SKRect.Create(w / 2, 0, w / 2, h), green);
        }));

        foreach (var (locale, language) in new[] { ("en-GB", "en"), ("zh-CN", "zh") })
        {
            foreach (var width in new[] { 1280, 375 })
            {
                var page = await PageAsync(email, locale, width);
                await page.GotoAsync("/me/photo");
                await page.GetByTestId("photo-file").SetInputFilesAsync(file);
                var box = page.Locator("[data-crop-box]");
                await Assertions.Expect(box).ToBeVisibleAsync();
                await page.Locator("[data-crop-size]").FillAsync("60");
                await box.FocusAsync();
                for (var i = 0; i < 40; i++)
                {
                    await box.PressAsync("ArrowRight");
                }

                await ShootAsync(page, $"me-photo-crop-{language}-{width}");
                await page.GetByTestId("photo-submit").ClickAsync();
                await Assertions.Expect(page.GetByTestId("photo-status")).ToBeVisibleAsync();
                await ShootAsync(page, $"me-photo-held-{language}-{width}");
                await page.GotoAsync("/me");
                await page.GetByTestId("my-photo").ScrollIntoViewIfNeededAsync();
                await ShootAsync(page, $"me-{language}-{width}");
                await page.Context.CloseAsync();
            }
        }

        var (cropped, picture) = await StoredAsync(person.Id);
        using (picture)
        {
            Assert.Equal(PhotoStatus.Pending, cropped.Status);
            var corner = picture.GetPixel(5, 5);
            var other = picture.GetPixel(picture.Width - 5, picture.Height - 5);
            Assert.True(corner.Green > 150 && corner.Red < 90 && other.Green > 150 && other.Red < 90, $"the frame kept {corner} and {other}, not only green");
        }

        var organizer = await browser.App.CreateUserAsync(Roles.Organizer);
        foreach (var (locale, language) in new[] { ("en-GB", "en"), ("zh-CN", "zh") })
        {
            foreach (var width in new[] { 1280, 375 })
            {
                var page = await PageAsync(organizer, locale, width);
                await page.GotoAsync("/admin/photos");
                await Assertions.Expect(page.Locator($"[data-testid=pending-photo] img[src='{AccreditationPhotos.Url(person.Id, cropped.Version)}']")).ToBeVisibleAsync();
                await ShootAsync(page, $"admin-photos-{language}-{width}");
                await page.GotoAsync($"/admin/delegates/details/{person.Id}#photo");
                await ShootAsync(page, $"admin-details-{language}-{width}");
                await page.Context.CloseAsync();
            }
        }

        var staff = await browser.App.CreateUserAsync(Roles.Staff);
        foreach (var (locale, language) in new[] { ("en-GB", "en"), ("zh-CN", "zh") })
        {
            foreach (var width in new[] { 1280, 375 })
            {
                var desk = await PageAsync(staff, locale, width);
                await desk.GotoAsync($"/checkin/photo/{person.Id}");
                await desk.GetByTestId("camera-start").ClickAsync();
                await desk.GetByTestId("camera-capture").ClickAsync();
                await Assertions.Expect(desk.Locator("[data-crop-box]")).ToBeVisibleAsync();
                await ShootAsync(desk, $"desk-photo-{language}-{width}");
                await desk.GetByTestId("photo-submit").ClickAsync();
                await desk.WaitForURLAsync(url => url.Contains("/checkin?q=", StringComparison.Ordinal));
                await Assertions.Expect(desk.GetByTestId("desk-face")).ToBeVisibleAsync();

                await desk.GetByTestId("desk-input").FillAsync(person.CheckInToken);
                await desk.GetByTestId("desk-input").PressAsync("Enter");
                var face = desk.GetByTestId("scan-face");
                await Assertions.Expect(face).ToBeVisibleAsync();
                await ShootAsync(desk, $"desk-scan-{language}-{width}");
                await desk.Context.CloseAsync();
            }
        }

        File.Delete(file);
        var (taken, fromCamera) = await StoredAsync(person.Id);
        using (fromCamera)
        {
            Assert.Equal(PhotoStatus.Approved, taken.Status);
            Assert.True(taken.Version > cropped.Version);
            Assert.Equal(fromCamera.Width * 4, fromCamera.Height * 3);
        }
    }
}

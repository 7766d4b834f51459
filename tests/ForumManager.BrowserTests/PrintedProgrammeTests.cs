using ForumManager.Testing;
using Microsoft.Playwright;

namespace ForumManager.BrowserTests;

/// <summary>The printed programme, printed by Chromium as a person would print it, keeps every word on A4 inside its margins.</summary>
public sealed class PrintedProgrammeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const float PointsPerMillimetre = 72f / 25.4f;

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task Should_print_the_programme_on_A4_with_every_word_at_least_5_mm_inside_the_page(string locale)
    {
        var file = Path.Combine(Path.GetTempPath(), $"programme-{locale}-{Guid.NewGuid():N}.pdf");
        try
        {
            await browser.RunAsync(nameof(Should_print_the_programme_on_A4_with_every_word_at_least_5_mm_inside_the_page) + locale, async page =>
            {
                await page.GotoAsync("/agenda/print");
                await Assertions.Expect(page.GetByTestId("printable")).ToBeVisibleAsync();
                await page.EmulateMediaAsync(new() { Media = Media.Print });
                await page.PdfAsync(new() { Path = file, PreferCSSPageSize = true, PrintBackground = false });

                var words = await PdfReadBack.WordsAsync(file);
                Assert.NotEmpty(words);
                var margin = 5 * PointsPerMillimetre;
                Assert.All(words, w =>
                {
                    // A4 is 595 × 842 points: the page's own size says the stylesheet's @page was followed.
                    Assert.InRange(w.PageWidth, 594, 596);
                    Assert.InRange(w.PageHeight, 841, 843);
                    Assert.True(w.XMin >= margin && w.YMin >= margin && w.XMax <= w.PageWidth - margin && w.YMax <= w.PageHeight - margin,
                        $"\"{w.Text}\" on page {w.Page} lies at ({w.XMin:0}, {w.YMin:0})–({w.XMax:0}, {w.YMax:0}), closer than 5 mm to the edge");
                });
            }, locale: locale);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using System.Security.Cryptography;
using ForumManager.Core.Delegates;
using ForumManager.Documents.Badges;
using ForumManager.Documents.Photos;
using ForumManager.Testing;

namespace ForumManager.Documents.Tests;

public sealed class BadgePhotoTests
{
    /// <summary>The images <c>pdfimages -list</c> finds: one line per image after its two header lines.</summary>
    private static async Task<IReadOnlyList<string>> ImagesAsync(string file)
    {
        var (exit, output, error) = await PdfReadBack.RunAsync("/usr/bin/pdfimages", "-list", file);
        Assert.True(exit == 0, $"pdfimages failed: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
    }

    [Theory]
    [InlineData(BadgeLayout.A6)]
    [InlineData(BadgeLayout.CR80)]
    [InlineData(BadgeLayout.A4)]
    public async Task Should_print_the_photo_as_the_one_image_of_the_badge_and_keep_the_names_readable(BadgeLayout layout)
    {
        var photo = PassportPhoto.Process(TestPhotos.SidewaysPhone(), crop: null);
        var badge = Badge() with { Photo = photo.Jpeg };

        var result = BadgeDocument.Render([badge], layout);

        var file = await PdfReadBack.SaveAsync(result.Pdf, $"photo-{layout}.pdf");
        await PdfReadBack.AssertValidAsync(file);
        var image = Assert.Single(await ImagesAsync(file));
        Assert.Contains(" jpeg ", image, StringComparison.Ordinal);
        var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(file));
        Assert.Contains("王小明", text, StringComparison.Ordinal);
        Assert.Contains("WANG Xiaoming", text, StringComparison.Ordinal);
        Assert.Contains("HISCF2010-00042", text, StringComparison.Ordinal);
        Assert.Contains(badge.Token, await PdfReadBack.ZbarAsync(await PdfReadBack.RenderAsync(file, 1, 300)));
    }

    [Fact]
    public async Task Should_print_a_badge_without_a_photo_as_before_with_no_image()
    {
        var file = await PdfReadBack.SaveAsync(BadgeDocument.Render([Badge()], BadgeLayout.A6).Pdf, "no-photo.pdf");

        Assert.Empty(await ImagesAsync(file));
        Assert.Contains("WANG Xiaoming", PdfReadBack.Flat(await PdfReadBack.TextAsync(file)), StringComparison.Ordinal);
    }

    private static BadgeData Badge() => new()
    {
        ForumNameEn = "China Hunan International Sister Cities Cooperation Forum 2010",
        ForumNameZh = "2010中国湖南国际友好城市合作论坛",
        ForumMark = "HNSC",
        NativeName = "王小明",
        NativeLanguage = "zh-Hans",
        LatinName = "WANG Xiaoming",
        HonorificAndPosition = "H.E. Vice Mayor",
        Organization = "Changsha Municipal People's Government",
        Delegation = "Changsha · China",
        Category = DelegateCategory.HeadOfDelegation,
        Admits = "22–24 June 2010 · 6月22日至6月24日\nAll areas, VIP lounge · 全部区域及贵宾室",
        Token = RandomNumberGenerator.GetHexString(32, lowercase: true),
        Reference = "HISCF2010-00042",
    };
}

using System.Security.Cryptography;
using ForumManager.Core.Delegates;
using ForumManager.Documents.Badges;
using ForumManager.Testing;

namespace ForumManager.Documents.Tests;

public sealed class BadgeDocumentTests
{
    public static TheoryData<string, string, string> Names => new()
    {
        { "zh-Hans", "张伟", "ZHANG Wei" },
        { "ja", "山田太郎", "YAMADA Taro" },
        { "ko", "김민준", "KIM Minjun" },
        { "ru", "Иван Петров", "PETROV Ivan" },
        { "ar", "محمد العلي", "AL-ALI Mohammed" },
        { "hi", "राहुल शर्मा", "SHARMA Rahul" },
        { "th", "สมชาย ใจดี", "JAIDEE Somchai" },
        { "el", "Γιώργος Παπαδόπουλος", "PAPADOPOULOS Georgios" },
    };

    [Theory]
    [InlineData("vi", "Nguyễn Văn Anh", "NGUYEN Van Anh", BadgeLayout.A6)]
    [InlineData("de", "Jürgen Großmann", "GROSSMANN Juergen", BadgeLayout.CR80)]
    [InlineData("fr", "François Lefèvre", "LEFEVRE Francois", BadgeLayout.A4)]
    [InlineData("en", "John Smith", "SMITH John", BadgeLayout.A6)]
    public async Task Should_print_a_name_written_in_Latin_letters_once_as_the_delegate_wrote_it(string language, string nativeName, string latinName, BadgeLayout layout)
    {
        var badge = Badge(language, nativeName, latinName);

        var result = BadgeDocument.Render([badge], layout);

        var file = await PdfReadBack.SaveAsync(result.Pdf, $"latin-{language}.pdf");
        var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(file));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(nativeName)));
        Assert.DoesNotContain(latinName.Split(' ')[0], text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, BadgeLayout> NamesByLayout
    {
        get
        {
            var data = new TheoryData<string, string, string, BadgeLayout>();
            foreach (var row in Names)
            {
                foreach (var layout in Enum.GetValues<BadgeLayout>())
                {
                    data.Add((string)row[0], (string)row[1], (string)row[2], layout);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(NamesByLayout))]
    public async Task Should_print_the_name_in_its_own_script_and_a_QR_code_that_scanners_read(string language, string nativeName, string latinName, BadgeLayout layout)
    {
        var badge = Badge(language, nativeName, latinName);

        var result = BadgeDocument.Render([badge], layout);

        Assert.Empty(result.Missing);
        var file = await PdfReadBack.SaveAsync(result.Pdf, $"badge-{language}-{layout}.pdf");
        await PdfReadBack.AssertValidAsync(file);
        var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(file));
        Assert.Contains(nativeName, text, StringComparison.Ordinal);
        Assert.Contains(latinName, text, StringComparison.Ordinal);
        Assert.Contains("DELEGATE", text, StringComparison.Ordinal);
        Assert.Contains("代表", text, StringComparison.Ordinal);
        Assert.Contains("Sister Cities", text, StringComparison.Ordinal);

        var png = await PdfReadBack.RenderAsync(file, dpi: layout == BadgeLayout.CR80 ? 300 : 150);
        Assert.Equal([badge.Token], await PdfReadBack.ZbarAsync(png));
        Assert.Equal([badge.Token], PdfReadBack.ZXing(png));
    }

    [Fact]
    public async Task Should_put_four_badges_on_each_A4_sheet_each_with_its_own_code()
    {
        var badges = Names.Take(6).Select(row => Badge((string)row[0], (string)row[1], (string)row[2])).ToList();

        var result = BadgeDocument.Render(badges, BadgeLayout.A4);

        Assert.Equal(2, result.Pages);
        var file = await PdfReadBack.SaveAsync(result.Pdf, "sheet.pdf");
        await PdfReadBack.AssertValidAsync(file);
        var first = await PdfReadBack.RenderAsync(file, page: 1, dpi: 150);
        Assert.Equal(badges.Take(4).Select(b => b.Token).Order(), (await PdfReadBack.ZbarAsync(first)).Order());
        var second = PdfReadBack.Flat(await PdfReadBack.TextAsync(file, page: 2));
        Assert.Contains("राहुल शर्मा", second, StringComparison.Ordinal);
        Assert.Contains("محمد العلي", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Иван Петров", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_a_character_that_no_font_has_rather_than_print_an_empty_box()
    {
        // U+30000 is a rare Han character (CJK Extension G) that Noto Sans CJK does not cover.
        var badge = Badge("zh-Hans", "王\U00030000", "WANG Tun");

        var result = BadgeDocument.Render([badge], BadgeLayout.A6);

        var missing = Assert.Single(result.Missing);
        Assert.Equal(0x30000, missing.CodePoint);
        Assert.Equal("Name", missing.Field);
        Assert.Equal("U+30000", missing.CodePointLabel);
    }

    [Fact]
    public async Task Should_shrink_a_long_name_to_fit_and_break_it_onto_two_lines_rather_than_cut_it()
    {
        const string longName = "Maria Fernanda de los Ángeles Gutiérrez-Villanueva y Santa Cruz";
        var badge = Badge("es", longName, "GUTIERREZ-VILLANUEVA Maria");

        var result = BadgeDocument.Render([badge], BadgeLayout.CR80);

        var file = await PdfReadBack.SaveAsync(result.Pdf, "long.pdf");
        var text = await PdfReadBack.TextAsync(file);
        var words = text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in longName.Split(' '))
        {
            Assert.Contains(word, words);
        }
    }

    [Fact]
    public void Should_make_a_batch_of_badges_share_its_fonts_so_each_badge_stays_small()
    {
        var badges = Enumerable.Range(0, 100).Select(i => Badge("zh-Hans", $"张伟{i}", $"ZHANG Wei {i}")).ToList();

        var result = BadgeDocument.Render(badges, BadgeLayout.A6);

        Assert.Equal(100, result.Pages);
        Assert.True(result.Pdf.Length / 100 < 15_000, $"{result.Pdf.Length / 100} bytes per badge");
    }

    private static BadgeData Badge(string language, string nativeName, string latinName) => new()
    {
        ForumNameEn = "China Hunan International Sister Cities Cooperation Forum 2010",
        ForumNameZh = "2010中国湖南国际友好城市合作论坛",
        ForumMark = "HNSC",
        NativeName = nativeName,
        NativeLanguage = language,
        LatinName = latinName,
        HonorificAndPosition = "H.E. Mayor",
        Organization = "City Government",
        Delegation = "Kumamoto · Japan",
        Category = DelegateCategory.Delegate,
        Admits = "22–25 June · Forum halls 论坛会场",
        Token = RandomNumberGenerator.GetHexString(32, lowercase: true),
    };
}

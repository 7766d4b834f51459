using ForumManager.Documents.Letters;
using ForumManager.Testing;

namespace ForumManager.Documents.Tests;

public sealed class VisaLetterDocumentTests
{
    private static VisaLetterData Letter(string reference, string latin, string? native, string? language, string passport) => new()
    {
        Reference = reference,
        IssuedOn = new DateOnly(2010, 5, 10),
        HostEn = "Foreign Affairs Office of the Hunan Provincial People's Government",
        HostZh = "湖南省人民政府外事侨务办公室",
        ForumNameEn = "2010 China Hunan International Sister Cities Cooperation Forum",
        ForumNameZh = "2010中国湖南国际友好城市合作论坛",
        PlaceEn = "Changsha, Hunan, China",
        PlaceZh = "中国湖南长沙",
        ForumStart = new DateOnly(2010, 6, 22),
        ForumEnd = new DateOnly(2010, 6, 24),
        StayFrom = new DateOnly(2010, 6, 21),
        StayTo = new DateOnly(2010, 6, 26),
        LatinName = latin,
        NativeName = native,
        NativeLanguage = language,
        SexEn = "Female",
        SexZh = "女",
        DateOfBirth = "1968-03-14",
        NationalityEn = "Russia",
        NationalityZh = "俄罗斯",
        PassportNumber = passport,
        PassportExpiry = new DateOnly(2015, 1, 31),
        Position = "Deputy Mayor",
        Organization = "Administration of Saint Petersburg",
        SignatoryNameEn = "CHEN Weiming",
        SignatoryNameZh = "陈伟明",
        SignatoryTitleEn = "Director General",
        SignatoryTitleZh = "主任",
    };

    [Fact]
    public async Task Should_state_the_delegates_passport_data_and_the_visit_in_Chinese_and_in_English()
    {
        var letter = Letter("HISCF2010-VL-00042", "IVANOVA Yelena", "Елена Иванова", "ru", "71 2345678");

        var result = VisaLetterDocument.Render([letter]);

        Assert.Empty(result.Missing);
        var file = await PdfReadBack.SaveAsync(result.Pdf, "letter.pdf");
        await PdfReadBack.AssertValidAsync(file);
        // Chinese lines break between characters without a space, so compare with all white space taken out.
        var text = Compact(await PdfReadBack.TextAsync(file));
        foreach (var expected in new[]
        {
            "HISCF2010-VL-00042", "IVANOVA Yelena", "Елена Иванова", "71 2345678", "1968-03-14", "2015-01-31", "Deputy Mayor",
            "中华人民共和国驻俄罗斯使（领）馆", "2010年6月21日至2010年6月26日来华", "请贵馆为其办理赴华签证为盼",
            "Embassy or Consulate-General of the People's Republic of China in Russia", "from 21 June 2010 to 26 June 2010",
            "Attending the forum", "陈伟明", "主任", "CHEN Weiming", "Director General",
        })
        {
            Assert.Contains(Compact(expected), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_sign_for_the_host_under_the_signature_line_when_no_signatory_is_named()
    {
        var letter = Letter("REF-9", "MUELLER Hans", null, null, "DE3333333") with
        {
            SignatoryNameEn = null, SignatoryNameZh = null, SignatoryTitleEn = null, SignatoryTitleZh = null,
        };

        var result = VisaLetterDocument.Render([letter]);

        var file = await PdfReadBack.SaveAsync(result.Pdf, "unsigned.pdf");
        var words = await PdfReadBack.WordsAsync(file);
        // The host's name, whole, on the letterhead, in the English text, and under the signature line.
        var text = Compact(string.Concat(words.Select(w => w.Text)));
        var host = Compact("Foreign Affairs Office of the Hunan Provincial People's Government");
        Assert.Equal(3, (text.Length - text.Replace(host, string.Empty, StringComparison.Ordinal).Length) / host.Length);
        Assert.DoesNotContain("Director", text, StringComparison.Ordinal);
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task Should_print_a_batch_one_letter_to_a_page()
    {
        var letters = new[]
        {
            Letter("REF-1", "TANAKA Yuki", "田中由紀", "ja", "TK1111111"),
            Letter("REF-2", "AL-ALI Mohammed", "محمد العلي", "ar", "AR2222222"),
            Letter("REF-3", "MUELLER Hans", null, null, "DE3333333"),
        };

        var result = VisaLetterDocument.Render(letters);

        var file = await PdfReadBack.SaveAsync(result.Pdf, "letters.pdf");
        await PdfReadBack.AssertValidAsync(file);
        Assert.Equal(3, result.Pages);
        Assert.Contains("田中由紀", PdfReadBack.Flat(await PdfReadBack.TextAsync(file, page: 1)), StringComparison.Ordinal);
        var second = PdfReadBack.Flat(await PdfReadBack.TextAsync(file, page: 2));
        Assert.Contains("محمد العلي", second, StringComparison.Ordinal);
        Assert.DoesNotContain("TK1111111", second, StringComparison.Ordinal);
        Assert.Contains("DE3333333", await PdfReadBack.TextAsync(file, page: 3), StringComparison.Ordinal);
    }
}

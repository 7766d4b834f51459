using System.Security.Cryptography;
using ForumManager.Core.Delegates;
using ForumManager.Documents.Badges;
using ForumManager.Documents.Letters;
using ForumManager.Documents.Lists;
using ForumManager.Testing;

namespace ForumManager.Documents.Tests;

/// <summary>
/// Documents filled with the longest values the forms accept (names of 100 + 100 letters, a name in its own script of
/// 200, positions and organizations of 200, forum and host names of 300), in several scripts, read back with
/// <c>pdftotext -bbox</c>: every word lies at least 5 mm inside its page, and every word of every long value is there.
/// </summary>
public sealed class DocumentFitTests
{
    private const float FiveMm = 5 * 72f / 25.4f;

    /// <summary>The longest values of each form, built from distinct words so that a word left out is noticed.</summary>
    public static class Longest
    {
        // One unbroken word of 100 letters: a family name the form accepts, and the worst case for wrapping.
        public static readonly string FamilyName = Fill("WOLFESCHLEGELSTEINHAUSENBERGERDORFF", 100, "");
        public static readonly string GivenName = Fill("Maximilian Alexander Christopher Sebastian Theodor Friedrich", 100, " ");
        public static readonly string LatinName = FamilyName + " " + GivenName;
        public static readonly string Honorific = Fill("His Excellency the Honourable", 40, " ");
        public static readonly string Position = Fill("Deputy Director General of the Department of International Cooperation and Exchanges", 200, " ");
        public static readonly string Organization = Fill("Municipal People's Government of the Metropolitan Region of Saint Petersburg and Leningrad Oblast", 200, " ");
        public static readonly string City = Fill("Llanfairpwllgwyngyll Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson", 200, " ");
        public static readonly string ForumNameEn = Fill("China Hunan International Sister Cities Cooperation Forum and International Friendship Cities Conference", 300, " ");
        public static readonly string ForumNameZh = Fill("中国湖南国际友好城市合作论坛暨国际友好城市大会", 300, "");
        public static readonly string HostEn = Fill("Foreign Affairs and Overseas Chinese Affairs Office of the Hunan Provincial People's Government", 300, " ");
        public static readonly string HostZh = Fill("湖南省人民政府外事侨务办公室国际友好城市合作交流处", 300, "");
        public static readonly string PlaceEn = Fill("Changsha International Convention and Exhibition Centre, Hunan, China", 200, " ");
        public static readonly string PlaceZh = Fill("中国湖南省长沙市国际会议展览中心", 200, "");
        public static readonly string SignatoryNameEn = Fill("Chen Wei-Ming Alexander", 200, " ");
        public static readonly string SignatoryNameZh = Fill("陈伟明", 200, "");
        public static readonly string SignatoryTitleEn = Fill("Director General and Secretary of the Leading Party Members Group", 300, " ");
        public static readonly string SignatoryTitleZh = Fill("主任、党组书记", 300, "");

        /// <summary>The longest days-and-zones line a badge carries: two months and the longest zone.</summary>
        public const string Admits = "22 June – 24 July 2010 · 6月22日至7月24日\nForum halls, exhibition, banquet · 论坛会场、展览、宴会";

        /// <summary>Names in their own script of the form's longest (200), in scripts that wrap and shape differently.</summary>
        public static TheoryData<string, string> NativeNames => new()
        {
            { "zh-Hans", Fill("欧阳诸葛司马上官皇甫令狐", 200, "") },
            { "ar", Fill("عبد الرحمن بن محمد بن عبد العزيز آل سعود", 200, " ") },
            { "ru", Fill("Александр Владимирович Константинопольский", 200, " ") },
            { "ko", Fill("남궁 민준 서연 제갈 하늘", 200, " ") },
        };

        /// <summary><paramref name="words"/> repeated, numbered so that each repetition differs, cut to exactly <paramref name="length"/>.</summary>
        private static string Fill(string words, int length, string separator)
        {
            var text = words;
            for (var i = 2; text.Length < length; i++)
            {
                text += separator + words;
            }

            return text[..length].TrimEnd();
        }
    }

    public static TheoryData<string, string, BadgeLayout> BadgeCases
    {
        get
        {
            var data = new TheoryData<string, string, BadgeLayout>();
            foreach (var row in Longest.NativeNames)
            {
                foreach (var layout in Enum.GetValues<BadgeLayout>())
                {
                    data.Add((string)row[0], (string)row[1], layout);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadgeCases))]
    public async Task Should_keep_every_word_of_the_longest_badge_inside_the_card_with_5_mm_to_spare(string language, string nativeName, BadgeLayout layout)
    {
        var badge = LongestBadge(language, nativeName);

        var result = BadgeDocument.Render([badge, badge with { Token = Token() }], layout);

        Assert.Empty(result.Missing);
        var words = await WordsAsync(result.Pdf, $"badge-{language}-{layout}.pdf");
        AssertInside(words);
        // The first badge only: on an A4 sheet the badge beside it is read on the same lines.
        var page = words.Where(w => w.Page == 1 && (layout != BadgeLayout.A4 || (w.XMax < w.PageWidth / 2 && w.YMax < w.PageHeight / 2))).ToList();
        AssertAllThere([nativeName, Longest.LatinName, badge.HonorificAndPosition!, Longest.Organization, badge.Delegation!, Longest.ForumNameEn, Longest.ForumNameZh, Longest.Admits, LongestReference], page);
        AssertNoneOverlap(page);
    }

    /// <summary>
    /// An everyday badge: a short name, a short title and the days and zones of a head of delegation. On a CR80 card
    /// the days and zones go across the card above the code, so the person's lines must make room for them.
    /// </summary>
    [Theory]
    [InlineData(BadgeLayout.A6)]
    [InlineData(BadgeLayout.CR80)]
    [InlineData(BadgeLayout.A4)]
    public async Task Should_print_an_everyday_badge_with_no_line_over_another_in_every_layout(BadgeLayout layout)
    {
        var badge = new BadgeData
        {
            ForumNameEn = "2010 China Hunan International Sister Cities Cooperation Forum",
            ForumNameZh = "2010中国湖南国际友好城市合作论坛",
            ForumMark = "HISCF",
            NativeName = "정은정",
            NativeLanguage = "ko",
            LatinName = "JUNG Eunjung",
            HonorificAndPosition = "Ms Mayor",
            Organization = "City of Bucheon",
            Delegation = "Bucheon · South Korea",
            Category = DelegateCategory.HeadOfDelegation,
            Admits = "22–24 June 2010 · 6月22日至6月24日\nAll areas, VIP lounge · 全部区域及贵宾室",
            Token = Token(),
            Reference = "HISCF2010-00044",
        };

        var result = BadgeDocument.Render([badge], layout);

        var words = await WordsAsync(result.Pdf, $"everyday-{layout}.pdf");
        AssertInside(words);
        AssertNoneOverlap(words);
        AssertAllThere([badge.NativeName, badge.LatinName, badge.HonorificAndPosition, badge.Organization, badge.Delegation, badge.Admits, badge.Reference], words);
    }

    [Theory]
    [InlineData(BadgeLayout.A6)]
    [InlineData(BadgeLayout.CR80)]
    [InlineData(BadgeLayout.A4)]
    public async Task Should_print_the_days_and_zones_at_7_points_or_more_in_every_layout(BadgeLayout layout)
    {
        var badge = LongestBadge("zh-Hans", "欧阳明月");

        var result = BadgeDocument.Render([badge], layout);

        // pdftotext gives each word the height of its font's ascent and descent, 1.362 of its size in Noto Sans.
        var words = await WordsAsync(result.Pdf, $"admits-{layout}.pdf");
        string[] admits = ["June", "July", "exhibition,", "banquet"];
        var read = words.Where(w => admits.Contains(w.Text)).ToList();
        Assert.Equal(admits.Length, read.Count);
        Assert.All(read, w => Assert.True(w.Height / 1.362f >= 7f, $"\"{w.Text}\" is {w.Height / 1.362f:0.0} pt"));
    }

    /// <summary>
    /// A VIP's badge opens six zones: each code in its box and, where the badge has room, the legend in both languages, at
    /// 7.5 pt or more, inside the card.
    /// </summary>
    [Theory]
    [InlineData(BadgeLayout.A6)]
    [InlineData(BadgeLayout.CR80)]
    [InlineData(BadgeLayout.A4)]
    public async Task Should_print_each_zone_code_and_its_legend_readable_and_inside_the_badge_in_every_layout(BadgeLayout layout)
    {
        var badge = LongestBadge("zh-Hans", "欧阳明月") with
        {
            Zones =
            [
                new("B", "Banquet hall", "宴会厅"), new("E", "Exhibition", "成果展览"), new("M", "Main hall", "主会场"),
                new("S", "Special-topic forums", "专题论坛会场"), new("T", "Tree-planting site", "植树现场"), new("V", "VIP lounge", "贵宾室"),
            ],
        };

        var result = BadgeDocument.Render([badge], layout);

        var words = await WordsAsync(result.Pdf, $"zones-{layout}.pdf");
        AssertInside(words);
        AssertNoneOverlap(words);
        // A CR80 card gives the legend only the room its person's lines can spare; the A6 badge always has it.
        string[] legend = ["Banquet", "Exhibition", "Main", "Special-topic", "Tree-planting", "lounge"];
        var read = words.Where(w => legend.Contains(w.Text)).ToList();
        Assert.Equal(layout == BadgeLayout.CR80 ? 0 : legend.Length, read.Count);
        Assert.All(read, w => Assert.True(w.Height / 1.362f >= 7.4f, $"\"{w.Text}\" is {w.Height / 1.362f:0.0} pt"));
        foreach (var code in new[] { "B", "E", "M", "S", "T", "V" })
        {
            // Each code in its box, and at the head of its line in the legend where there is one; the box's is the larger.
            var printed = words.Where(w => w.Text == code).OrderByDescending(w => w.Height).ToList();
            Assert.True(printed.Count >= (layout == BadgeLayout.CR80 ? 1 : 2), $"{code} printed {printed.Count} times");
            Assert.True(printed[0].Height / 1.362f >= 9f, $"the box of {code} is {printed[0].Height / 1.362f:0.0} pt");
        }
    }

    public static TheoryData<string, string> NativeNames => Longest.NativeNames;

    [Theory]
    [MemberData(nameof(NativeNames))]
    public async Task Should_keep_the_longest_visa_letter_on_one_page_inside_its_margins_and_sign_it(string language, string nativeName)
    {
        var letter = LongestLetter(language, nativeName);

        var result = VisaLetterDocument.Render([letter]);

        Assert.Empty(result.Missing);
        Assert.Equal(1, result.Pages);
        var words = await WordsAsync(result.Pdf, $"letter-{language}.pdf");
        AssertInside(words);
        AssertAllThere(
        [
            nativeName, Longest.LatinName, Longest.Position, Longest.Organization, Longest.HostEn, Longest.HostZh, Longest.ForumNameEn, Longest.ForumNameZh,
            Longest.PlaceEn, Longest.PlaceZh, Longest.SignatoryNameEn, Longest.SignatoryNameZh, Longest.SignatoryTitleEn, Longest.SignatoryTitleZh,
        ], words);
    }

    [Fact]
    public async Task Should_keep_the_longest_list_inside_its_margins_on_every_page()
    {
        var list = new ListData
        {
            Title = $"Rooming list 住宿名单 · {Longest.HostZh} {Longest.HostEn}",
            Subtitles = [$"{Longest.ForumNameZh} · {Longest.ForumNameEn}", $"{Longest.PlaceZh} · {Longest.PlaceEn}"],
            Columns = [new("Room 房号", 10), new("Guest 宾客", 20), new("Name in own script 本国文字姓名", 20), new("Delegation 代表团", 20), new("Notes 备注", 18)],
            Rows = Enumerable.Range(0, 12).Select(i => new ListRow(
                [$"{i + 1:D4}-ABCDEFGHIJKLMNOP", $"{Longest.Honorific} {Longest.LatinName}", new ListCell((string)Longest.NativeNames.ElementAt(i % 4)[1], (string)Longest.NativeNames.ElementAt(i % 4)[0]), Longest.City, Longest.Organization],
                Group: i / 2, Mark: i % 3 == 0 ? "CANCELLED 取消" : null)).ToList(),
            Footer = $"HISCF2010 · {Longest.ForumNameEn}",
        };

        var result = ListDocument.Render(list);

        Assert.Empty(result.Missing);
        var words = await WordsAsync(result.Pdf, "list.pdf");
        AssertInside(words);
        Assert.True(result.Pages > 1, "twelve rows of the longest values take more than one page");
        AssertAllThere([.. list.Rows.SelectMany(r => r.Cells.Select(c => c.Text)), list.Title, .. list.Subtitles], words);
    }

    private static BadgeData LongestBadge(string language, string nativeName) => new()
    {
        ForumNameEn = Longest.ForumNameEn,
        ForumNameZh = Longest.ForumNameZh,
        ForumMark = "HISCF",
        NativeName = nativeName,
        NativeLanguage = language,
        LatinName = Longest.LatinName,
        HonorificAndPosition = $"{Longest.Honorific} {Longest.Position}",
        Organization = Longest.Organization,
        Delegation = $"{Longest.City} · Russian Federation",
        Category = DelegateCategory.HeadOfDelegation,
        Admits = Longest.Admits,
        Token = Token(),
        Reference = LongestReference,
    };

    /// <summary>The forum's longest acronym (32 characters) and a five-digit number.</summary>
    private const string LongestReference = "HISCF2010-ABCDEFGHIJKLMNOPQRSTUVW-00221";

    private static VisaLetterData LongestLetter(string language, string nativeName) => new()
    {
        Reference = "HISCF2010-ABCDEFGHIJKLMNOPQRSTUVW-VL-00221",
        IssuedOn = new DateOnly(2010, 5, 10),
        HostEn = Longest.HostEn,
        HostZh = Longest.HostZh,
        ForumNameEn = Longest.ForumNameEn,
        ForumNameZh = Longest.ForumNameZh,
        PlaceEn = Longest.PlaceEn,
        PlaceZh = Longest.PlaceZh,
        ForumStart = new DateOnly(2010, 6, 22),
        ForumEnd = new DateOnly(2010, 6, 24),
        StayFrom = new DateOnly(2010, 6, 20),
        StayTo = new DateOnly(2010, 6, 26),
        LatinName = Longest.LatinName,
        NativeName = nativeName,
        NativeLanguage = language,
        SexEn = "Female",
        SexZh = "女",
        DateOfBirth = "1968-03-14",
        NationalityEn = "Saint Vincent and the Grenadines",
        NationalityZh = "圣文森特和格林纳丁斯",
        PassportNumber = "ABCDEFGHIJ0123456789",
        PassportExpiry = new DateOnly(2015, 1, 31),
        Position = Longest.Position,
        Organization = Longest.Organization,
        SignatoryNameEn = Longest.SignatoryNameEn,
        SignatoryNameZh = Longest.SignatoryNameZh,
        SignatoryTitleEn = Longest.SignatoryTitleEn,
        SignatoryTitleZh = Longest.SignatoryTitleZh,
    };

    private static string Token() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    private static async Task<IReadOnlyList<PdfWord>> WordsAsync(byte[] pdf, string name)
    {
        var file = await PdfReadBack.SaveAsync(pdf, name);
        await PdfReadBack.AssertValidAsync(file);
        var words = await PdfReadBack.WordsAsync(file);
        Assert.NotEmpty(words);
        return words;
    }

    private static void AssertInside(IReadOnlyList<PdfWord> words)
    {
        var outside = words.Where(w => w.Clearance < FiveMm).ToList();
        Assert.True(outside.Count == 0, "words closer than 5 mm to the page's edge: " + string.Join(", ", outside.Take(10).Select(w => $"\"{w.Text}\" on page {w.Page} at {w.XMin:0.#},{w.YMin:0.#}–{w.XMax:0.#},{w.YMax:0.#} of {w.PageWidth:0.#}×{w.PageHeight:0.#}")));
    }

    /// <summary>
    /// No word printed over another. pdftotext gives a Chinese word set in a Type 3 font the height of the font's whole
    /// box, about twice what the glyphs take, so each word is judged by the middle two fifths of its box: lines set
    /// one above the other are apart by more than that, and a word printed over another shares it.
    /// </summary>
    private static void AssertNoneOverlap(IReadOnlyList<PdfWord> words)
    {
        var overlaps = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            for (var j = i + 1; j < words.Count; j++)
            {
                var (a, b) = (words[i], words[j]);
                var across = Math.Min(a.XMax, b.XMax) - Math.Max(a.XMin, b.XMin);
                var down = Math.Min(a.YMax - 0.3f * a.Height, b.YMax - 0.3f * b.Height) - Math.Max(a.YMin + 0.3f * a.Height, b.YMin + 0.3f * b.Height);
                if (across > 0.5f && down > 0)
                {
                    overlaps.Add($"\"{a.Text}\" and \"{b.Text}\" at {a.XMin:0.#},{a.YMin:0.#}");
                }
            }
        }

        Assert.True(overlaps.Count == 0, $"{overlaps.Count} words printed over others: " + string.Join(", ", overlaps.Take(10)));
    }

    /// <summary>
    /// Every character of the values, as many times as they have it, among the words read back. pdftotext reads
    /// Chinese beside Latin text and right-to-left lines in an order of its own, so the words are counted rather than
    /// read in order; a word cut at the edge of a box, or a line left out, would lower the count.
    /// </summary>
    private static void AssertAllThere(IEnumerable<string> values, IReadOnlyList<PdfWord> words)
    {
        var have = Count(words.Select(w => w.Text));
        var short_ = Count(values).Where(c => have.GetValueOrDefault(c.Key) < c.Value).Select(c => $"'{c.Key}' {have.GetValueOrDefault(c.Key)} of {c.Value}").ToList();
        Assert.True(short_.Count == 0, "characters missing from the page: " + string.Join(", ", short_));
    }

    private static Dictionary<string, int> Count(IEnumerable<string> texts) => texts
        .SelectMany(t => t.Normalize(System.Text.NormalizationForm.FormKC).EnumerateRunes())
        .Where(r => !System.Text.Rune.IsWhiteSpace(r))
        .Select(r => r.ToString())
        .GroupBy(e => e)
        .ToDictionary(g => g.Key, g => g.Count());

}

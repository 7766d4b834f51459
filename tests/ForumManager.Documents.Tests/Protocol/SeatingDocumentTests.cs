using ForumManager.Core.Protocol;
using ForumManager.Documents.Protocol;
using ForumManager.Testing;
using SkiaSharp;

namespace ForumManager.Documents.Tests.Protocol;

/// <summary>The seating documents read back as a reader meets them: every name in its own script, every word on the page.</summary>
public sealed class SeatingDocumentTests
{
    /// <summary>Names in the scripts a sister-city forum brings, with the language that picks each one's typeface.</summary>
    public static readonly (string Language, string Native, string Latin)[] People =
    [
        ("zh-Hans", "王小明", "WANG Xiaoming"),
        ("ja", "山田太郎", "YAMADA Taro"),
        ("ko", "김민준", "KIM Minjun"),
        ("ru", "Иван Петров", "PETROV Ivan"),
        ("ar", "محمد العلي", "AL-ALI Mohammed"),
        ("th", "สมชาย ใจดี", "JAIDEE Somchai"),
        ("hi", "राहुल शर्मा", "SHARMA Rahul"),
        ("en", "", "SMITH John"),
    ];

    private static readonly ProtocolHeading Heading = new("Welcome banquet", "欢迎晚宴", "Grand Ballroom 大宴会厅", "23 June 2010 19:00–21:00", "China Hunan International Sister Cities Cooperation Forum", "中国湖南国际友好城市合作论坛");

    private static ProtocolPerson Person(int i)
    {
        var (language, native, latin) = People[i % People.Length];
        return new ProtocolPerson(latin, native.Length == 0 ? null : native, language, "Mayor 市长", "Sister city 友城 " + (i % People.Length), latin);
    }

    private static PrintedSeating Plan(int tables, int seatsEach = 10, LayoutShape shape = LayoutShape.RoundTables)
    {
        var layout = new SeatLayout { NameEn = "Banquet", NameZh = "宴会", Shape = shape, Tables = tables, SeatsPerTable = seatsEach, HeadSeats = shape == LayoutShape.HeadTableAndRows ? 8 : 0, AisleAfter = SeatLayouts.HasRows(shape) ? seatsEach / 2 : null };
        var map = SeatLayouts.Map(layout);
        var seated = map.Seats.Where(s => !(s.Table == 1 && s.Seat == 2)).Select((s, i) => new SeatedPerson(s.Table, s.Seat, false, Person(i))).ToList();
        return new PrintedSeating(Heading, shape, map, seated, [new ReservedMark(1, 2, SeatPurpose.Interpreter, null)]);
    }

    [Fact]
    public async Task Should_print_every_name_in_its_own_script_on_the_seat_map_and_keep_every_word_on_its_page()
    {
        var plan = Plan(tables: 3);

        // A consecutive interpreter on a chair behind the host.
        plan = plan with { Seated = [.. plan.Seated, new SeatedPerson(1, 1, true, new ProtocolPerson("CHEN Jing", "陈静", "zh-Hans", null, null, "Chen Jing"))] };

        var result = SeatMapDocument.Render(plan);

        Assert.Empty(result.Missing);
        var file = await PdfReadBack.SaveAsync(result.Pdf, "seat-map.pdf");
        await PdfReadBack.AssertValidAsync(file);
        var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(file));
        foreach (var (_, native, latin) in People)
        {
            Assert.Contains(latin, text, StringComparison.Ordinal);
            if (native.Length > 0)
            {
                Assert.Contains(native, text, StringComparison.Ordinal);
            }
        }

        Assert.Contains("Welcome banquet", text, StringComparison.Ordinal);
        Assert.Contains("欢迎晚宴", text, StringComparison.Ordinal);
        Assert.Contains("Interpreter", text, StringComparison.Ordinal);
        Assert.Contains("陈静", text, StringComparison.Ordinal);
        AssertInsidePages(await PdfReadBack.WordsAsync(file));
    }

    [Theory]
    [InlineData(200, 10, LayoutShape.RoundTables)]
    [InlineData(12, 30, LayoutShape.HeadTableAndRows)]
    [InlineData(1, 24, LayoutShape.HollowSquare)]
    [InlineData(1, 20, LayoutShape.UShape)]
    public async Task Should_spread_a_large_room_over_pages_with_an_overview_and_keep_every_name_readable(int tables, int seatsEach, LayoutShape shape)
    {
        var plan = Plan(tables, seatsEach, shape);

        var result = SeatMapDocument.Render(plan, SeatMapPaper.A3);

        var file = await PdfReadBack.SaveAsync(result.Pdf, $"seat-map-{shape}.pdf");
        var words = await PdfReadBack.WordsAsync(file);
        AssertInsidePages(words);
        if (tables == 200)
        {
            // An overview, then pages of a few tables each at a scale that keeps names at a readable size.
            Assert.True(result.Pages > 20, $"{result.Pages} pages");
            var names = words.Where(w => w.Page > 1 && w.Text == "SMITH").ToList();
            Assert.NotEmpty(names);
            Assert.All(names, w => Assert.True(w.Height >= 6, $"a name {w.Height:0.0} points high on page {w.Page}"));
            Assert.Contains(words, w => w.Page == 1 && w.Text == "200");
        }

        Assert.Equal(plan.Seated.Count, words.Count(w => People.Any(p => p.Latin.StartsWith(w.Text + " ", StringComparison.Ordinal)) && w.Page > (result.Pages > 1 && tables > 1 ? 1 : 0)));
    }

    [Fact]
    public async Task Should_fit_a_banquet_of_22_tables_on_A4_pages_after_an_overview()
    {
        var plan = Plan(tables: 22);

        var result = SeatMapDocument.Render(plan, SeatMapPaper.A4);

        var file = await PdfReadBack.SaveAsync(result.Pdf, "seat-map-a4.pdf");
        var words = await PdfReadBack.WordsAsync(file);
        AssertInsidePages(words);
        Assert.All(words, w => Assert.Equal((842f, 595f), (MathF.Round(w.PageWidth), MathF.Round(w.PageHeight))));
        Assert.InRange(result.Pages, 4, 14);
        Assert.Equal(plan.Seated.Count(s => s.Person.LatinName == "SMITH John"), words.Count(w => w.Page > 1 && w.Text == "SMITH"));
    }

    [Fact]
    public async Task Should_print_a_tent_card_whose_upper_face_is_the_lower_one_turned_over()
    {
        var cards = People.Select((p, i) => new PlaceCard(Person(i), SeatWords.SeatBoth(LayoutShape.RoundTables, 5, i + 1))).ToList();

        var result = PlaceCardsDocument.Render(cards);

        Assert.Empty(result.Missing);
        Assert.Equal(People.Length, result.Pages);
        var file = await PdfReadBack.SaveAsync(result.Pdf, "place-cards.pdf");
        await PdfReadBack.AssertValidAsync(file);
        var words = await PdfReadBack.WordsAsync(file);
        AssertInsidePages(words);
        for (var page = 1; page <= People.Length; page++)
        {
            var (_, native, latin) = People[page - 1];
            var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(file, page));

            // The face the reader meets upright carries the own script (or the Latin name alone); both faces carry the Latin name.
            Assert.Contains(native.Length > 0 ? native : latin, text, StringComparison.Ordinal);
            var (family, given) = (latin.Split(' ')[0], latin.Split(' ')[1]);
            Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(family)).Count);

            // Both faces' words lie clear of the fold, one set in each half; on the upper half the name runs right to left
            // across the page, because that face is turned over.
            var onPage = words.Where(w => w.Page == page).ToList();
            var half = onPage[0].PageHeight / 2;
            var upper = (Family: onPage.Single(w => w.Text == family && w.YMax < half), Given: onPage.Single(w => w.Text == given && w.YMax < half));
            var lower = (Family: onPage.Single(w => w.Text == family && w.YMin > half), Given: onPage.Single(w => w.Text == given && w.YMin > half));
            Assert.True(lower.Family.XMin < lower.Given.XMin, "the lower face reads left to right");
            Assert.True(upper.Family.XMin > upper.Given.XMin, "the upper face is turned over");
        }

        // Turned over, the upper half is the lower half: the face reads the right way up from either side of the table.
        var png = await PdfReadBack.RenderAsync(file, page: 1, dpi: 60);
        using var bitmap = SKBitmap.Decode(png);
        var (unmatched, inked, upperInked) = (0, 0, 0);
        var halfHeight = bitmap.Height / 2;
        bool Dark(int x, int y) => x >= 0 && y >= 0 && x < bitmap.Width && y < bitmap.Height && bitmap.GetPixel(x, y).Red < 128;
        for (var y = 0; y < halfHeight; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                upperInked += Dark(x, y) ? 1 : 0;
                if (!Dark(x, bitmap.Height - halfHeight + y))
                {
                    continue;
                }

                // The same ink, turned over, within a pixel (the page's width is not a whole number of pixels).
                inked++;
                var (ux, uy) = (bitmap.Width - 1 - x, halfHeight - 1 - y);
                var found = false;
                for (var dy = -1; dy <= 1 && !found; dy++)
                {
                    for (var dx = -1; dx <= 1 && !found; dx++)
                    {
                        found = Dark(ux + dx, uy + dy);
                    }
                }

                unmatched += found ? 0 : 1;
            }
        }

        Assert.True(unmatched < inked / 20, $"{unmatched} of {inked} dark pixels of the lower face are not on the upper face turned over");
        Assert.InRange(upperInked, inked * 0.9, inked * 1.1);
        Assert.True(inked > 500, $"{inked} dark pixels on the lower face");

        // Nothing is printed within 8 mm of the fold, except the fold's own ticks in the margins.
        var band = (int)(8 / 25.4 * 60);
        for (var y = halfHeight - band; y < halfHeight + band; y++)
        {
            for (var x = band * 2; x < bitmap.Width - band * 2; x++)
            {
                Assert.True(bitmap.GetPixel(x, y).Red > 200, $"ink at {x},{y} by the fold");
            }
        }

    }

    [Fact]
    public async Task Should_print_a_card_for_each_table_and_a_door_list_in_alphabetical_order()
    {
        var plan = Plan(tables: 3);

        var tables = TableCardsDocument.Render(plan, withNames: true);
        var list = SeatingListDocument.Render(plan);

        Assert.Empty(tables.Missing);
        Assert.Empty(list.Missing);
        Assert.Equal(3, tables.Pages);
        var tableFile = await PdfReadBack.SaveAsync(tables.Pdf, "table-cards.pdf");
        AssertInsidePages(await PdfReadBack.WordsAsync(tableFile));
        var second = PdfReadBack.Flat(await PdfReadBack.TextAsync(tableFile, 2));
        Assert.Contains("Table 2", second, StringComparison.Ordinal);
        Assert.Contains("第2桌", second, StringComparison.Ordinal);
        Assert.Contains("山田太郎", second, StringComparison.Ordinal);

        var listFile = await PdfReadBack.SaveAsync(list.Pdf, "seating-list.pdf");
        AssertInsidePages(await PdfReadBack.WordsAsync(listFile));
        var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(listFile));
        Assert.Contains("Table 1, seat 1", text, StringComparison.Ordinal);
        Assert.Contains("第1桌1号座", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var (_, native, _) in People.Where(p => p.Native.Length > 0))
        {
            Assert.Contains(native, text, StringComparison.Ordinal);
        }

        // Alphabetical by Latin family name: AL-ALI before JAIDEE before WANG before YAMADA.
        var order = new[] { "AL-ALI", "JAIDEE", "KIM", "PETROV", "SHARMA", "SMITH", "WANG", "YAMADA" }.Select(n => text.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.Equal(order.Order(), order);
    }

    private static void AssertInsidePages(IReadOnlyList<PdfWord> words)
    {
        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.True(w.XMin >= 0 && w.YMin >= 0 && w.XMax <= w.PageWidth && w.YMax <= w.PageHeight, $"'{w.Text}' on page {w.Page} at {w.XMin:0},{w.YMin:0}–{w.XMax:0},{w.YMax:0} outside {w.PageWidth:0}×{w.PageHeight:0}"));
    }
}

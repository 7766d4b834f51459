using System.Diagnostics;
using System.Text;
using ForumManager.Features.Imports;

namespace ForumManager.Web.Tests.Admin.Imports;

/// <summary>
/// The import's reader, given the files that once tied up the server: each is refused (or read) within two seconds and
/// with less than 100 MB allocated. Memory is measured as the bytes allocated by the reading thread, which bounds how
/// much the process can grow by the reading and is not disturbed by the tests that run beside it.
/// </summary>
public sealed class ImportBoundsTests
{
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(2);
    private const long MemoryBound = 100L * 1024 * 1024;
    private static readonly string[] Required = ["email"];

    private static readonly Lazy<byte[]> HugeCell = new(ImportCraftedFiles.FourHundredMillionCharacterCell);

    /// <summary>Reads a file as the import does, and what it cost; the exception it was refused with, if it was.</summary>
    private static (IReadOnlyList<ImportRow>? Rows, ImportFileException? Refusal, TimeSpan Elapsed, long Allocated) Read(
        string fileName, byte[] content, CancellationToken ct = default)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        try
        {
            var rows = ImportFile.Read(fileName, content, Required, ct);
            return (rows, null, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated);
        }
        catch (ImportFileException refusal)
        {
            return (null, refusal, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated);
        }
    }

    private static void AssertRefused(string fileName, byte[] content, string messageKey, params object[] arguments)
    {
        var (rows, refusal, elapsed, allocated) = Read(fileName, content);
        Assert.Null(rows);
        Assert.Equal(messageKey, refusal!.MessageKey);
        Assert.Equal(arguments, refusal.Arguments);
        AssertCheap(elapsed, allocated);
    }

    private static void AssertCheap(TimeSpan elapsed, long allocated)
    {
        Assert.True(elapsed < TimeBound, $"took {elapsed.TotalSeconds:0.00} s");
        Assert.True(allocated < MemoryBound, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void Should_refuse_a_workbook_with_a_value_at_column_XFD_on_every_row_at_its_first_row()
    {
        var file = ImportCraftedFiles.ValueAtColumnXfdOnEveryRow();
        Assert.True(file.Length < 64 * 1024, $"{file.Length} bytes");

        AssertRefused("delegates.xlsx", file, "Import_TooManyColumns", ImportFile.MaxColumns, 1, "XFD");
    }

    [Fact]
    public void Should_read_a_workbook_by_its_rows_whatever_its_dimension_tag_claims()
    {
        var withRows = ImportCraftedFiles.WholeGridDimension(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>");
        var (rows, refusal, elapsed, allocated) = Read("delegates.xlsx", withRows);
        Assert.Null(refusal);
        Assert.Equal([(2, "a@example.org")], rows!.Select(r => (r.Number, r["email"])));
        AssertCheap(elapsed, allocated);

        AssertRefused("delegates.xlsx", ImportCraftedFiles.WholeGridDimension(string.Empty), "Import_EmptyFile");
    }

    [Fact]
    public void Should_refuse_a_workbook_whose_one_cell_unpacks_to_400_million_characters()
    {
        Assert.InRange(HugeCell.Value.Length, 100 * 1024, ImportFile.MaxBytes);

        AssertRefused("delegates.xlsx", HugeCell.Value, "Import_TooBigUnpacked", ImportFile.MaxUnpackedBytes / 1024 / 1024);
    }

    [Fact]
    public void Should_refuse_a_workbook_whose_zip_entry_declares_less_than_it_holds()
    {
        AssertRefused("delegates.xlsx", ImportCraftedFiles.WithDeclaredSize(HugeCell.Value, "xl/sharedStrings.xml", 4096), "Import_Unreadable");
    }

    [Fact]
    public void Should_refuse_a_cell_longer_than_a_cell_may_be_naming_its_row_and_column()
    {
        var inline = ImportCraftedFiles.Workbook(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
            + $"<row r=\"3\"><c r=\"C3\" t=\"inlineStr\"><is><t>{new string('x', ImportFile.MaxCellCharacters + 1)}</t></is></c></row>",
            sharedStrings: ["email"]);
        AssertRefused("delegates.xlsx", inline, "Import_CellTooLong", ImportFile.MaxCellCharacters, 3, "C");

        var shared = ImportCraftedFiles.Workbook(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"B2\" t=\"s\"><v>1</v></c></row>",
            sharedStrings: ["email", new string('y', ImportFile.MaxCellCharacters + 1)]);
        AssertRefused("delegates.xlsx", shared, "Import_CellTooLong", ImportFile.MaxCellCharacters, 2, "B");

        // Millions of characters fit within what a workbook may unpack to; they are read in chunks, never held whole.
        var number = ImportCraftedFiles.Workbook(
            $"<row r=\"1\"><c r=\"A1\"><v>{new string('9', ImportFile.MaxUnpackedBytes - 4096)}</v></c></row>");
        AssertRefused("delegates.xlsx", number, "Import_CellTooLong", ImportFile.MaxCellCharacters, 1, "A");
    }

    [Fact]
    public void Should_refuse_a_workbook_with_more_shared_strings_or_more_text_than_a_sheet_to_import_needs()
    {
        var many = ImportCraftedFiles.Workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
            sharedStrings: ["email", .. Enumerable.Range(0, ImportFile.MaxSharedStrings).Select(i => string.Empty)]);
        AssertRefused("delegates.xlsx", many, "Import_TooManyTexts", ImportFile.MaxSharedStrings);

        var long4000 = new string('z', ImportFile.MaxCellCharacters);
        var text = ImportCraftedFiles.Workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
            sharedStrings: ["email", .. Enumerable.Repeat(long4000, (ImportFile.MaxSharedStringCharacters / ImportFile.MaxCellCharacters) + 1)]);
        AssertRefused("delegates.xlsx", text, "Import_TooMuchText", ImportFile.MaxSharedStringCharacters);
    }

    [Fact]
    public void Should_refuse_a_workbook_whose_cells_use_one_long_text_over_and_over_before_reading_it_all()
    {
        var file = ImportCraftedFiles.OneLongTextInEveryCell();
        Assert.True(file.Length < 100 * 1024, $"{file.Length} bytes");

        AssertRefused("delegates.xlsx", file, "Import_TooMuchCellText", ImportFile.MaxTextCharacters);
    }

    [Fact]
    public void Should_read_a_file_whose_cells_hold_as_much_text_as_the_bound_allows()
    {
        // Rows of four cells of 1,000 characters, as many as fit within the bound, two texts used over and over.
        var sheet = new StringBuilder("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>");
        var rows = (ImportFile.MaxTextCharacters - "emailnotesmoreother".Length) / 4000;
        for (var r = 2; r <= rows + 1; r++)
        {
            sheet.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>4</v></c><c r=\"B{r}\" t=\"s\"><v>5</v></c><c r=\"C{r}\" t=\"s\"><v>5</v></c><c r=\"D{r}\" t=\"s\"><v>5</v></c></row>");
        }

        var file = ImportCraftedFiles.Workbook(sheet.ToString(),
            sharedStrings: ["email", "notes", "more", "other", new string('a', 988) + "@example.org", new string('x', 1000)]);

        var (read, refusal, elapsed, allocated) = Read("delegates.xlsx", file);

        Assert.Null(refusal);
        Assert.Equal(rows, read!.Count);
        AssertCheap(elapsed, allocated);
    }

    [Fact]
    public void Should_stop_reading_a_long_sheet_at_the_first_row_past_the_limit()
    {
        var sheet = new StringBuilder("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
        for (var r = 2; r <= 100_000; r++)
        {
            sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>1</v></c></row>");
        }

        AssertRefused("delegates.xlsx", ImportCraftedFiles.Workbook(sheet.ToString(), sharedStrings: ["email", "a@example.org"]),
            "Import_TooManyRows", ImportFile.MaxRows);
    }

    [Fact]
    public void Should_read_a_workbook_that_unpacks_to_just_under_the_bound_within_the_time()
    {
        // The most a workbook can make the reader do: a sheet as large as the bound allows, of cells to skip.
        var sheet = new StringBuilder("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>");
        while (sheet.Length < ImportFile.MaxUnpackedBytes - 4096)
        {
            sheet.Append("<c r=\"XFD1\" s=\"0\"/>");
        }

        AssertRefused("delegates.xlsx", ImportCraftedFiles.Workbook(sheet.Append("</row>").ToString(), sharedStrings: ["email"]), "Import_NoRows");
    }

    [Fact]
    public void Should_refuse_a_cell_reference_of_millions_of_letters()
    {
        var sheet = $"<row r=\"1\"><c r=\"{new string('A', ImportFile.MaxUnpackedBytes - 4096)}1\" t=\"s\"><v>0</v></c></row>";

        AssertRefused("delegates.xlsx", ImportCraftedFiles.Workbook(sheet, sharedStrings: ["email"]), "Import_Unreadable");
    }

    [Fact]
    public void Should_read_a_workbook_as_Excel_shows_it()
    {
        // As Excel writes it: shared strings with rich-text runs and a Japanese reading guide, an inline string, the
        // built-in short-date format (14), a Chinese custom date format, a decimal format, a boolean, a column left
        // empty, cells without references, empty cells far to the right, and rows with gaps between them.
        var styles = "<numFmts count=\"2\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
            + "<numFmt numFmtId=\"177\" formatCode=\"&quot;+&quot;0\"/></numFmts>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
            + "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"176\"/><xf numFmtId=\"2\"/><xf numFmtId=\"177\"/></cellXfs>";
        string[] shared =
        [
            "family_name", "given_name", "native_name", "email", "arrival", "quota", "phone", "vip",
        ];
        var header = string.Concat(shared.Select((_, i) => $"<c t=\"s\"><v>{i}</v></c>"));
        var sharedStrings = string.Concat(shared.Select(s => $"<si><t>{s}</t></si>"))
            + "<si><r><rPr><b/></rPr><t>Yama</t></r><r><t xml:space=\"preserve\">da </t></r></si>"
            + "<si><t>山田太郎</t><rPh sb=\"0\" eb=\"4\"><t>ヤマダタロウ</t></rPh><phoneticPr fontId=\"1\"/></si>";
        var workbook = ImportCraftedFiles.Zip(ImportCraftedFiles.Package(
            $"<row r=\"1\">{header}</row>"
            + "<row r=\"2\" spans=\"1:8\"/>"
            + "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>8</v></c><c r=\"C4\" t=\"s\"><v>9</v></c>"
            + "<c r=\"D4\" t=\"inlineStr\"><is><t>taro@example.org</t></is></c><c r=\"E4\" s=\"1\"><v>40352</v></c>"
            + "<c r=\"F4\" s=\"3\"><v>6</v></c><c r=\"G4\" s=\"4\"><v>81963282111</v></c><c r=\"H4\" t=\"b\"><v>1</v></c>"
            + "<c r=\"XFD4\" s=\"1\"/></row>"
            + "<row r=\"5\"><c r=\"B5\" t=\"inlineStr\"><is><t>Hanako</t></is></c><c r=\"D5\" t=\"str\"><f>LOWER(\"H@EXAMPLE.ORG\")</f><v>h@example.org</v></c>"
            + "<c r=\"E5\" s=\"2\"><v>40352.75</v></c></row>",
            ImportCraftedFiles.Part("xl/sharedStrings.xml", $"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{sharedStrings}</sst>"))
            .Append(ImportCraftedFiles.Part("xl/styles.xml", $"<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{styles}</styleSheet>")));

        var (rows, refusal, _, _) = Read("delegates.xlsx", workbook);

        Assert.Null(refusal);
        Assert.Equal(
        [
            (4, "Yamada", null, "山田太郎", "taro@example.org", "2010-06-23", "6", "81963282111", "TRUE"),
            (5, null, "Hanako", null, "h@example.org", "2010-06-23 18:00", null, null, null),
        ], rows!.Select(r => (r.Number, r["familyname"], r["givenname"], r["nativename"], r["email"], r["arrival"], r["quota"], r["phone"], r["vip"])));
    }

    [Fact]
    public void Should_read_the_first_sheet_of_the_workbook_wherever_its_part_is()
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var parts = ImportCraftedFiles.Package("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>not this one</t></is></c></row>");
        parts.RemoveAll(p => p.Name is "xl/workbook.xml" or "xl/_rels/workbook.xml.rels");
        parts.Add(ImportCraftedFiles.Part("xl/workbook.xml",
            $"<x:workbook xmlns:x=\"{main}\" xmlns:rel=\"{relationships}\"><x:sheets><x:sheet name=\"Import\" sheetId=\"2\" rel:id=\"rId7\"/>"
            + "<x:sheet name=\"Notes\" sheetId=\"1\" rel:id=\"rId1\"/></x:sheets></x:workbook>"));
        parts.Add(ImportCraftedFiles.Part("xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + $"<Relationship Id=\"rId1\" Type=\"{relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + $"<Relationship Id=\"rId7\" Type=\"{relationships}/worksheet\" Target=\"/xl/worksheets/import.xml\"/></Relationships>"));
        parts.Add(ImportCraftedFiles.Part("xl/worksheets/import.xml",
            $"<x:worksheet xmlns:x=\"{main}\"><x:sheetData><x:row><x:c t=\"inlineStr\"><x:is><x:t>email</x:t></x:is></x:c></x:row>"
            + "<x:row><x:c t=\"inlineStr\"><x:is><x:t>first@example.org</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"));

        var (rows, refusal, _, _) = Read("delegates.xlsx", ImportCraftedFiles.Zip(parts));

        Assert.Null(refusal);
        Assert.Equal([(2, "first@example.org")], rows!.Select(r => (r.Number, r["email"])));
    }

    [Fact]
    public void Should_stop_reading_when_the_request_is_cancelled()
    {
        var sheet = string.Concat(Enumerable.Range(1, 50).Select(r => $"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>row {r}</t></is></c></row>"));
        var workbook = ImportCraftedFiles.Workbook(sheet);
        var csv = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 50).Select(r => $"row {r}\r\n")));

        foreach (var rows in new Func<CancellationToken, IEnumerable<SheetRow>>[]
        {
            ct => XlsxSheetReader.Rows(workbook, ct),
            ct => Csv.Rows(Encoding.UTF8.GetString(csv), ',', ct),
        })
        {
            using var cancel = new CancellationTokenSource();
            using var reading = rows(cancel.Token).GetEnumerator();
            Assert.True(reading.MoveNext());
            Assert.Equal(1, reading.Current.Number);

            cancel.Cancel();

            Assert.Throws<OperationCanceledException>(() => reading.MoveNext());
        }

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => ImportFile.Read("delegates.xlsx", workbook, Required, cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => ImportFile.Read("delegates.csv", csv, Required, cancelled.Token));
    }

    [Fact]
    public void Should_hold_a_CSV_file_to_the_same_row_column_and_cell_bounds()
    {
        var header = "email," + string.Join(',', Enumerable.Range(2, ImportFile.MaxColumns - 1).Select(c => $"c{c}"));

        AssertRefused("delegates.csv", Encoding.UTF8.GetBytes($"{header}\r\na@example.org{new string(',', ImportFile.MaxColumns)}x\r\n"),
            "Import_TooManyColumns", ImportFile.MaxColumns, 2, ImportFile.ColumnName(ImportFile.MaxColumns + 1));
        AssertRefused("delegates.csv", Encoding.UTF8.GetBytes($"email,notes\r\na@example.org,\"{new string('x', ImportFile.MaxCellCharacters + 1)}\"\r\n"),
            "Import_CellTooLong", ImportFile.MaxCellCharacters, 2, "B");
        AssertRefused("delegates.csv", Encoding.UTF8.GetBytes("email\r\n" + string.Concat(Enumerable.Range(0, ImportFile.MaxRows + 1).Select(i => $"a{i}@example.org\r\n"))),
            "Import_TooManyRows", ImportFile.MaxRows);
        AssertRefused("delegates.csv", Encoding.UTF8.GetBytes(new string('\n', ImportFile.MaxBytes)), "Import_EmptyFile");
        AssertRefused("delegates.csv", Encoding.UTF8.GetBytes("email\n" + new string(',', ImportFile.MaxBytes - 8)), "Import_NoRows");

        // Empty fields past the last column, as some programs write them, are not a value.
        var (rows, refusal, _, _) = Read("delegates.csv", Encoding.UTF8.GetBytes($"email{new string(',', 300)}\r\na@example.org{new string(',', 300)}\r\n"));
        Assert.Null(refusal);
        Assert.Equal("a@example.org", Assert.Single(rows!)["email"]);
    }
}

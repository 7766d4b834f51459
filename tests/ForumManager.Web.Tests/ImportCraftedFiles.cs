using System.IO.Compression;
using System.Text;
using ForumManager.Features.Imports;

namespace ForumManager.Web.Tests;

/// <summary>
/// Workbooks and CSV files written part by part, as a careless program or an attacker could write them: the crafted
/// files that once tied up the server, and workbooks as Excel writes them (shared strings, rich text, date formats).
/// </summary>
internal static class ImportCraftedFiles
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Rows 1 to 1,000, each with one value, at column XFD (the last column Excel has).</summary>
    public static byte[] ValueAtColumnXfdOnEveryRow() => Workbook(
        string.Concat(Enumerable.Range(1, 1000).Select(r => $"<row r=\"{r}\"><c r=\"XFD{r}\" t=\"s\"><v>0</v></c></row>")),
        sharedStrings: ["x"]);

    /// <summary>A sheet that claims every cell of the grid in its dimension tag and holds <paramref name="sheetData"/>.</summary>
    public static byte[] WholeGridDimension(string sheetData) => Workbook(sheetData, sharedStrings: ["email", "a@example.org"], dimension: "A1:XFD1048576");

    /// <summary>One shared string of 400 million characters: about 400 KB packed.</summary>
    public static byte[] FourHundredMillionCharacterCell() => Zip(Package(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
        ("xl/sharedStrings.xml", stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes($"<sst xmlns=\"{Main}\" count=\"1\" uniqueCount=\"1\"><si><t>"));
            var run = new byte[1 << 20];
            Array.Fill(run, (byte)'a');
            for (var i = 0; i < 400_000_000 / run.Length; i++)
            {
                stream.Write(run);
            }

            stream.Write(run.AsSpan(0, 400_000_000 % run.Length));
            stream.Write("</t></si></sst>"u8);
        })));

    /// <summary>
    /// One shared string of 3,999 quotation marks, used by every cell of the 16 delegate columns in 2,000 rows: about
    /// 70 KB packed, 128 million characters of cells, and once a 238 MB preview page.
    /// </summary>
    public static byte[] OneLongTextInEveryCell()
    {
        var columns = Importer.DelegateColumns;
        var sheet = new StringBuilder("<row r=\"1\">");
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Append($"<c r=\"{ImportFile.ColumnName(c + 1)}1\" t=\"inlineStr\"><is><t>{columns[c]}</t></is></c>");
        }

        sheet.Append("</row>");
        for (var r = 2; r <= 2001; r++)
        {
            sheet.Append($"<row r=\"{r}\">");
            for (var c = 1; c <= columns.Count; c++)
            {
                sheet.Append($"<c r=\"{ImportFile.ColumnName(c)}{r}\" t=\"s\"><v>0</v></c>");
            }

            sheet.Append("</row>");
        }

        return Workbook(sheet.ToString(), sharedStrings: [new string('"', 3999)]);
    }

    /// <summary>The 400-million-character workbook with its shared strings entry claiming to unpack to 4 KB.</summary>
    public static byte[] DeclaredSizeLie() => WithDeclaredSize(FourHundredMillionCharacterCell(), "xl/sharedStrings.xml", 4096);

    public static byte[] Workbook(string sheetData, IReadOnlyList<string>? sharedStrings = null, string? styles = null, string? dimension = null)
    {
        var parts = Package(sheetData, dimension: dimension);
        if (sharedStrings is not null)
        {
            parts.Add(Part("xl/sharedStrings.xml",
                $"<sst xmlns=\"{Main}\">{string.Concat(sharedStrings.Select(s => $"<si><t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(s)}</t></si>"))}</sst>"));
        }

        if (styles is not null)
        {
            parts.Add(Part("xl/styles.xml", $"<styleSheet xmlns=\"{Main}\">{styles}</styleSheet>"));
        }

        return Zip(parts);
    }

    /// <summary>The parts of a one-sheet workbook, with the relationships to shared strings and styles whether or not they are there.</summary>
    public static List<(string Name, Action<Stream> Write)> Package(string sheetData, (string Name, Action<Stream> Write)? extra = null, string? dimension = null)
    {
        var parts = new List<(string, Action<Stream>)>
        {
            Part("[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"),
            Part("_rels/.rels",
                $"<Relationships xmlns=\"{PackageRelationships}\"><Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            Part("xl/workbook.xml",
                $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets><sheet name=\"Delegates\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            Part("xl/_rels/workbook.xml.rels",
                $"<Relationships xmlns=\"{PackageRelationships}\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + $"<Relationship Id=\"rId2\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + $"<Relationship Id=\"rId3\" Type=\"{Relationships}/styles\" Target=\"styles.xml\"/></Relationships>"),
            Part("xl/worksheets/sheet1.xml",
                $"<worksheet xmlns=\"{Main}\">{(dimension is null ? string.Empty : $"<dimension ref=\"{dimension}\"/>")}<sheetData>{sheetData}</sheetData></worksheet>"),
        };
        if (extra is { } part)
        {
            parts.Add(part);
        }

        return parts;
    }

    public static (string Name, Action<Stream> Write) Part(string name, string xml) =>
        (name, stream => stream.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" + xml)));

    public static byte[] Zip(IEnumerable<(string Name, Action<Stream> Write)> parts)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in parts)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                write(entry);
            }
        }

        return zip.ToArray();
    }

    /// <summary>Rewrites the uncompressed size an entry declares, in its local header and in the central directory, as a zip bomb does.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, string entryName, uint declared)
    {
        var copy = zip.ToArray();
        var name = Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 46 < copy.Length; i++)
        {
            var signature = BitConverter.ToUInt32(copy, i);
            if (signature == 0x04034b50 && copy.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(copy.AsSpan(i + 22, 4), declared);
                patched++;
            }
            else if (signature == 0x02014b50 && copy.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(copy.AsSpan(i + 24, 4), declared);
                patched++;
            }
        }

        Assert.Equal(2, patched);
        return copy;
    }

    /// <summary>A CSV file in UTF-8: the header line, then a line for each row.</summary>
    public static byte[] Csv(string header, IEnumerable<string> rows) =>
        Encoding.UTF8.GetBytes(header + "\r\n" + string.Join("\r\n", rows) + "\r\n");
}

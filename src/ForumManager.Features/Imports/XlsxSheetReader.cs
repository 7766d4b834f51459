using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace ForumManager.Features.Imports;

/// <summary>
/// Reads the first sheet of an XLSX workbook one row at a time, straight from its zip entries with an XmlReader, and
/// refuses it at the first bound it passes: what the parts read unpack to (each entry's declared size, and the bytes it
/// really gives, which may not exceed what it declared), columns, characters in a cell, and the number and total length
/// of shared strings. The sheet's <c>dimension</c> tag is never read: a file may claim any size there. MiniExcel, which
/// writes the exports, is not used to read: it sizes rows by that tag and makes every cell up to the last column, so a
/// single cell at column XFD costs 16,384 cells a row.
/// </summary>
/// <remarks>
/// Cells hold what the spreadsheet shows as text: shared and inline strings (without phonetic guides), numbers as
/// written, numbers in a date format as <c>yyyy-MM-dd</c> (with <c>HH:mm</c> when there is a time of day), and
/// booleans as TRUE or FALSE.
/// </remarks>
internal sealed class XlsxSheetReader : IDisposable
{
    private const string DefaultWorkbook = "xl/workbook.xml";

    /// <summary>
    /// How deep elements may nest. SpreadsheetML needs fewer than a dozen levels; the XmlReader keeps a record for each
    /// open level, so a part of nothing but start tags would otherwise cost memory in proportion to its size.
    /// </summary>
    private const int MaxDepth = 32;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ZipArchive zip;
    private readonly CancellationToken ct;
    private readonly char[] chunk = new char[4096];
    private readonly StringBuilder value = new();
    private readonly List<string> cells = [];

    /// <summary>The shared strings; null for one longer than a cell may hold, refused if a cell of the sheet uses it.</summary>
    private readonly List<string?> sharedStrings = [];

    /// <summary>For each cell format of the workbook, whether it shows a number as a date.</summary>
    private readonly List<bool> dateFormats = [];

    private long unpackedBudget = ImportFile.MaxUnpackedBytes;
    private XmlReader? sheet;
    private int lastRow;

    private XlsxSheetReader(ZipArchive zip, CancellationToken ct)
    {
        this.zip = zip;
        this.ct = ct;
    }

    public static IEnumerable<SheetRow> Rows(byte[] content, CancellationToken ct)
    {
        using var reader = Open(content, ct);
        while (reader.Next() is { } row)
        {
            yield return row;
        }
    }

    public void Dispose()
    {
        sheet?.Dispose();
        zip.Dispose();
    }

    private static XlsxSheetReader Open(byte[] content, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw Unreadable();
        }

        var reader = new XlsxSheetReader(zip, ct);
        try
        {
            reader.Start();
            return reader;
        }
        catch (Exception e) when (IsDamage(e))
        {
            reader.Dispose();
            throw Unreadable();
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private SheetRow? Next()
    {
        try
        {
            return ReadRow();
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Unreadable();
        }
    }

    /// <summary>A zip or XML that is not what it says; everything else (a bound, a cancellation) keeps its own meaning.</summary>
    private static bool IsDamage(Exception e) => e is XmlException or InvalidDataException or IOException or NotSupportedException;

    private static ImportFileException Unreadable() => new("Import_Unreadable");

    /// <summary>Finds the workbook's first sheet, reads its shared strings and cell formats, and stops at the sheet's first row.</summary>
    private void Start()
    {
        var workbook = Relationships("_rels/.rels", string.Empty)
            .FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target ?? DefaultWorkbook;
        var folder = workbook.Contains('/', StringComparison.Ordinal) ? workbook[..(workbook.LastIndexOf('/') + 1)] : string.Empty;
        var parts = Relationships($"{folder}_rels/{workbook[folder.Length..]}.rels", folder);

        var firstSheet = FirstSheetRelationship(workbook);
        var sheetPath = parts.FirstOrDefault(r => r.Id == firstSheet).Target ?? $"{folder}worksheets/sheet1.xml";
        if (parts.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target is { } shared && Find(shared) is { } sharedEntry)
        {
            ReadSharedStrings(sharedEntry);
        }

        if (parts.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target is { } styles && Find(styles) is { } stylesEntry)
        {
            ReadCellFormats(stylesEntry);
        }

        sheet = OpenPart(Find(sheetPath) ?? throw Unreadable());
        while (Advance(sheet))
        {
            if (sheet.NodeType == XmlNodeType.Element && sheet.LocalName == "sheetData")
            {
                if (sheet.IsEmptyElement)
                {
                    break;
                }

                return;
            }
        }

        sheet.Dispose();
        sheet = null;
    }

    private ZipArchiveEntry? Find(string path) =>
        zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.Replace('\\', '/'), path, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Opens a part within what is left of the unpacking bound. The bound is taken by the size the entry declares, and
    /// the entry is cut off, as damaged, if it gives more bytes than that.
    /// </summary>
    private XmlReader OpenPart(ZipArchiveEntry entry)
    {
        if (entry.Length > unpackedBudget)
        {
            throw new ImportFileException("Import_TooBigUnpacked", ImportFile.MaxUnpackedBytes / 1024 / 1024);
        }

        unpackedBudget -= entry.Length;
        return XmlReader.Create(new DeclaredSizeStream(entry.Open(), entry.Length, ct), XmlSettings);
    }

    private List<(string Id, string Type, string? Target)> Relationships(string path, string folder)
    {
        var relationships = new List<(string, string, string?)>();
        if (Find(path) is not { } entry)
        {
            return relationships;
        }

        using var xml = OpenPart(entry);
        while (Advance(xml))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("TargetMode") != "External"
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Type") is { } type && xml.GetAttribute("Target") is { } target)
            {
                relationships.Add((id, type, Resolve(folder, target)));
            }
        }

        return relationships;
    }

    /// <summary>A relationship's target as a path in the zip: relative to the folder of the part that names it, or from the root.</summary>
    private static string Resolve(string folder, string target)
    {
        var segments = new List<string>();
        foreach (var segment in (target.StartsWith('/') ? target[1..] : folder + target).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    private string? FirstSheetRelationship(string workbook)
    {
        using var xml = OpenPart(Find(workbook) ?? throw Unreadable());
        while (Advance(xml))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
            {
                // The relationship id is the one attribute named "id" in a namespace (r:id), whichever namespace the file uses.
                while (xml.MoveToNextAttribute())
                {
                    if (xml.LocalName == "id" && xml.NamespaceURI is not ("" or "http://www.w3.org/2000/xmlns/"))
                    {
                        return xml.Value;
                    }
                }

                return null;
            }
        }

        return null;
    }

    private void ReadSharedStrings(ZipArchiveEntry entry)
    {
        using var xml = OpenPart(entry);
        long characters = 0;
        Advance(xml);
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si")
            {
                Advance(xml);
            }
            else
            {
                if (sharedStrings.Count == ImportFile.MaxSharedStrings)
                {
                    throw new ImportFileException("Import_TooManyTexts", ImportFile.MaxSharedStrings);
                }

                var text = ReadRichText(xml);
                characters += text?.Length ?? 0;
                if (characters > ImportFile.MaxSharedStringCharacters)
                {
                    throw new ImportFileException("Import_TooMuchText", ImportFile.MaxSharedStringCharacters);
                }

                sharedStrings.Add(text);
            }
        }
    }

    private void ReadCellFormats(ZipArchiveEntry entry)
    {
        using var xml = OpenPart(entry);
        var custom = new Dictionary<int, bool>();
        var inCellFormats = false;
        while (Advance(xml))
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellFormats = false;
            }
            else if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            else if (xml.LocalName == "numFmt" && Integer(xml.GetAttribute("numFmtId")) is { } id)
            {
                custom[id] = IsDateFormat(xml.GetAttribute("formatCode") ?? string.Empty);
            }
            else if (xml.LocalName == "cellXfs")
            {
                inCellFormats = !xml.IsEmptyElement;
            }
            else if (xml.LocalName == "xf" && inCellFormats)
            {
                var format = Integer(xml.GetAttribute("numFmtId")) ?? 0;
                dateFormats.Add(custom.TryGetValue(format, out var isDate) ? isDate : IsBuiltInDateFormat(format));
            }
        }
    }

    /// <summary>The built-in formats that show dates and times (ECMA-376 18.8.30), with the East Asian ones Chinese Excel uses.</summary>
    private static bool IsBuiltInDateFormat(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>A custom format shows a date or time when, outside quoted text, escapes and [colour] or [$-locale] codes, it uses y, m, d, h or s.</summary>
    private static bool IsDateFormat(string code)
    {
        var section = code.Split(';')[0];
        for (var i = 0; i < section.Length; i++)
        {
            switch (char.ToLowerInvariant(section[i]))
            {
                case '"':
                    var close = section.IndexOf('"', i + 1);
                    i = close < 0 ? section.Length : close;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = section.IndexOf(']', i + 1);
                    var inside = end < 0 ? string.Empty : section[(i + 1)..end].ToLowerInvariant();
                    if (inside.Length > 0 && inside.All(c => c is 'h' or 'm' or 's'))
                    {
                        return true;
                    }

                    i = end < 0 ? section.Length : end;
                    break;
                case 'y' or 'm' or 'd' or 'h' or 's':
                    return true;
            }
        }

        return false;
    }

    /// <summary>The next row of the sheet with a value in it, or null after the last.</summary>
    private SheetRow? ReadRow()
    {
        if (sheet is null)
        {
            return null;
        }

        while (Advance(sheet))
        {
            ct.ThrowIfCancellationRequested();
            if (sheet.NodeType == XmlNodeType.EndElement && sheet.LocalName == "sheetData")
            {
                break;
            }

            if (sheet.NodeType == XmlNodeType.Element && sheet.LocalName == "row")
            {
                lastRow = Integer(sheet.GetAttribute("r")) ?? lastRow + 1;
                if (lastRow is < 1 or > 1_048_576)
                {
                    throw Unreadable();
                }

                cells.Clear();
                if (!sheet.IsEmptyElement && ReadCells())
                {
                    return new SheetRow(lastRow, cells.ToArray());
                }
            }
        }

        sheet.Dispose();
        sheet = null;
        return null;
    }

    /// <summary>Reads a row's cells, from its start tag to its end tag; whether any holds a value.</summary>
    private bool ReadCells()
    {
        var sheet = this.sheet!;
        var depth = sheet.Depth;
        var lastColumn = 0;
        var hasValue = false;
        Advance(sheet);
        while (sheet.Depth > depth)
        {
            if (sheet.NodeType == XmlNodeType.Element && sheet.LocalName == "c")
            {
                lastColumn = sheet.GetAttribute("r") is { } reference ? Column(reference) : lastColumn + 1;
                if (sheet.IsEmptyElement)
                {
                    Advance(sheet);
                }
                else if (ReadCell(sheet, lastColumn) is { } text)
                {
                    while (cells.Count < lastColumn)
                    {
                        cells.Add(string.Empty);
                    }

                    cells[lastColumn - 1] = text;
                    hasValue |= !string.IsNullOrWhiteSpace(text);
                }
            }
            else if (sheet.NodeType == XmlNodeType.Element)
            {
                Skip(sheet);
            }
            else
            {
                Advance(sheet);
            }
        }

        return hasValue;
    }

    /// <summary>Reads a cell that has content, from its start tag to past its end; null when it holds no value.</summary>
    private string? ReadCell(XmlReader sheet, int column)
    {
        var type = sheet.GetAttribute("t");
        var format = Integer(sheet.GetAttribute("s")) ?? 0;
        string? written = null;
        string? inline = null;
        var tooLong = false;
        var depth = sheet.Depth;
        Advance(sheet);
        while (sheet.Depth > depth)
        {
            if (sheet.NodeType == XmlNodeType.Element && sheet.LocalName == "v")
            {
                value.Clear();
                tooLong |= !AppendContent(sheet, value);
                written = value.ToString();
            }
            else if (sheet.NodeType == XmlNodeType.Element && sheet.LocalName == "is")
            {
                inline = ReadRichText(sheet);
                tooLong |= inline is null;
            }
            else if (sheet.NodeType == XmlNodeType.Element)
            {
                Skip(sheet);
            }
            else
            {
                Advance(sheet);
            }
        }

        Advance(sheet);
        var text = type switch
        {
            "s" => Shared(written, ref tooLong),
            "inlineStr" => inline,
            "b" => written?.Trim() switch { "1" => "TRUE", "0" => "FALSE", var other => other },
            "d" => DateTime.TryParse(written, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? Date(date) : written,
            "str" or "e" => written,
            _ => Number(written, format),
        };
        if (tooLong)
        {
            throw ImportFile.CellTooLong(lastRow, column);
        }

        if (column <= ImportFile.MaxColumns)
        {
            return text;
        }

        // Some programs leave empty cells far to the right; only a value there is refused.
        return string.IsNullOrWhiteSpace(text) ? null : throw ImportFile.TooManyColumns(lastRow, column);
    }

    private string? Shared(string? index, ref bool tooLong)
    {
        if (index is null)
        {
            return null;
        }

        if (Integer(index) is not { } i || i >= sharedStrings.Count)
        {
            throw Unreadable();
        }

        tooLong |= sharedStrings[i] is null;
        return sharedStrings[i];
    }

    private string? Number(string? written, int format) =>
        format < dateFormats.Count && dateFormats[format]
        && double.TryParse(written, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
        && serial is >= -657_434 and < 2_958_466
            ? Date(DateTime.FromOADate(serial))
            : written?.Trim();

    private static string Date(DateTime date) =>
        date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A cell reference's column, 1 for A: its letters, of which there are at most three (XFD is the last).</summary>
    private static int Column(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var letter = char.ToUpperInvariant(c);
            if (letter is < 'A' or > 'Z')
            {
                break;
            }

            column = ++letters > 3 ? throw Unreadable() : (column * 26) + (letter - 'A' + 1);
        }

        return column is >= 1 and <= 16_384 ? column : throw Unreadable();
    }

    /// <summary>Moves to the next node, refusing nesting deeper than <see cref="MaxDepth"/>; false at the end of the part.</summary>
    private static bool Advance(XmlReader xml) =>
        xml.Read() && (xml.Depth <= MaxDepth ? true : throw Unreadable());

    /// <summary>Passes over an element and everything in it.</summary>
    private static void Skip(XmlReader xml)
    {
        var depth = xml.Depth;
        var empty = xml.IsEmptyElement;
        Advance(xml);
        if (!empty)
        {
            while (xml.Depth > depth && Advance(xml))
            {
                // Each node of the element is passed over, its depth checked.
            }

            Advance(xml);
        }
    }

    private static int? Integer(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// The text of a string item (<c>si</c> or <c>is</c>): its own <c>t</c> or the <c>t</c> of each of its runs, without
    /// phonetic guides (<c>rPh</c>, the readings Japanese Excel keeps over names). Null when longer than a cell may hold.
    /// Reads from the item's start tag to past its end.
    /// </summary>
    private string? ReadRichText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            Advance(xml);
            return string.Empty;
        }

        var text = new StringBuilder();
        var tooLong = false;
        var depth = xml.Depth;
        Advance(xml);
        while (xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                tooLong |= !AppendContent(xml, text);
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                Skip(xml);
            }
            else
            {
                Advance(xml);
            }
        }

        Advance(xml);
        return tooLong ? null : text.ToString();
    }

    /// <summary>
    /// Appends an element's text, read in chunks so that a text of any length costs no more memory than a cell may hold;
    /// false when it is longer than that. Reads from the element's start tag to past its end.
    /// </summary>
    private bool AppendContent(XmlReader xml, StringBuilder text)
    {
        var start = text.Length;
        var fits = true;
        if (xml.IsEmptyElement)
        {
            Advance(xml);
            return true;
        }

        var depth = xml.Depth;
        Advance(xml);
        while (xml.Depth > depth)
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    fits = fits && text.Length - start + read <= ImportFile.MaxCellCharacters;
                    if (fits)
                    {
                        text.Append(chunk, 0, read);
                    }
                }

                Advance(xml);
            }
            else if (xml.NodeType == XmlNodeType.Element)
            {
                Skip(xml);
            }
            else
            {
                Advance(xml);
            }
        }

        Advance(xml);
        return fits;
    }

    /// <summary>
    /// A zip entry's unpacked bytes, refused past the size the entry declares: a zip bomb declares little and holds much.
    /// The reading also stops here when the request is cancelled.
    /// </summary>
    private sealed class DeclaredSizeStream(Stream inner, long declared, CancellationToken ct) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            ct.ThrowIfCancellationRequested();
            var count = inner.Read(buffer);
            read += count;
            return read > declared ? throw Unreadable() : count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

using System.Text;

namespace ForumManager.Features.Imports;

/// <summary>One data row of an uploaded file: its number as the spreadsheet shows it (the header is row 1) and its cells by column name.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string column] => Cells.TryGetValue(column, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
}

/// <summary>A row as a file holds it: its number as the spreadsheet shows it and its cells by position (column A first).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);

/// <summary>Why a whole file cannot be read; the resource key of the message, with its arguments.</summary>
public sealed class ImportFileException(string messageKey, params object[] arguments) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
    public object[] Arguments { get; } = arguments;
}

/// <summary>
/// Reads the rows of a CSV (UTF-8, comma or semicolon separated, as Excel saves it) or XLSX file. Column names are
/// matched without regard to case, spaces or underscores. Every file is read row by row within the bounds below and
/// refused at the first one it passes, so no upload can cost more than a bounded amount of time and memory.
/// </summary>
public static class ImportFile
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 2000;
    public const int MaxColumns = 100;
    public const int MaxCellCharacters = 4000;

    /// <summary>
    /// What the parts of a workbook that are read may unpack to, all together. The delegate export of 2,000 rows with
    /// every column filled unpacks to about 2 MB; reading 8 MB of any XML takes a fraction of a second.
    /// </summary>
    public const int MaxUnpackedBytes = 8 * 1024 * 1024;

    /// <summary>No sheet within the row and column bounds needs more distinct texts than it has cells.</summary>
    public const int MaxSharedStrings = (MaxRows + 1) * MaxColumns;

    /// <summary>More than 2,000 rows with every delegate column at its longest (about 2,600 characters a row) can hold.</summary>
    public const int MaxSharedStringCharacters = 6_000_000;

    /// <summary>
    /// All the text of the cells read, together, by the same measure as <see cref="MaxSharedStringCharacters"/>. A shared
    /// string counts each time a cell uses it: one text of 4,000 characters in every cell of 2,000 rows would otherwise be
    /// a few kilobytes of file and hundreds of millions of characters to check and show.
    /// </summary>
    public const int MaxTextCharacters = 6_000_000;

    /// <summary>
    /// The request an upload may come in: larger than <see cref="MaxBytes"/> so that a file that is too large still
    /// arrives and is answered at the file field; past this the server stops reading.
    /// </summary>
    public const int MaxRequestBytes = 8 * MaxBytes;

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".xlsx";

    public static string ColumnKey(string header) =>
        new(header.Trim().TrimStart('\uFEFF').ToLowerInvariant().Where(c => c is not (' ' or '_' or '-')).ToArray());

    /// <summary>A column's name as a spreadsheet shows it: 1 is A, 27 is AA, 16384 is XFD.</summary>
    public static string ColumnName(int column)
    {
        var name = new StringBuilder();
        for (; column > 0; column = (column - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((column - 1) % 26)));
        }

        return name.ToString();
    }

    /// <param name="enoughAlone">A column that, when the file has it, lets a file do without the required columns: each row then
    /// says for itself what it needs (a row naming a delegate by reference changes only what it gives).</param>
    public static IReadOnlyList<ImportRow> Read(string fileName, byte[] content, IReadOnlyCollection<string> requiredColumns, CancellationToken ct,
        string? enoughAlone = null)
    {
        if (content.Length == 0)
        {
            throw new ImportFileException("Import_EmptyFile");
        }

        if (content.Length > MaxBytes)
        {
            throw new ImportFileException("Import_TooBig", MaxBytes / 1024 / 1024);
        }

        var sheet = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(content, ct),
            ".xlsx" => XlsxSheetReader.Rows(content, ct),
            _ => throw new ImportFileException("Import_WrongType"),
        };

        List<string>? headers = null;
        var rows = new List<ImportRow>();
        long characters = 0;
        foreach (var row in sheet)
        {
            foreach (var cell in row.Cells)
            {
                characters += cell.Length;
            }

            if (characters > MaxTextCharacters)
            {
                throw new ImportFileException("Import_TooMuchCellText", MaxTextCharacters);
            }

            if (row.Cells.All(v => v.Trim().Length == 0))
            {
                continue;
            }

            if (headers is null)
            {
                headers = row.Cells.Select(ColumnKey).ToList();
                var missing = requiredColumns.Where(c => !headers.Contains(ColumnKey(c))).ToList();
                if (missing.Count > 0 && !(enoughAlone is not null && headers.Contains(ColumnKey(enoughAlone))))
                {
                    throw new ImportFileException("Import_MissingColumns", string.Join(", ", missing));
                }

                continue;
            }

            if (rows.Count == MaxRows)
            {
                throw new ImportFileException("Import_TooManyRows", MaxRows);
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < headers.Count; c++)
            {
                if (headers[c].Length > 0 && !cells.ContainsKey(headers[c]))
                {
                    cells[headers[c]] = c < row.Cells.Count ? row.Cells[c] : string.Empty;
                }
            }

            rows.Add(new ImportRow(row.Number, cells));
        }

        if (headers is null)
        {
            throw new ImportFileException("Import_EmptyFile");
        }

        if (rows.Count == 0)
        {
            throw new ImportFileException("Import_NoRows");
        }

        return rows;
    }

    internal static ImportFileException TooManyColumns(int row, int column) =>
        new("Import_TooManyColumns", MaxColumns, row, ColumnName(column));

    internal static ImportFileException CellTooLong(int row, int column) =>
        new("Import_CellTooLong", MaxCellCharacters, row, ColumnName(column));

    private static IEnumerable<SheetRow> ReadCsv(byte[] content, CancellationToken ct)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException("Import_NotUtf8");
        }

        text = text.TrimStart('\uFEFF');
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ImportFileException("Import_NotUtf8");
        }

        var firstLine = text.Split('\n', 2)[0];
        var separator = !firstLine.Contains(',', StringComparison.Ordinal) && firstLine.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        return Csv.Rows(text, separator, ct);
    }
}

/// <summary>
/// RFC 4180 CSV: quoted fields may hold separators, quotes (doubled) and line breaks. Rows are numbered by record (the
/// first is 1) and read one at a time; blank ones are passed over. A cell longer than
/// <see cref="ImportFile.MaxCellCharacters"/> or a value past column <see cref="ImportFile.MaxColumns"/> stops the
/// reading (empty fields past it, which some programs write, do not).
/// </summary>
public static class Csv
{
    public static IEnumerable<SheetRow> Rows(string text, char separator, CancellationToken ct)
    {
        var row = new RowBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    row.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    row.Append(c);
                }
            }
            else if (c == '"' && row.FieldIsEmpty)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.EndField();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                ct.ThrowIfCancellationRequested();
                if (row.End() is { } done)
                {
                    yield return done;
                }
            }
            else
            {
                row.Append(c);
            }
        }

        if (!row.IsEmpty && row.End() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>The row being read; one for the whole file, so that blank lines cost nothing.</summary>
    private sealed class RowBuilder
    {
        private readonly List<string> cells = [];
        private readonly StringBuilder text = new();
        private int number = 1;
        private int column = 1;
        private bool hasValue;

        public bool FieldIsEmpty => text.Length == 0;
        public bool IsEmpty => text.Length == 0 && column == 1;

        public void Append(char c)
        {
            if (text.Length == ImportFile.MaxCellCharacters)
            {
                throw ImportFile.CellTooLong(number, column);
            }

            text.Append(c);
        }

        public void EndField()
        {
            var field = text.ToString();
            var blank = string.IsNullOrWhiteSpace(field);
            if (column <= ImportFile.MaxColumns)
            {
                cells.Add(field);
            }
            else if (!blank)
            {
                throw ImportFile.TooManyColumns(number, column);
            }

            hasValue |= !blank;
            text.Clear();
            column++;
        }

        /// <summary>Ends the row and starts the next: the row read, or null when it is blank.</summary>
        public SheetRow? End()
        {
            EndField();
            var row = hasValue ? new SheetRow(number, cells.ToArray()) : null;
            cells.Clear();
            number++;
            column = 1;
            hasValue = false;
            return row;
        }
    }
}

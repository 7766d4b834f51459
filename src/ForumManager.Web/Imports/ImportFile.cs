using System.Text;
using MiniExcelLibs;

namespace ForumManager.Web.Imports;

/// <summary>One data row of an uploaded file: its number as the spreadsheet shows it (the header is row 1) and its cells by column name.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string column] => Cells.TryGetValue(column, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
}

/// <summary>Why a whole file cannot be read; the resource key of the message, with its arguments.</summary>
public sealed class ImportFileException(string messageKey, params object[] arguments) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
    public object[] Arguments { get; } = arguments;
}

/// <summary>
/// Reads the rows of a CSV (UTF-8, comma or semicolon separated, as Excel saves it) or XLSX file. Column names are
/// matched without regard to case, spaces or underscores.
/// </summary>
public static class ImportFile
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 2000;

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".xlsx";

    public static string ColumnKey(string header) =>
        new(header.Trim().TrimStart('\uFEFF').ToLowerInvariant().Where(c => c is not (' ' or '_' or '-')).ToArray());

    public static IReadOnlyList<ImportRow> Read(string fileName, byte[] content, IReadOnlyCollection<string> requiredColumns)
    {
        if (content.Length == 0)
        {
            throw new ImportFileException("Import_EmptyFile");
        }

        var table = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(content),
            ".xlsx" => ReadXlsx(content),
            _ => throw new ImportFileException("Import_WrongType"),
        };
        if (table.Count == 0 || table[0].All(h => h.Trim().Length == 0))
        {
            throw new ImportFileException("Import_EmptyFile");
        }

        var headers = table[0].Select(ColumnKey).ToList();
        var missing = requiredColumns.Where(c => !headers.Contains(ColumnKey(c))).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException("Import_MissingColumns", string.Join(", ", missing));
        }

        var rows = new List<ImportRow>();
        for (var i = 1; i < table.Count; i++)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < headers.Count; c++)
            {
                if (headers[c].Length > 0 && !cells.ContainsKey(headers[c]))
                {
                    cells[headers[c]] = c < table[i].Count ? table[i][c] : string.Empty;
                }
            }

            if (cells.Values.All(v => v.Trim().Length == 0))
            {
                continue;
            }

            rows.Add(new ImportRow(i + 1, cells));
        }

        if (rows.Count == 0)
        {
            throw new ImportFileException("Import_NoRows");
        }

        if (rows.Count > MaxRows)
        {
            throw new ImportFileException("Import_TooManyRows", MaxRows);
        }

        return rows;
    }

    private static List<List<string>> ReadCsv(byte[] content)
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
        return Csv.Parse(text, separator);
    }

    private static List<List<string>> ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content);
            var rows = new List<List<string>>();
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false))
            {
                rows.Add(row.Values.Select(Cell).ToList());
                if (rows.Count > MaxRows + 1)
                {
                    break;
                }
            }

            return rows;
        }
        catch (Exception e) when (e is not ImportFileException)
        {
            // MiniExcel throws many kinds of exceptions for a file that is not a workbook; all mean the same to the organizer.
            throw new ImportFileException("Import_Unreadable");
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>RFC 4180 CSV: quoted fields may hold separators, quotes (doubled) and line breaks.</summary>
public static class Csv
{
    public static List<List<string>> Parse(string text, char separator)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}

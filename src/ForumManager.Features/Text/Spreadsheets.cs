using System.Data;
using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace ForumManager.Features.Text;

/// <summary>
/// Tables as files organizers open in a spreadsheet: CSV in UTF-8 with a byte-order mark (so Excel keeps every script)
/// with formula-like cells escaped, and XLSX with one sheet whose heading row is there even when no row is.
/// </summary>
public static class Spreadsheets
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> CsvAsync(IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        using var output = new MemoryStream();
        await using (var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            // Cells starting with = + - @ are escaped so a spreadsheet shows them instead of running them as formulas.
            await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
            foreach (var heading in headings)
                csv.WriteField(heading);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                    csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture));
                csv.EndRecord();
            }

            await csv.FlushAsync(ct);
        }

        return output.ToArray();
    }

    /// <param name="numeric">Columns whose cells stay numbers; by default those whose every value is a whole number.</param>
    public static async Task<byte[]> XlsxAsync(string sheetName, IReadOnlyList<string> headings, IReadOnlyList<IReadOnlyList<object?>> rows, CancellationToken ct,
        IReadOnlySet<int>? numeric = null)
    {
        numeric ??= Enumerable.Range(0, headings.Count)
            .Where(i => rows.Any(r => r[i] is not null) && rows.All(r => r[i] is null or int)).ToHashSet();
        using var sheet = new DataTable(sheetName);
        for (var i = 0; i < headings.Count; i++)
            sheet.Columns.Add(headings[i], numeric.Contains(i) ? typeof(int) : typeof(string));
        foreach (var row in rows)
        {
            sheet.Rows.Add(row.Select((cell, i) => cell is null ? DBNull.Value
                : numeric.Contains(i) ? cell : (object)Convert.ToString(cell, CultureInfo.InvariantCulture)!).ToArray());
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: sheetName, cancellationToken: ct);
        return stream.ToArray();
    }
}

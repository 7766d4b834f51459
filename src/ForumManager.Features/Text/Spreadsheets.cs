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
        await WriteCsvAsync(output, headings, rows, ct);
        return output.ToArray();
    }

    /// <summary>Rows written between two hand-overs to the output when a CSV is streamed.</summary>
    private const int RowsPerChunk = 500;

    /// <summary>
    /// Writes the CSV to <paramref name="output"/> as it goes, a few hundred rows at a time, so a long report is never held
    /// whole in memory. Every write to the output is asynchronous (a response body refuses synchronous writes).
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        using var chunk = new MemoryStream();
        await using var writer = new StreamWriter(chunk, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);

        // Cells starting with = + - @ are escaped so a spreadsheet shows them instead of running them as formulas.
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        async Task HandOverAsync()
        {
            await csv.FlushAsync(ct);
            await writer.FlushAsync(ct);
            chunk.Position = 0;
            await chunk.CopyToAsync(output, ct);
            chunk.SetLength(0);
        }

        foreach (var heading in headings)
            csv.WriteField(heading);
        csv.EndRecord();
        var written = 0;
        foreach (var row in rows)
        {
            foreach (var cell in row)
                csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture));
            csv.EndRecord();
            if (++written % RowsPerChunk == 0)
                await HandOverAsync();
        }

        await HandOverAsync();
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

using MiniExcelLibs;

namespace ForumManager.Web.Logistics;

/// <summary>Working lists as XLSX: one sheet, a heading row, and cells as given (numbers stay numbers).</summary>
public static class Sheets
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> XlsxAsync(string sheetName, IReadOnlyList<string> headings, IReadOnlyList<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        var sheet = rows.Select(row =>
        {
            IDictionary<string, object?> line = new Dictionary<string, object?>();
            for (var i = 0; i < headings.Count; i++)
                line[headings[i]] = row[i];
            return line;
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: sheetName, cancellationToken: ct);
        return stream.ToArray();
    }
}

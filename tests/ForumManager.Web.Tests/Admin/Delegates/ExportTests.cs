using System.Net;
using System.Text;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ForumManager.Web.Tests.Admin.Delegates;

[Collection(nameof(AppCollection))]
public sealed class ExportTests(AppFixture app)
{
    [Fact]
    public async Task Should_export_CSV_with_a_byte_order_mark_so_that_Excel_keeps_every_script()
    {
        var client = await Clients.SignedInAsync(app, Roles.Organizer);
        var approved = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Where(d => d.Status == RegistrationStatus.Approved).ToListAsync());

        var response = await client.GetAsync("/admin/delegates/export.csv?status=Approved&columns=family&columns=native&columns=country");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Concat([]).SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(approved.Count + 1, lines.Count);
        Assert.StartsWith("Reference,Family name", lines[0], StringComparison.Ordinal);
        var someone = approved.First(d => d.NativeName != null && d.NativeName.Any(c => c > 0x2E80));
        Assert.Contains(lines, l => l.Contains(someone.NativeName!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_export_XLSX_that_reads_back_with_the_same_people_and_names()
    {
        var client = await Clients.SignedInAsync(app, Roles.Organizer);
        var expected = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Where(d => d.Status == RegistrationStatus.Approved)
            .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).ThenBy(d => d.Id).Select(d => d.NativeName).ToListAsync());

        var response = await client.GetAsync("/admin/delegates/export.xlsx?status=Approved");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(expected, rows.Select(r => r["Name in your own script"] as string).ToList());
    }

    [Fact]
    public async Task Should_escape_cells_that_a_spreadsheet_would_run_as_formulas()
    {
        var email = $"formula-{Guid.NewGuid():N}@city.example.org";
        await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email, v => v[DelegateFields.Organization] = "=HYPERLINK(\"http://evil.example\")");
        var client = await Clients.SignedInAsync(app, Roles.Organizer);

        var csv = await client.GetStringAsync("/admin/delegates/export.csv?q=" + Uri.EscapeDataString(email) + "&columns=organization");

        Assert.DoesNotContain("\n=HYPERLINK", "\n" + csv.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("HYPERLINK", csv, StringComparison.Ordinal);
    }
}

using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features.Dashboard;
using ForumManager.Features.Text;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Reports;

/// <summary>A report as the page shows it: every cell already text in the reader's language, and when it was counted.</summary>
[ImmutableObject(true)]
public sealed record ReportPage(string Title, string Note, IReadOnlyList<string> Headers, IReadOnlyList<string?[]> Rows, IReadOnlyList<int> Numeric, DateTime BuiltUtc)
{
    [JsonIgnore]
    public ReportTable Table => new(Title, Note, Headers, Rows, Numeric.ToHashSet());
}

/// <summary>A report's file, and when it was counted.</summary>
[ImmutableObject(true)]
public sealed record ReportFile(byte[] Content, DateTime BuiltUtc);

/// <summary>
/// Reports as pages and files, each kept for <see cref="Lifetime"/> in the hybrid cache (shared through Redis when it is
/// configured) under the forum, the report, the format and the language. A report of 100,000 delegates takes the
/// database and the spreadsheet writer a good part of a second; organizers opening it, then downloading it as CSV and
/// XLSX, are served one count. A change of a registration's status evicts them with the dashboard's figures
/// (<see cref="DashboardCounts.Tag"/>); anything else shows within <see cref="Lifetime"/>, and the page says when it was counted.
/// </summary>
public sealed class ReportCache(ForumDbContext db, IStringLocalizer<SharedResource> text, HybridCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };

    private static string Language => UiLanguage.Chinese ? "zh" : "en";

    public ValueTask<ReportPage> PageAsync(Forum forum, string report, CancellationToken ct) =>
        cache.GetOrCreateAsync($"forum:{forum.Id}:report:{report}:page:{Language}", (Cache: this, Forum: forum, Report: report, Culture: Culture.Current),
            static async (state, token) =>
            {
                state.Culture.Apply();
                var table = await state.Cache.BuildAsync(state.Forum, state.Report, ForumReports.NamesOnPage, token);
                return new ReportPage(table.Title, table.Note, table.Headers,
                    table.Rows.Select(r => r.Select(c => Convert.ToString(c, CultureInfo.CurrentCulture)).ToArray()).ToList(),
                    table.Numeric.Order().ToList(), state.Cache.Now);
            }, Entry, [DashboardCounts.Tag(forum.Id)], ct);

    /// <param name="format">csv or xlsx; files list everyone.</param>
    public ValueTask<ReportFile> FileAsync(Forum forum, string report, string format, CancellationToken ct) =>
        cache.GetOrCreateAsync($"forum:{forum.Id}:report:{report}:{format}:{Language}", (Cache: this, Forum: forum, Report: report, Format: format, Culture: Culture.Current),
            static async (state, token) =>
            {
                state.Culture.Apply();
                var table = await state.Cache.BuildAsync(state.Forum, state.Report, null, token);
                var content = state.Format == "csv"
                    ? await Spreadsheets.CsvAsync(table.Headers, table.Rows, token)
                    : await Spreadsheets.XlsxAsync("Report", table.Headers, table.Rows, token, table.Numeric);
                return new ReportFile(content, state.Cache.Now);
            }, Entry, [DashboardCounts.Tag(forum.Id)], ct);

    /// <summary>
    /// The reader's language, carried into the cache's factory: the cache may run it on a thread of its own, which would
    /// otherwise write the report in the server's language under the reader's key.
    /// </summary>
    private sealed record Culture(CultureInfo Ui, CultureInfo Formats)
    {
        public static Culture Current => new(CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);

        public void Apply()
        {
            CultureInfo.CurrentUICulture = Ui;
            CultureInfo.CurrentCulture = Formats;
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<ReportTable> BuildAsync(Forum forum, string report, int? namesPerCell, CancellationToken ct) =>
        new ForumReports(db, text, forum).BuildAsync(report, ct, namesPerCell);
}

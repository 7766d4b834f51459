using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Documents.Badges;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Delegate = ForumManager.Core.Delegates.Delegate;

// Badges: (1) 1,000 badges with names in ten scripts in one PDF, milliseconds and bytes per badge after warm-up,
// next to the same pages drawn with plain Skia text (no shaping, no font fallback) in the same run; (2) one badge at
// the desk, from the scan posted to the PDF received, through the real app on SQLite: the 95th percentile.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var deskScans = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;

(string Language, string Native, string Latin)[] names =
[
    ("zh-Hans", "张伟", "ZHANG Wei"), ("ja", "山田太郎", "YAMADA Taro"), ("ko", "김민준", "KIM Minjun"), ("ru", "Иван Петров", "PETROV Ivan"),
    ("ar", "محمد العلي", "AL-ALI Mohammed"), ("hi", "राहुल शर्मा", "SHARMA Rahul"), ("th", "สมชาย ใจดี", "JAIDEE Somchai"),
    ("el", "Γιώργος Παπαδόπουλος", "PAPADOPOULOS Georgios"), ("vi", "Nguyễn Văn Anh", "NGUYEN Van Anh"), ("de", "Jürgen Großmann", "GROSSMANN Juergen"),
];
var categories = Enum.GetValues<DelegateCategory>();
var badges = Enumerable.Range(0, count).Select(i =>
{
    var (language, native, latin) = names[i % names.Length];
    return new BadgeData
    {
        ForumNameEn = "2010 China Hunan International Sister Cities Cooperation Forum", ForumNameZh = "2010中国湖南国际友好城市合作论坛", ForumMark = "HISCF",
        NativeName = native + " " + (i / names.Length).ToString(CultureInfo.InvariantCulture), NativeLanguage = language, LatinName = latin,
        HonorificAndPosition = "H.E. Vice Mayor", Organization = "Municipal Government", Delegation = "Sister city · Country",
        Category = categories[i % categories.Length], Admits = "22–24 June 2010 · 6月22日至6月24日\nForum halls · 论坛会场",
        Token = Convert.ToHexStringLower(BitConverter.GetBytes(i * 7919L)).PadLeft(32, '0'),
    };
}).ToList();

BadgeDocument.Render(badges.Take(100).ToList(), BadgeLayout.A6);
PlainSkia(badges.Take(100).ToList());
var badgeTimes = new List<(double Ms, int Bytes)>();
var plainTimes = new List<double>();
for (var round = 0; round < 5; round++)
{
    var watch = Stopwatch.StartNew();
    var result = BadgeDocument.Render(badges, BadgeLayout.A6);
    badgeTimes.Add((watch.Elapsed.TotalMilliseconds, result.Pdf.Length));
    if (result.Missing.Count > 0)
    {
        Console.WriteLine($"missing glyphs: {result.Missing.Count}");
    }

    watch.Restart();
    PlainSkia(badges);
    plainTimes.Add(watch.Elapsed.TotalMilliseconds);
}

var median = badgeTimes.OrderBy(t => t.Ms).ElementAt(2);
var plainMedian = plainTimes.Order().ElementAt(2);
var msPerBadge = median.Ms / count;
var bytesPerBadge = median.Bytes / (double)count;
Console.WriteLine($"{count} badges (A6, ten scripts) in one PDF: {median.Ms:F0} ms, {msPerBadge:F2} ms and {bytesPerBadge / 1024:F1} KB per badge (median of 5 after warm-up; goals 2 ms and 15 KB)");
Console.WriteLine($"same pages with plain Skia text, no shaping or fallback: {plainMedian:F0} ms, {plainMedian / count:F2} ms per badge; shaped badges cost {median.Ms / plainMedian:F1}x");

// The desk: an approved delegate's token is scanned, then the badge PDF is fetched, as the desk page does.
await using var app = new ForumAppFactory();
var forumId = await app.WithDbAsync(db => db.Forums.Select(f => f.Id).SingleAsync());
var tokens = await app.WithDbAsync(async db =>
{
    var people = Enumerable.Range(0, deskScans).Select(i =>
    {
        var (language, native, latin) = names[i % names.Length];
        return new Delegate
        {
            ForumId = forumId, FamilyName = latin.Split(' ')[0], GivenName = latin.Split(' ')[1], NativeName = native, NativeNameLanguage = language,
            CountryCode = "CN", Email = $"desk-{i}@bench.example.org", Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved,
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
    }).ToList();
    db.Delegates.AddRange(people);
    await db.SaveChangesAsync();
    return people.Select(p => (p.Id, p.CheckInToken)).ToList();
});
var staff = await Clients.SignedInAsync(app, Roles.Staff);
var desk = new List<double>();
for (var i = -20; i < tokens.Count; i++)
{
    var (id, token) = tokens[Math.Abs(i) % tokens.Count];
    var watch = Stopwatch.StartNew();
    var scan = await staff.PostAsJsonAsync("/checkin/api/scans", new { token, checkpoint = i < 0 ? "session:1" : "main", scanId = Guid.NewGuid().ToString() });
    scan.EnsureSuccessStatusCode();
    var pdf = await staff.GetByteArrayAsync($"/checkin/badges/{id}.pdf");
    if (i >= 0)
    {
        desk.Add(watch.Elapsed.TotalMilliseconds);
    }

    GC.KeepAlive(pdf);
}

desk.Sort();
Console.WriteLine($"desk, scan to badge PDF ({desk.Count} delegates, in-process HTTP, SQLite): median {desk[desk.Count / 2]:F1} ms, p95 {desk[(int)(desk.Count * 0.95)]:F1} ms, max {desk[^1]:F1} ms");
return msPerBadge <= 2 && bytesPerBadge <= 15 * 1024 ? 0 : 1;

// The baseline: the same texts on the same pages with SKCanvas.DrawText in one typeface.
static void PlainSkia(List<BadgeData> badges)
{
    using var stream = new MemoryStream();
    using var document = SKDocument.CreatePdf(stream);
    using var face = SKTypeface.FromFamilyName("Noto Sans");
    using var font = new SKFont(face, 12);
    using var paint = new SKPaint { Color = SKColors.Black };
    foreach (var badge in badges)
    {
        var canvas = document.BeginPage(297.6f, 419.5f);
        var y = 30f;
        foreach (var text in new[] { badge.ForumNameEn, badge.ForumNameZh, badge.NativeName ?? "", badge.LatinName, badge.HonorificAndPosition ?? "", badge.Organization ?? "", badge.Delegation ?? "", badge.Admits, badge.Token })
        {
            canvas.DrawText(text, 20, y, SKTextAlign.Left, font, paint);
            y += 30;
        }

        document.EndPage();
    }

    document.Close();
}

using System.Globalization;
using System.IO.Compression;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using Delegate = ForumManager.Core.Delegates.Delegate;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features.Imports;
using ForumManager.Features.Privacy;
using ForumManager.Features.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Accreditation;

/// <summary>How many people of an edition the security office has answered for, and how.</summary>
public sealed record ClearanceCounts(int Pending, int Cleared, int Refused)
{
    public int Total => Pending + Cleared + Refused;
}

/// <summary>A row of the security office's answer that cannot be applied, numbered as the spreadsheet shows it.</summary>
public sealed record ClearanceProblem(int Row, string? Reference, string Message);

/// <summary>
/// What an import did. When any row has a problem nothing is applied (the office's answer is taken whole or not at all),
/// and every problem is listed.
/// </summary>
public sealed record ClearanceImport(int Cleared, int Refused, int Pending, int Unchanged, IReadOnlyList<ClearanceProblem> Problems)
{
    public bool Applied => Problems.Count == 0;
}

/// <summary>
/// The exchange with the security office: the list of everyone who may attend, with the passport data the office needs,
/// and the office's answer read back into each person's clearance. The list and the answer are spreadsheets with fixed
/// English column names, so the office's own tools can read and write them whatever the organizers' language. Every
/// export (it reveals passport numbers and dates of birth) and every import is audited.
/// </summary>
public sealed class ClearanceExchange(ForumDbContext db, PersonalData personal, PhotoVault vault, IStringLocalizer<SharedResource> text, TimeProvider clock)
{
    public const string Reference = "Reference";
    public const string Status = "Clearance";
    public const string Reason = "Reason";

    private static readonly string ReferenceKey = ImportFile.ColumnKey(Reference);
    private static readonly string StatusKey = ImportFile.ColumnKey(Status);
    private static readonly string ReasonKey = ImportFile.ColumnKey(Reason);

    /// <summary>The columns of the list, in order; the office fills in the last two.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        Reference, "Family name", "Given name", "Name in own script", "Nationality", "Passport number", "Date of birth",
        "Organization", "Delegation", "Category", Status, Reason,
    ];

    /// <summary>The longest reason kept, as the record holds it.</summary>
    public const int MaxReason = 1000;

    /// <summary>Statuses of people who may still come, and so need clearing: not the rejected or cancelled.</summary>
    private static readonly RegistrationStatus[] Attending = [RegistrationStatus.Submitted, RegistrationStatus.Approved, RegistrationStatus.Waitlisted];

    public async Task<ClearanceCounts> CountsAsync(int forumId, CancellationToken ct)
    {
        var counts = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && Attending.Contains(d.Status))
            .GroupBy(d => d.Clearance)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new ClearanceCounts(counts.GetValueOrDefault(ClearanceStatus.Pending), counts.GetValueOrDefault(ClearanceStatus.Cleared),
            counts.GetValueOrDefault(ClearanceStatus.Refused));
    }

    /// <summary>The list for the security office as XLSX, in protocol order; the passport reveal is audited for each person listed.</summary>
    public async Task<(byte[] Content, int People)> ExportAsync(Forum forum, Actor actor, CancellationToken ct)
    {
        var forumId = forum.Id;
        var people = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && Attending.Contains(d.Status))
            .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).ThenBy(d => d.GivenName).ThenBy(d => d.Id)
            .Select(d => new
            {
                d.Id, d.Reference, d.FamilyName, d.GivenName, d.NativeName, d.Nationality, d.CountryCode, d.PassportNumberProtected,
                d.DateOfBirthProtected, d.Organization, Delegation = d.Delegation == null ? null : d.Delegation.NameEn, d.Category, d.Clearance,
                d.ClearanceReason,
            })
            .ToListAsync(ct);
        var rows = people.Select(p => (IReadOnlyList<object?>)
        [
            p.Reference, p.FamilyName.ToUpperInvariant(), p.GivenName, p.NativeName, p.Nationality ?? p.CountryCode,
            personal.Unprotect(p.PassportNumberProtected), personal.Unprotect(p.DateOfBirthProtected), p.Organization, p.Delegation,
            p.Category.ToString(), p.Clearance == ClearanceStatus.Pending ? null : Word(p.Clearance), p.ClearanceReason,
        ]).ToList();

        // Every column is text: a passport number or a reference that looks like a number keeps its leading zeros.
        var content = await Spreadsheets.XlsxAsync("Clearance", [.. Columns], rows, ct, numeric: new HashSet<int>());
        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditEntries.AddRange(people.Select(p => actor.Audit(forumId, now, nameof(Delegate), p.Id, "clearance-list-exported")));
        await db.SaveChangesAsync(ct);
        return (content, people.Count);
    }

    /// <summary>
    /// The photos of everyone on the list as a ZIP, each named by the person's reference (<c>HISCF2010-00221.jpg</c>), so
    /// the office matches them with the list's first column. Refused photos are left out; each person whose photo is sent
    /// has the export in their history.
    /// </summary>
    public async Task<(byte[] Content, int Photos)> PhotosAsync(Forum forum, Actor actor, CancellationToken ct)
    {
        var forumId = forum.Id;
        var photos = await db.DelegatePhotos.AsNoTracking()
            .Where(p => p.ForumId == forumId && p.Status != PhotoStatus.Refused)
            .Join(db.Delegates.Where(d => Attending.Contains(d.Status)), p => p.DelegateId, d => d.Id, (p, d) => new { d.Id, d.Reference, p.ContentProtected })
            .OrderBy(p => p.Reference)
            .ToListAsync(ct);
        using var output = new MemoryStream();
        var sent = new List<int>();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var photo in photos)
            {
                if (vault.Unprotect(photo.ContentProtected) is not { } jpeg)
                {
                    continue;
                }

                // JPEG is compressed already: stored as it is, the archive opens anywhere and costs no time.
                var entry = zip.CreateEntry(photo.Reference + ".jpg", CompressionLevel.NoCompression);
                await using (var stream = await entry.OpenAsync(ct))
                {
                    await stream.WriteAsync(jpeg, ct);
                }

                sent.Add(photo.Id);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditEntries.AddRange(sent.Select(id => actor.Audit(forumId, now, nameof(Delegate), id, "clearance-photos-exported")));
        await db.SaveChangesAsync(ct);
        return (output.ToArray(), sent.Count);
    }

    /// <summary>
    /// Reads the office's answer (the list sent back, or any CSV or XLSX with the Reference and Clearance columns) and,
    /// when every row can be applied, applies them all in one transaction, each change audited.
    /// </summary>
    /// <exception cref="ImportFileException">The file as a whole cannot be read; its message key says why.</exception>
    public async Task<ClearanceImport> ImportAsync(Forum forum, string fileName, byte[] content, Actor actor, CancellationToken ct)
    {
        var rows = ImportFile.Read(fileName, content, [Reference, Status], ct);
        var forumId = forum.Id;
        var references = rows.Select(r => r[ReferenceKey]).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var people = await db.Delegates
            .Where(d => d.ForumId == forumId && references.Contains(d.Reference))
            .ToDictionaryAsync(d => d.Reference, StringComparer.OrdinalIgnoreCase, ct);

        var problems = new List<ClearanceProblem>();
        var answers = new List<(Delegate Person, ClearanceStatus Status, string? Reason)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var reference = row[ReferenceKey];
            var problem = Check(row, reference, people, seen, out var status, out var reason);
            if (problem is not null)
            {
                problems.Add(new ClearanceProblem(row.Number, reference, problem));
                continue;
            }

            seen[reference!] = row.Number;
            answers.Add((people[reference!], status, reason));
        }

        if (problems.Count > 0)
        {
            return new ClearanceImport(0, 0, 0, 0, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        int cleared = 0, refused = 0, pending = 0, unchanged = 0;
        foreach (var (person, status, reason) in answers)
        {
            if (person.Clearance == status && person.ClearanceReason == reason)
            {
                unchanged++;
                continue;
            }

            var before = Describe(person.Clearance, person.ClearanceReason);
            person.Clearance = status;
            person.ClearanceReason = reason;
            person.ClearanceUtc = status == ClearanceStatus.Pending ? null : now;
            db.AuditEntries.Add(actor.Audit(forumId, now, nameof(Delegate), person.Id, "clearance-imported", before, Describe(status, reason)));
            _ = status switch
            {
                ClearanceStatus.Cleared => cleared++,
                ClearanceStatus.Refused => refused++,
                _ => pending++,
            };
        }

        await db.SaveChangesAsync(ct);
        return new ClearanceImport(cleared, refused, pending, unchanged, []);
    }

    /// <summary>Why a row cannot be applied, in the reader's language, or null with the answer it gives.</summary>
    private string? Check(ImportRow row, string? reference, Dictionary<string, Delegate> people, Dictionary<string, int> seen,
        out ClearanceStatus status, out string? reason)
    {
        status = ClearanceStatus.Pending;
        reason = row[ReasonKey];
        if (reference is null)
        {
            return text["Clearance_NoReference"];
        }

        if (!people.ContainsKey(reference))
        {
            return text["Clearance_UnknownReference", reference];
        }

        if (seen.TryGetValue(reference, out var earlier))
        {
            return text["Clearance_TwiceInFile", earlier];
        }

        if (Parse(row[StatusKey]) is not { } parsed)
        {
            return text["Clearance_UnknownAnswer", row[StatusKey] ?? string.Empty];
        }

        status = parsed;
        if (reason is { Length: > MaxReason })
        {
            return text["Clearance_ReasonTooLong", MaxReason];
        }

        if (status == ClearanceStatus.Refused && reason is null)
        {
            return text["Clearance_RefusedWithoutReason"];
        }

        if (status != ClearanceStatus.Refused)
        {
            reason = null;
        }

        return null;
    }

    /// <summary>The office's answer in either language; an empty cell leaves the person not yet cleared.</summary>
    public static ClearanceStatus? Parse(string? answer) => answer?.Trim().ToLowerInvariant() switch
    {
        null or "" or "pending" or "待定" or "待审" or "未审查" => ClearanceStatus.Pending,
        "cleared" or "clear" or "yes" or "approved" or "通过" or "同意" or "是" => ClearanceStatus.Cleared,
        "refused" or "refuse" or "no" or "denied" or "rejected" or "不通过" or "拒绝" or "否" => ClearanceStatus.Refused,
        _ => null,
    };

    /// <summary>The answer as the list writes it, in the office's words.</summary>
    public static string Word(ClearanceStatus status) => status switch
    {
        ClearanceStatus.Cleared => "cleared",
        ClearanceStatus.Refused => "refused",
        _ => "pending",
    };

    private static string Describe(ClearanceStatus status, string? reason) =>
        reason is null ? Word(status) : string.Create(CultureInfo.InvariantCulture, $"{Word(status)}: {reason}");
}

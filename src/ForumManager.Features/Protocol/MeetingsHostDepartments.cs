using System.Text.RegularExpressions;
using ForumManager.Core.Auditing;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Core.Text;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Protocol;

/// <summary>A host department as the organizers type it.</summary>
public sealed class HostDepartmentInput
{
    public string NameEn { get; set; } = string.Empty;
    public string NameZh { get; set; } = string.Empty;
    public string? Email { get; set; }
    public string? ContactName { get; set; }
    public string PreferredLanguage { get; set; } = "zh-Hans";
}

/// <summary>
/// The host government's departments delegations meet, and the two facts about guests that meetings need: which
/// department an official speaks for, and which language pairs an interpreter works in.
/// </summary>
public sealed partial class HostDepartments(ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const int MaxName = 200;

    public Task<List<HostDepartment>> ListAsync(int forumId, CancellationToken ct) =>
        db.HostDepartments.AsNoTracking().Where(d => d.ForumId == forumId).OrderBy(d => d.NameEn).ToListAsync(ct);

    /// <summary>Adds (<paramref name="id"/> null) or changes a department; problems under <c>Input.</c>. Returns its id, or null when refused.</summary>
    public async Task<int?> SaveAsync(int forumId, int? id, HostDepartmentInput input, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        input.NameEn = PersonName.Clean(input.NameEn ?? string.Empty);
        input.NameZh = PersonName.Clean(input.NameZh ?? string.Empty);
        input.ContactName = PersonName.CleanOrNull(input.ContactName);
        input.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim().ToLowerInvariant();
        foreach (var (field, label, value, required) in new[]
                 {
                     ("Input.NameEn", "Departments_NameEn", input.NameEn, true), ("Input.NameZh", "Departments_NameZh", input.NameZh, true),
                     ("Input.ContactName", "Departments_Contact", input.ContactName ?? string.Empty, false),
                 })
        {
            if (required && value.Length == 0)
            {
                errors.Add(field, text["Validation_Required", text[label]]);
            }
            else if (value.Length > MaxName)
            {
                errors.Add(field, text["Validation_MaxLength", text[label], MaxName]);
            }
            else if (value.IndexOfAny(['<', '>']) >= 0)
            {
                errors.Add(field, text["Validation_NoMarkup"]);
            }
        }

        if (input.Email is { } email && (email.Length > 256 || !EmailShape().IsMatch(email)))
        {
            errors.Add("Input.Email", text["Validation_Email"]);
        }

        if (input.PreferredLanguage is not ("en" or "zh-Hans"))
        {
            errors.Add("Input.PreferredLanguage", text["Validation_Language"]);
        }

        var nameEn = input.NameEn;
        if (errors.IsEmpty && await db.HostDepartments.AnyAsync(d => d.ForumId == forumId && d.NameEn == nameEn && d.Id != id, ct))
        {
            errors.Add("Input.NameEn", text["Departments_NameTaken"]);
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        HostDepartment department;
        string? before = null;
        if (id is null)
        {
            department = new HostDepartment { ForumId = forumId, NameEn = input.NameEn, NameZh = input.NameZh };
            db.HostDepartments.Add(department);
        }
        else
        {
            department = await db.HostDepartments.SingleOrDefaultAsync(d => d.Id == id && d.ForumId == forumId, ct)
                ?? throw new KeyNotFoundException();
            before = Describe(department);
            department.NameEn = input.NameEn;
            department.NameZh = input.NameZh;
        }

        department.Email = input.Email;
        department.ContactName = input.ContactName;
        department.PreferredLanguage = input.PreferredLanguage;
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(HostDepartment), department.Id, id is null ? "added" : "changed",
            before, Describe(department)));
        await db.SaveChangesAsync(ct);
        return department.Id;
    }

    private static string Describe(HostDepartment d) => $"{d.NameEn} / {d.NameZh}; {d.Email}; {d.ContactName}; {d.PreferredLanguage}";

    /// <summary>The guests meetings draw on: officials and interpreters, by name.</summary>
    public Task<List<Guest>> GuestsAsync(int forumId, CancellationToken ct) => db.Guests.AsNoTracking()
        .Where(g => g.ForumId == forumId && (g.Kind == GuestKind.Official || g.Kind == GuestKind.Interpreter))
        .OrderBy(g => g.Kind).ThenBy(g => g.NameEn).ToListAsync(ct);

    /// <summary>
    /// Sets an official's department or an interpreter's language pairs ("zh-en, zh-fr": two-letter codes joined by a
    /// hyphen, written in a fixed order). Problems under <paramref name="field"/>.
    /// </summary>
    public async Task<bool> SaveGuestAsync(int forumId, int guestId, int? departmentId, string? pairs, Actor actor, string field, FieldErrors errors, CancellationToken ct)
    {
        var guest = await db.Guests.SingleOrDefaultAsync(g => g.Id == guestId && g.ForumId == forumId, ct);
        if (guest is null)
        {
            return false;
        }

        var before = $"{guest.HostDepartmentId}; {guest.LanguagePairs}";
        if (guest.Kind == GuestKind.Official)
        {
            if (departmentId is { } d && !await db.HostDepartments.AnyAsync(h => h.Id == d && h.ForumId == forumId, ct))
            {
                errors.Add(field, text["Validation_Choose"]);
                return false;
            }

            guest.HostDepartmentId = departmentId;
        }
        else if (guest.Kind == GuestKind.Interpreter)
        {
            if (ParsePairs(pairs) is not { } parsed)
            {
                errors.Add(field, text["Departments_PairsFormat"]);
                return false;
            }

            guest.LanguagePairs = parsed.Count == 0 ? null : string.Join(',', parsed);
        }

        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(Guest), guest.Id, "meeting-roles", before,
            $"{guest.HostDepartmentId}; {guest.LanguagePairs}"));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>"zh-en, fr-zh" → ["en-zh", "fr-zh"]; null when a part is not two language codes.</summary>
    public static IReadOnlyList<string>? ParsePairs(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        if (value.Length > 200)
        {
            return null;
        }

        var pairs = new List<string>();
        foreach (var part in value.Split([',', '，', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!PairShape().IsMatch(part))
            {
                return null;
            }

            var pair = MeetingPlanner.NormalizePair(part);
            if (pair[..pair.IndexOf('-', StringComparison.Ordinal)] == pair[(pair.IndexOf('-', StringComparison.Ordinal) + 1)..])
            {
                return null;
            }

            if (!pairs.Contains(pair))
            {
                pairs.Add(pair);
            }
        }

        return pairs;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}-[A-Za-z]{2,3}$")]
    private static partial Regex PairShape();

    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
    private static partial Regex EmailShape();
}

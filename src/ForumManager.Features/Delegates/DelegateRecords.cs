using System.Text.Json.Serialization;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Delegates;

public sealed record DelegateNames(string Family, string Given, string? Native, string? NativeLanguage);

/// <summary>The passport data, decrypted; only ever built for a reader allowed to see it, and every build is audited.</summary>
public sealed record DelegatePassport(string? Number, string? Nationality, DateOnly? Expiry, string? PlaceOfIssue, string? DateOfBirth);

/// <summary>A delegate's record as an outside system reads it. The passport is there only for a reader allowed to see it.</summary>
public sealed record DelegateRecord(
    int Id, string Reference, DelegateNames Names, string? Honorific, string? Position, string? Organization, string Country,
    string Email, string? Phone, DelegateCategory Category, RegistrationStatus Status, string? StatusReason, int? DelegationId,
    int PrecedenceRank, string PreferredLanguage, string? DietaryNeeds, string? AccessibilityNeeds, bool NeedsVisaLetter,
    int? AccompaniesId, ClearanceStatus Clearance, DateTime CreatedUtc, DateTime UpdatedUtc, long ChangeSeq)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DelegatePassport? Passport { get; init; }

    /// <summary>The version a read sends and a write must quote: the edit stamp and the change number together.</summary>
    [JsonIgnore]
    public string Version => DelegateRecords.Version(UpdatedUtc, ChangeSeq);
}

/// <summary>
/// Which delegates a list asks for. With <see cref="ChangedSince"/> the list follows the change numbers (synchronisation:
/// every change after that number, once, in commit order); otherwise it follows the ids after <see cref="AfterId"/>.
/// </summary>
public sealed record DelegateQuery(RegistrationStatus? Status, DelegateCategory? Category, int? DelegationId, string? Country,
    long? ChangedSince, int AfterId, int Limit);

/// <summary>
/// Reads delegates' records for the API: filtered, paged by id or by change number, with the passport decrypted only for
/// a reader allowed to see it and an audit entry for every record whose passport data was revealed.
/// </summary>
public sealed class DelegateRecords(ForumDbContext db, PersonalData personalData, TimeProvider clock)
{
    public const string RevealedAction = "revealed-passport-api";

    public async Task<IReadOnlyList<DelegateRecord>> ListAsync(int forumId, DelegateQuery query, Actor? passportReader, CancellationToken ct)
    {
        var unfiltered = query.ChangedSince is null && query.Status is null && query.Category is null && query.DelegationId is null && query.Country is null;

        // Paging the whole list by id, the forum's other indexes would have the database read and sort every delegate of
        // the forum for each page; compared as an expression, the forum leaves the primary key to walk the ids in order.
        var rows = unfiltered
            ? db.Delegates.AsNoTracking().Where(d => d.ForumId + 0 == forumId)
            : db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId);
        if (query.Status is { } status) { rows = rows.Where(d => d.Status == status); }
        if (query.Category is { } category) { rows = rows.Where(d => d.Category == category); }
        if (query.DelegationId is { } delegation) { rows = rows.Where(d => d.DelegationId == delegation); }
        if (query.Country is { } country) { rows = rows.Where(d => d.CountryCode == country); }
        rows = query.ChangedSince is { } since
            ? rows.Where(d => d.ChangeSeq > since).OrderBy(d => d.ChangeSeq)
            : rows.Where(d => d.Id > query.AfterId).OrderBy(d => d.Id);
        return await ReadAsync(await Project(rows.Take(query.Limit)).ToListAsync(ct), passportReader, ct);
    }

    public async Task<DelegateRecord?> FindAsync(int forumId, int id, Actor? passportReader, CancellationToken ct)
    {
        var found = await Project(db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && d.Id == id)).ToListAsync(ct);
        return found.Count == 0 ? null : (await ReadAsync(found, passportReader, ct))[0];
    }

    /// <summary>The record's version without reading the passport: for a conditional read answered "not modified".</summary>
    public async Task<string?> VersionAsync(int forumId, int id, CancellationToken ct) =>
        await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && d.Id == id)
            .Select(d => new { d.UpdatedUtc, d.ChangeSeq }).FirstOrDefaultAsync(ct) is { } v ? Version(v.UpdatedUtc, v.ChangeSeq) : null;

    public static string Version(DateTime updatedUtc, long changeSeq) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{updatedUtc.Ticks}-{changeSeq}");

    /// <summary>A record as read, with the passport data still encrypted beside it.</summary>
    private sealed record Row(DelegateRecord Record, int ForumId, string? PassportNumberProtected, string? DateOfBirthProtected, string? Nationality,
        DateOnly? PassportExpiry, string? PassportPlaceOfIssue);

    // Only the columns the record shows are read, into the record itself: no entity is built for a list of thousands.
    private static IQueryable<Row> Project(IQueryable<Delegate> rows) => rows.Select(d => new Row(
        new DelegateRecord(d.Id, d.Reference, new DelegateNames(d.FamilyName, d.GivenName, d.NativeName, d.NativeNameLanguage), d.Honorific, d.Position,
            d.Organization, d.CountryCode, d.Email, d.Phone, d.Category, d.Status, d.StatusReason, d.DelegationId, d.PrecedenceRank,
            d.PreferredLanguage, d.DietaryNeeds, d.AccessibilityNeeds, d.NeedsVisaLetter, d.AccompaniesId, d.Clearance,
            DateTime.SpecifyKind(d.CreatedUtc, DateTimeKind.Utc), DateTime.SpecifyKind(d.UpdatedUtc, DateTimeKind.Utc), d.ChangeSeq),
        d.ForumId, d.PassportNumberProtected, d.DateOfBirthProtected, d.Nationality, d.PassportExpiry, d.PassportPlaceOfIssue));

    private async Task<IReadOnlyList<DelegateRecord>> ReadAsync(List<Row> found, Actor? passportReader, CancellationToken ct)
    {
        var records = found.Select(r => r.Record).ToList();
        if (passportReader is null)
        {
            return records;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < found.Count; i++)
        {
            var d = found[i];
            if (d.PassportNumberProtected is null && d.DateOfBirthProtected is null && d.Nationality is null && d.PassportExpiry is null)
            {
                continue;
            }

            records[i] = records[i] with
            {
                Passport = new DelegatePassport(personalData.Unprotect(d.PassportNumberProtected), d.Nationality, d.PassportExpiry,
                    d.PassportPlaceOfIssue, personalData.Unprotect(d.DateOfBirthProtected)),
            };
            db.AuditEntries.Add(passportReader.Audit(d.ForumId, now, nameof(Delegate), d.Record.Id, RevealedAction));
        }

        // The reveal is written before the answer leaves: a read whose audit cannot be saved reveals nothing.
        await db.SaveChangesAsync(ct);
        return records;
    }
}

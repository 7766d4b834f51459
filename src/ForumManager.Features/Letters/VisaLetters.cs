using System.Globalization;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Documents;
using ForumManager.Documents.Letters;
using ForumManager.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Letters;

/// <summary>
/// Visa invitation letters for approved delegates. A letter shows passport data unmasked, so each one issued is
/// written to the audit log with who asked for it.
/// </summary>
public sealed class VisaLetters(ForumDbContext db, PersonalData personalData, DocumentHealth health, TimeProvider clock)
{
    /// <summary>Days before the forum's first day and after its last that the letter asks a stay for.</summary>
    public const int DaysBefore = 2;

    public const int DaysAfter = 2;

    /// <summary>The letter's number, the delegate's own reference with "VL" before its number, so the two always match.</summary>
    public static string Reference(Delegate d) => DelegateReference.Letter(d.Reference);

    /// <summary>The name a downloaded letter is saved under; null when the delegate is not of this forum.</summary>
    public async Task<string?> FileNameAsync(Forum forum, int delegateId, CancellationToken ct) =>
        await db.Delegates.AsNoTracking().Where(d => d.ForumId == forum.Id && d.Id == delegateId).Select(d => d.Reference).FirstOrDefaultAsync(ct) is { } reference
            ? $"visa-letter-{DelegateReference.Letter(reference)}.pdf"
            : null;

    /// <summary>Letters for the approved delegates among <paramref name="delegateIds"/>, in the order given; null when there are none.</summary>
    public async Task<PdfResult?> IssueAsync(Forum forum, IReadOnlyList<int> delegateIds, Actor actor, CancellationToken ct)
    {
        var rows = new List<Delegate>();
        foreach (var chunk in delegateIds.Chunk(500))
        {
            rows.AddRange(await db.Delegates.AsNoTracking()
                .Where(d => d.ForumId == forum.Id && chunk.Contains(d.Id) && d.Status == RegistrationStatus.Approved)
                .ToListAsync(ct));
        }

        var byId = rows.ToDictionary(d => d.Id);
        var letters = delegateIds.Where(byId.ContainsKey).Select(id => Letter(forum, byId[id])).ToList();
        if (letters.Count == 0)
        {
            return null;
        }

        var result = VisaLetterDocument.Render(letters);
        health.Record(result.Missing);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in delegateIds.Where(byId.ContainsKey))
        {
            db.AuditEntries.Add(actor.Audit(forum.Id, now, nameof(Delegate), id, "visa-letter-issued", after: Reference(byId[id])));
        }

        await db.SaveChangesAsync(ct);
        return result;
    }

    private VisaLetterData Letter(Forum forum, Delegate d)
    {
        var nationality = Countries.Find(d.Nationality ?? d.CountryCode);
        var (sexEn, sexZh) = d.Gender switch
        {
            Gender.Female => ("Female", "女"),
            Gender.Male => ("Male", "男"),
            _ => ((string?)null, (string?)null),
        };
        return new VisaLetterData
        {
            DelegateId = d.Id,
            Reference = Reference(d),
            IssuedOn = DateOnly.FromDateTime(ForumTime.ToLocal(clock.GetUtcNow().UtcDateTime, forum.TimeZone)),
            HostEn = forum.HostEn ?? forum.NameEn,
            HostZh = forum.HostZh ?? forum.NameZh,
            ForumNameEn = forum.NameEn,
            ForumNameZh = forum.NameZh,
            PlaceEn = forum.PlaceEn,
            PlaceZh = forum.PlaceZh,
            ForumStart = forum.StartDate,
            ForumEnd = forum.EndDate,
            StayFrom = forum.StartDate.AddDays(-DaysBefore),
            StayTo = forum.EndDate.AddDays(DaysAfter),
            LatinName = d.LatinName,
            NativeName = d.NativeName,
            NativeLanguage = d.NativeNameLanguage,
            SexEn = sexEn,
            SexZh = sexZh,
            DateOfBirth = personalData.Unprotect(d.DateOfBirthProtected),
            NationalityEn = nationality?.NameEn ?? d.CountryCode,
            NationalityZh = nationality?.NameZh ?? d.CountryCode,
            PassportNumber = personalData.Unprotect(d.PassportNumberProtected),
            PassportExpiry = d.PassportExpiry,
            Position = d.Position,
            Organization = d.Organization,
            SignatoryNameEn = forum.SignatoryNameEn,
            SignatoryNameZh = forum.SignatoryNameZh,
            SignatoryTitleEn = forum.SignatoryTitleEn,
            SignatoryTitleZh = forum.SignatoryTitleZh,
        };
    }
}

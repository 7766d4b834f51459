using System.Globalization;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Notices;
using ForumManager.Data;
using ForumManager.Documents.Photos;
using ForumManager.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Accreditation;

/// <summary>A delegate's photo as pages show it: its state and the address it is served at, never its bytes.</summary>
public sealed record PhotoSummary(int DelegateId, PhotoStatus Status, string? RefusalReason, int Version, DateTime UploadedUtc, string UploadedBy,
    DateTime? ReviewedUtc, string? ReviewedBy)
{
    public string Url => AccreditationPhotos.Url(DelegateId, Version);
    public string ThumbnailUrl => AccreditationPhotos.Url(DelegateId, Version, thumbnail: true);
}

/// <summary>A photo waiting for review, with whose it is.</summary>
public sealed record PendingPhoto(int DelegateId, string Reference, string LatinName, string? NativeName, string? NativeLanguage, int Version, DateTime UploadedUtc);

public enum ReviewOutcome
{
    Done,
    NotFound,

    /// <summary>The photo was replaced after the organizer looked at it: nothing changed, they look again.</summary>
    Changed,
}

/// <summary>
/// Delegates' passport-style photos: an upload (by the delegate, or the desk's camera) is checked, turned upright, cut to
/// 3:4, reduced and written again as a JPEG without metadata (<see cref="PassportPhoto"/>), encrypted and kept with a
/// thumbnail; organizers approve or refuse it, which is audited and tells the delegate by a notice. Only an approved
/// photo is printed on a badge.
/// </summary>
public sealed class AccreditationPhotos(ForumDbContext db, PhotoVault vault, NoticeRenderer notices, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>The request a photo may come in: larger than the file allowed, so that a file too large still arrives and is answered at its field.</summary>
    public const int MaxRequestBytes = PhotoRules.MaxBytes + 6 * 1024 * 1024;

    /// <summary>Where a photo is served; the version changes with every upload, so nothing shows an old face.</summary>
    public static string Url(int delegateId, int version, bool thumbnail = false) =>
        string.Create(CultureInfo.InvariantCulture, $"/photos/{delegateId}.jpg?v={version}{(thumbnail ? "&size=thumb" : "")}");

    /// <summary>Checks and keeps a photo; nothing is stored when the file is refused.</summary>
    /// <param name="field">The form field the messages go next to.</param>
    public async Task<FieldErrors> SaveAsync(int forumId, int delegateId, Stream file, long length, PhotoCrop? crop, string field, Actor actor,
        CancellationToken ct, bool approvedAtDesk = false)
    {
        var errors = new FieldErrors();
        if (Prepare(file, length, crop, field, errors) is { } photo)
        {
            await StoreAsync(forumId, delegateId, photo, actor, ct, approvedAtDesk);
        }

        return errors;
    }

    /// <summary>The photo made of an upload (upright, 3:4, reduced, without metadata), or null with the reason at the field.</summary>
    public PassportPhotoResult? Prepare(Stream file, long length, PhotoCrop? crop, string field, FieldErrors errors)
    {
        var processed = PassportPhoto.Process(file, length, crop);
        if (processed.Problem == PhotoProblem.None)
        {
            return processed;
        }

        errors.Add(field, Message(processed.Problem));
        return null;
    }

    /// <summary>
    /// Keeps a prepared photo, replacing the person's photo if they had one. A delegate's upload waits for review; one taken
    /// at the desk by staff, who see the person, is approved as it is taken (<paramref name="approvedAtDesk"/>).
    /// </summary>
    public async Task StoreAsync(int forumId, int delegateId, PassportPhotoResult processed, Actor actor, CancellationToken ct, bool approvedAtDesk = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var status = approvedAtDesk ? PhotoStatus.Approved : PhotoStatus.Pending;
        var content = vault.Protect(processed.Jpeg);
        var thumbnail = vault.Protect(processed.Thumbnail);
        var reviewedBy = approvedAtDesk ? actor.Name : null;
        DateTime? reviewedUtc = approvedAtDesk ? now : null;

        // A second upload replaces the first in one update; the unique index keeps one row if two first uploads meet, and the
        // one that finds the row taken replaces it.
        Task<int> ReplaceAsync() => db.DelegatePhotos.Where(p => p.DelegateId == delegateId && p.ForumId == forumId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.ContentProtected, content)
            .SetProperty(p => p.ThumbnailProtected, thumbnail)
            .SetProperty(p => p.Width, processed.Width)
            .SetProperty(p => p.Height, processed.Height)
            .SetProperty(p => p.Status, status)
            .SetProperty(p => p.RefusalReason, (string?)null)
            .SetProperty(p => p.UploadedUtc, now)
            .SetProperty(p => p.UploadedBy, actor.Name)
            .SetProperty(p => p.ReviewedUtc, reviewedUtc)
            .SetProperty(p => p.ReviewedBy, reviewedBy)
            .SetProperty(p => p.Version, p => p.Version + 1), ct);

        var audit = actor.Audit(forumId, now, nameof(Delegate), delegateId, approvedAtDesk ? "photo-taken-at-desk" : "photo-uploaded");
        if (await ReplaceAsync() == 0)
        {
            var photo = new DelegatePhoto
            {
                ForumId = forumId,
                DelegateId = delegateId,
                ContentProtected = content,
                ThumbnailProtected = thumbnail,
                Width = processed.Width,
                Height = processed.Height,
                Status = status,
                UploadedUtc = now,
                UploadedBy = actor.Name,
                ReviewedUtc = reviewedUtc,
                ReviewedBy = reviewedBy,
                Version = 1,
            };
            db.DelegatePhotos.Add(photo);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.Entry(photo).State = EntityState.Detached;
                await ReplaceAsync();
            }
        }

        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The message at the field for a refused file, in the reader's language.</summary>
    public string Message(PhotoProblem problem) => problem switch
    {
        PhotoProblem.TooLarge => text["Photo_TooLarge", PhotoRules.MaxBytes / 1024 / 1024].Value,
        PhotoProblem.TooManyPixels => text["Photo_TooManyPixels", PhotoRules.MaxPixels / 1_000_000].Value,
        PhotoProblem.TooSmall => text["Photo_TooSmall", PhotoRules.MinWidth, PhotoRules.MinHeight].Value,
        _ => text["Photo_NotAnImage"].Value,
    };

    public Task<PhotoSummary?> SummaryAsync(int forumId, int delegateId, CancellationToken ct) =>
        db.DelegatePhotos.AsNoTracking().Where(p => p.DelegateId == delegateId && p.ForumId == forumId)
            .Select(p => new PhotoSummary(p.DelegateId, p.Status, p.RefusalReason, p.Version, p.UploadedUtc, p.UploadedBy, p.ReviewedUtc, p.ReviewedBy))
            .FirstOrDefaultAsync(ct);

    /// <summary>The photo or its thumbnail as a JPEG; null when there is none (or it cannot be decrypted here).</summary>
    public async Task<byte[]?> ReadAsync(int forumId, int delegateId, bool thumbnail, CancellationToken ct)
    {
        var stored = await db.DelegatePhotos.AsNoTracking().Where(p => p.DelegateId == delegateId && p.ForumId == forumId)
            .Select(p => thumbnail ? p.ThumbnailProtected : p.ContentProtected)
            .FirstOrDefaultAsync(ct);
        return stored is null ? null : vault.Unprotect(stored);
    }

    /// <summary>The approved photos of the delegates given, for their badges.</summary>
    public async Task<Dictionary<int, byte[]>> ApprovedAsync(int forumId, IReadOnlyCollection<int> delegateIds, CancellationToken ct)
    {
        var photos = new Dictionary<int, byte[]>();
        foreach (var chunk in delegateIds.Chunk(500))
        {
            var rows = await db.DelegatePhotos.AsNoTracking()
                .Where(p => p.ForumId == forumId && p.Status == PhotoStatus.Approved && chunk.Contains(p.DelegateId))
                .Select(p => new { p.DelegateId, p.ContentProtected })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                if (vault.Unprotect(row.ContentProtected) is { } jpeg)
                {
                    photos[row.DelegateId] = jpeg;
                }
            }
        }

        return photos;
    }

    /// <summary>The photos waiting for review, oldest first.</summary>
    public Task<List<PendingPhoto>> PendingAsync(int forumId, CancellationToken ct) =>
        db.DelegatePhotos.AsNoTracking()
            .Where(p => p.ForumId == forumId && p.Status == PhotoStatus.Pending)
            .OrderBy(p => p.UploadedUtc).ThenBy(p => p.Id)
            .Join(db.Delegates, p => p.DelegateId, d => d.Id, (p, d) => new PendingPhoto(p.DelegateId, d.Reference,
                d.FamilyName.ToUpper() + " " + d.GivenName, d.NativeName, d.NativeNameLanguage, p.Version, p.UploadedUtc))
            .ToListAsync(ct);

    /// <summary>
    /// Approves or refuses the photo the organizer saw (<paramref name="version"/>): one conditional update, audited, and
    /// a notice to the delegate in the same save. A refusal needs its reason, which the delegate reads.
    /// </summary>
    public async Task<ReviewOutcome> ReviewAsync(Forum forum, int delegateId, int version, bool approve, string? reason, Actor actor, CancellationToken ct)
    {
        var person = await db.Delegates.FirstOrDefaultAsync(d => d.Id == delegateId && d.ForumId == forum.Id, ct);
        if (person is null || !await db.DelegatePhotos.AnyAsync(p => p.DelegateId == delegateId && p.ForumId == forum.Id, ct))
        {
            return ReviewOutcome.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var status = approve ? PhotoStatus.Approved : PhotoStatus.Refused;
        var kept = approve ? null : reason;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.DelegatePhotos.Where(p => p.DelegateId == delegateId && p.ForumId == forum.Id && p.Version == version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, status)
                .SetProperty(p => p.RefusalReason, kept)
                .SetProperty(p => p.ReviewedUtc, now)
                .SetProperty(p => p.ReviewedBy, actor.Name), ct);
        if (changed == 0)
        {
            return ReviewOutcome.Changed;
        }

        db.AuditEntries.Add(actor.Audit(forum.Id, now, nameof(Delegate), delegateId, approve ? "photo-approved" : "photo-refused", after: kept));
        await notices.QueueAsync(forum, person, approve ? NoticeKind.PhotoApproved : NoticeKind.PhotoRefused, NoticeExtras.None with { PhotoReason = kept }, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ReviewOutcome.Done;
    }

    /// <summary>A full photo handed out as a file by staff or organizers: audited, as a passport number's reveal is.</summary>
    public async Task RecordDownloadAsync(int forumId, int delegateId, Actor actor, CancellationToken ct)
    {
        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(Delegate), delegateId, "photo-downloaded"));
        await db.SaveChangesAsync(ct);
    }
}

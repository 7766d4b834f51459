using System.Security.Cryptography;
using ForumManager.Core.Mail;
using ForumManager.Data;
using ForumManager.Features.Privacy;
using ForumManager.Mail;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Moves the key ring, and what it protects, off keys that a copy of the database taken earlier holds in the clear.
/// Every step is safe to run at every start and safe to interrupt: each stored value is rewritten by one conditional
/// update of its own, and a value already on a key in use is left alone.
/// </summary>
internal static partial class KeyRingRotation
{
    /// <summary>Every Data Protection payload begins with this magic number, then the id of the key that protected it.</summary>
    private static readonly byte[] PayloadHeader = [0x09, 0xF0, 0xC9, 0xF0];

    /// <summary>
    /// Keys kept in the clear until a certificate was configured stop being used: a new key, encrypted with the
    /// certificate, is made the one in use at once, and the old ones are revoked, so that nothing written from now on
    /// can be read with a backup taken before. What they protected is encrypted again by <see cref="ProtectStoredValuesAsync"/>.
    /// </summary>
    public static void RetireClearKeys(IServiceProvider services, IReadOnlySet<Guid> clearKeys, ILogger logger)
    {
        if (clearKeys.Count == 0)
        {
            return;
        }

        var keyManager = services.GetRequiredService<IKeyManager>();
        var keys = keyManager.GetAllKeys();
        var retiring = keys.Where(k => clearKeys.Contains(k.KeyId) && !k.IsRevoked).ToList();
        if (retiring.Count == 0)
        {
            return;
        }

        // A replacement made by a start that stopped before it revoked the old keys is used, rather than another made.
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var replacement = keys
            .Where(k => !k.IsRevoked && !clearKeys.Contains(k.KeyId) && k.ActivationDate <= now && k.ExpirationDate > now)
            .MaxBy(k => k.ActivationDate)
            ?? keyManager.CreateNewKey(now, now + services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime);
        foreach (var key in retiring)
        {
            keyManager.RevokeKey(key.KeyId, "Kept in the clear before the key ring's certificate was configured.");
        }

        LogKeysRetired(logger, retiring.Count, replacement.KeyId);
    }

    /// <summary>
    /// Encrypts again, with the key in use, every stored value still protected with a revoked key (passport numbers and
    /// dates of birth, messages waiting in the outbox, uploaded imports, photos), and encrypts what an earlier release kept in the
    /// clear: waiting messages and uploads are encrypted, and sent messages lose their content, which nothing reads.
    /// </summary>
    /// <returns>How many values were stored in the clear before.</returns>
    public static async Task<int> ProtectStoredValuesAsync(IServiceProvider services, ForumDbContext db, ILogger logger, CancellationToken ct)
    {
        var personalData = services.GetRequiredService<PersonalData>();
        var outbox = services.GetRequiredService<OutboxContent>();
        var revoked = await db.DataProtectionKeys.AnyAsync(ct)
            ? services.GetRequiredService<IKeyManager>().GetAllKeys().Where(k => k.IsRevoked).Select(k => k.KeyId).ToHashSet()
            : [];
        var counts = new Counts();

        if (revoked.Count > 0)
        {
            var delegates = await db.Delegates.AsNoTracking()
                .Where(d => d.PassportNumberProtected != null || d.DateOfBirthProtected != null)
                .Select(d => new { d.Id, d.PassportNumberProtected, d.DateOfBirthProtected })
                .ToListAsync(ct);
            foreach (var person in delegates)
            {
                if (OnRevokedKey(person.PassportNumberProtected, revoked) && Reprotect(personalData.ReprotectValue, person.PassportNumberProtected!, counts) is { } passport)
                {
                    await db.Delegates.Where(d => d.Id == person.Id && d.PassportNumberProtected == person.PassportNumberProtected)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.PassportNumberProtected, passport), ct);
                }

                if (OnRevokedKey(person.DateOfBirthProtected, revoked) && Reprotect(personalData.ReprotectValue, person.DateOfBirthProtected!, counts) is { } born)
                {
                    await db.Delegates.Where(d => d.Id == person.Id && d.DateOfBirthProtected == person.DateOfBirthProtected)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.DateOfBirthProtected, born), ct);
                }
            }
        }

        // Sent messages keep no content; an earlier release kept it, in the clear.
        var none = Array.Empty<byte>();
        counts.Clear += await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sent && m.MimeContent != none)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.MimeContent, none), ct);
        // A few at a time: a waiting message may carry visa letters of a megabyte, and an outage may leave thousands.
        var waiting = await db.OutboxMessages.AsNoTracking().Where(m => m.Status != OutboxStatus.Sent).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        foreach (var page in waiting.Chunk(50))
        {
            foreach (var message in await db.OutboxMessages.AsNoTracking().Where(m => page.Contains(m.Id)).Select(m => new { m.Id, m.MimeContent }).ToListAsync(ct))
            {
                if (Rewritten(message.MimeContent, revoked, outbox.Protect, stored => outbox.Protect(outbox.Unprotect(stored)), counts) is { } content)
                {
                    // Not once it is sent: its content has gone, and must not come back.
                    await db.OutboxMessages.Where(m => m.Id == message.Id && m.Status != OutboxStatus.Sent)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.MimeContent, content), ct);
                }
            }
        }

        foreach (var upload in await db.PendingImports.AsNoTracking().Select(p => new { p.Id, p.Content }).ToListAsync(ct))
        {
            if (Rewritten(upload.Content, revoked, personalData.ProtectUpload, personalData.ReprotectUpload, counts) is { } content)
            {
                await db.PendingImports.Where(p => p.Id == upload.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Content, content), ct);
            }
        }

        // Photos a few at a time, as waiting messages: each is tens of kilobytes, and a forum has hundreds.
        var vault = services.GetRequiredService<Features.Accreditation.PhotoVault>();
        foreach (var page in (await db.DelegatePhotos.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct)).Chunk(50))
        {
            foreach (var photo in await db.DelegatePhotos.AsNoTracking().Where(p => page.Contains(p.Id))
                .Select(p => new { p.Id, p.Version, p.ContentProtected, p.ThumbnailProtected }).ToListAsync(ct))
            {
                var content = Rewritten(photo.ContentProtected, revoked, vault.Protect, vault.Reprotect, counts);
                var thumbnail = Rewritten(photo.ThumbnailProtected, revoked, vault.Protect, vault.Reprotect, counts);
                if (content is not null || thumbnail is not null)
                {
                    // Not if a new photo replaced it meanwhile.
                    await db.DelegatePhotos.Where(p => p.Id == photo.Id && p.Version == photo.Version).ExecuteUpdateAsync(s => s
                        .SetProperty(p => p.ContentProtected, content ?? photo.ContentProtected)
                        .SetProperty(p => p.ThumbnailProtected, thumbnail ?? photo.ThumbnailProtected), ct);
                }
            }
        }

        if (counts.Reprotected > 0)
        {
            LogValuesReprotected(logger, counts.Reprotected);
        }

        if (counts.Clear > 0)
        {
            LogClearValuesProtected(logger, counts.Clear);
        }

        if (counts.Unreadable > 0)
        {
            LogValuesUnreadable(logger, counts.Unreadable);
        }

        return counts.Clear;
    }

    /// <summary>
    /// Rebuilds the SQLite file and empties its write-ahead log, so that no freed page or old frame keeps what was just
    /// rewritten (a key or a message that was in the clear): a copy of the file would otherwise still hold it.
    /// </summary>
    public static async Task RebuildSqliteFileAsync(ForumDbContext db, ILogger logger, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("VACUUM", ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
        LogFileRebuilt(logger);
    }

    /// <summary>A stored blob encrypted (it was in the clear) or encrypted again (its key is revoked), or null when it is fine as it is.</summary>
    private static byte[]? Rewritten(byte[] stored, HashSet<Guid> revoked, Func<byte[], byte[]> protect, Func<byte[], byte[]> reprotect, Counts counts)
    {
        if (stored.Length == 0)
        {
            return null;
        }

        if (KeyOf(stored) is not { } key)
        {
            counts.Clear++;
            return protect(stored);
        }

        return revoked.Contains(key) ? Reprotect(reprotect, stored, counts) : null;
    }

    private static T? Reprotect<T>(Func<T, T> reprotect, T stored, Counts counts)
        where T : class
    {
        try
        {
            var renewed = reprotect(stored);
            counts.Reprotected++;
            return renewed;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            // Its key cannot be decrypted here; the value stays as it is, to be moved once the certificate is given.
            counts.Unreadable++;
            return null;
        }
    }

    private static bool OnRevokedKey(string? stored, HashSet<Guid> revoked)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return false;
        }

        try
        {
            return KeyOf(WebEncoders.Base64UrlDecode(stored)) is { } key && revoked.Contains(key);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The key a Data Protection payload names, or null when the bytes are not one (content kept in the clear).</summary>
    private static Guid? KeyOf(ReadOnlySpan<byte> payload) =>
        payload.Length >= PayloadHeader.Length + 16 && payload[..PayloadHeader.Length].SequenceEqual(PayloadHeader)
            ? new Guid(payload.Slice(PayloadHeader.Length, 16))
            : null;

    private sealed class Counts
    {
        public int Reprotected { get; set; }
        public int Clear { get; set; }
        public int Unreadable { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retired {Count} Data Protection keys that were kept in the clear: they are revoked, and key {Replacement}, encrypted with the key ring certificate, is used from now on.")]
    private static partial void LogKeysRetired(ILogger logger, int count, Guid replacement);

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted again {Count} stored values that were protected with a revoked key.")]
    private static partial void LogValuesReprotected(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted or dropped {Count} outbox messages and uploaded files that an earlier release kept in the clear.")]
    private static partial void LogClearValuesProtected(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} stored values on a revoked key cannot be decrypted on this server and were left as they are.")]
    private static partial void LogValuesUnreadable(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the SQLite file so that no freed page keeps what was in the clear.")]
    private static partial void LogFileRebuilt(ILogger logger);
}

using System.Security.Cryptography;
using System.Text;
using ForumManager.Features;
using Microsoft.AspNetCore.DataProtection;
using System.Buffers.Text;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Privacy;

/// <summary>
/// Passport numbers and dates of birth are encrypted at rest with Data Protection (keys in the database, shared by
/// every instance, themselves encrypted with the key ring's certificate) and shown masked. So is an uploaded import
/// file while it waits for the organizer's confirmation: a spreadsheet may carry columns the import does not read,
/// passport numbers among them.
/// </summary>
public sealed partial class PersonalData(IDataProtectionProvider provider, IStringLocalizer<SharedResource> text, ILogger<PersonalData> logger)
{
    private readonly IPersistedDataProtector _protector = Persisted(provider, "ForumManager.PersonalData.v1");
    private readonly IPersistedDataProtector _uploads = Persisted(provider, "ForumManager.PendingImport.v1");
    private long _unreadable;

    /// <summary>Values that could not be decrypted since start, for <c>/health</c>.</summary>
    public long UnreadableCount => Interlocked.Read(ref _unreadable);

    public string? Protect(string? value) => string.IsNullOrEmpty(value) ? null : _protector.Protect(value);

    public byte[] ProtectUpload(byte[] file) => _uploads.Protect(file);

    /// <exception cref="CryptographicException">The key that encrypted it cannot be read on this server.</exception>
    public byte[] UnprotectUpload(byte[] stored) => Read(_uploads, stored);

    /// <summary>A stored value encrypted again with the key now in use; for moving values off a retired key.</summary>
    /// <exception cref="CryptographicException">The key that encrypted it cannot be read on this server.</exception>
    public string ReprotectValue(string stored) => _protector.Protect(ReadValue(stored));

    /// <inheritdoc cref="ReprotectValue"/>
    public byte[] ReprotectUpload(byte[] stored) => _uploads.Protect(Read(_uploads, stored));

    /// <summary>
    /// The value, or, when this server cannot decrypt it (a copy of the database without the key ring's certificate),
    /// a note saying so in the reader's language: a page or an export says the value is held but cannot be read,
    /// rather than failing.
    /// </summary>
    public string? Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return ReadValue(value);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            Interlocked.Increment(ref _unreadable);
            LogUnreadable(logger, e.Message);
            return text["PersonalData_Unreadable"];
        }
    }

    /// <summary>
    /// "E12345678" → "•••••5678": enough to recognise, not enough to use. What is protected is a passport number (letters
    /// and digits) or a date; anything else is the note that the value cannot be read here, and is shown whole.
    /// </summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return value;
        }

        return new string('•', Math.Max(0, value.Length - 4)) + value[Math.Max(0, value.Length - 4)..];
    }

    private string ReadValue(string stored) => Encoding.UTF8.GetString(Read(_protector, Base64Url.DecodeFromChars(stored)));

    /// <summary>
    /// A value written with a key that has since been revoked is still read: the key ring retires the keys it once kept
    /// in the clear by revoking them, so that they protect nothing new, and a value another instance wrote with such a
    /// key just before it learnt of the new one is ours all the same (it is encrypted again at the next start).
    /// </summary>
    private static byte[] Read(IPersistedDataProtector protector, byte[] stored) =>
        protector.DangerousUnprotect(stored, ignoreRevocationErrors: true, out _, out _);

    private static IPersistedDataProtector Persisted(IDataProtectionProvider provider, string purpose) =>
        provider.CreateProtector(purpose) as IPersistedDataProtector
        ?? throw new InvalidOperationException("The Data Protection provider cannot unprotect stored data.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "A protected personal value could not be decrypted: {Reason}. Is the key ring's certificate (DataProtection:Certificate) the one that encrypted it?")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Passport numbers and dates of birth are encrypted at rest with Data Protection (keys in the database, shared by
/// every instance, themselves encrypted with the key ring's certificate) and shown masked.
/// </summary>
public sealed partial class PersonalData(IDataProtectionProvider provider, IStringLocalizer<SharedResource> text, ILogger<PersonalData> logger)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ForumManager.PersonalData.v1");
    private long _unreadable;

    /// <summary>Values that could not be decrypted since start, for <c>/health</c>.</summary>
    public long UnreadableCount => Interlocked.Read(ref _unreadable);

    public string? Protect(string? value) => string.IsNullOrEmpty(value) ? null : _protector.Protect(value);

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
            return _protector.Unprotect(value);
        }
        catch (CryptographicException e)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A protected personal value could not be decrypted: {Reason}. Is the key ring's certificate (DataProtection:Certificate) the one that encrypted it?")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}

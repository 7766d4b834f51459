using Microsoft.AspNetCore.DataProtection;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Passport numbers and dates of birth are encrypted at rest with Data Protection (keys in the database, shared by
/// every instance) and shown masked.
/// </summary>
public sealed class PersonalData(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ForumManager.PersonalData.v1");

    public string? Protect(string? value) => string.IsNullOrEmpty(value) ? null : _protector.Protect(value);

    public string? Unprotect(string? value) => string.IsNullOrEmpty(value) ? null : _protector.Unprotect(value);

    /// <summary>"E12345678" → "•••••5678": enough to recognise, not enough to use.</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : new string('•', Math.Max(0, value.Length - 4)) + value[Math.Max(0, value.Length - 4)..];
}

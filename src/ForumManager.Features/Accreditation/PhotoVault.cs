using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ForumManager.Features.Accreditation;

/// <summary>
/// Photos are personal data: encrypted at rest with Data Protection under a purpose of their own, with the keys that
/// protect passport numbers (in the database, themselves protected by the key ring's certificate).
/// </summary>
public sealed class PhotoVault(IDataProtectionProvider provider)
{
    private readonly IPersistedDataProtector _protector = provider.CreateProtector("ForumManager.Photo.v1") as IPersistedDataProtector
        ?? throw new InvalidOperationException("The Data Protection provider cannot unprotect stored data.");

    public byte[] Protect(byte[] jpeg) => _protector.Protect(jpeg);

    /// <summary>A stored photo encrypted again with the key now in use; for moving photos off a retired key.</summary>
    /// <exception cref="CryptographicException">The key that encrypted it cannot be read on this server.</exception>
    public byte[] Reprotect(byte[] stored) => _protector.Protect(_protector.DangerousUnprotect(stored, ignoreRevocationErrors: true, out _, out _));

    /// <summary>The JPEG, or null when this server cannot decrypt it (a copy of the database without the key ring's certificate).</summary>
    public byte[]? Unprotect(byte[] stored)
    {
        try
        {
            // A photo written with a key since revoked (the key ring retires keys by revoking them) is still the person's photo.
            return _protector.DangerousUnprotect(stored, ignoreRevocationErrors: true, out _, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

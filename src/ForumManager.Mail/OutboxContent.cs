using Microsoft.AspNetCore.DataProtection;

namespace ForumManager.Mail;

/// <summary>
/// A message as the outbox keeps it while it waits: encrypted with Data Protection under a purpose of its own, so that
/// a copy of the database shows no message (a visa letter attached to a notice carries a passport number and a date of
/// birth). The keys are the app's key ring, kept in the database and encrypted with the certificate kept outside it.
/// Once the server has accepted a message, its content is dropped (see <see cref="OutboxSentMark"/>).
/// </summary>
public sealed class OutboxContent(IDataProtectionProvider provider)
{
    public const string Purpose = "ForumManager.Outbox.v1";

    private readonly IPersistedDataProtector _protector = provider.CreateProtector(Purpose) as IPersistedDataProtector
        ?? throw new InvalidOperationException("The Data Protection provider cannot unprotect stored data.");

    public byte[] Protect(byte[] mime) => _protector.Protect(mime);

    /// <summary>
    /// The message as it was queued. A message written with a key that has since been revoked (the key ring moving off
    /// keys once kept in the clear, while an instance still held the old key) is still read: revocation stops a key
    /// from protecting anything new, and this content was ours to begin with.
    /// </summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key that encrypted it cannot be read on this server.</exception>
    public byte[] Unprotect(byte[] stored) => _protector.DangerousUnprotect(stored, ignoreRevocationErrors: true, out _, out _);
}

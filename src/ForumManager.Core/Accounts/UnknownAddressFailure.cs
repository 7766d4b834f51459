namespace ForumManager.Core.Accounts;

/// <summary>
/// Failed sign-ins with an address that has no account, counted as Identity counts them for an account, so that the
/// lockout page comes after as many tries whether or not the address is real. Kept in the database, so every instance
/// counts the same, and written on each failure as Identity writes an account's count, so both cost the same.
/// </summary>
public sealed class UnknownAddressFailure
{
    /// <summary>SHA-256 of the address as typed (trimmed, upper case), in hex: what people mistype is not kept in the clear.</summary>
    public required string AddressHash { get; set; }

    public int Failures { get; set; }
    public DateTime LastFailureUtc { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
}

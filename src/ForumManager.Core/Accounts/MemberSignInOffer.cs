namespace ForumManager.Core.Accounts;

/// <summary>
/// A head of delegation's offer of a sign-in to one member: one row per member, whatever the member's address turned
/// out to be (no account, an account of its own, or one that may not be linked), so the head's page looks the same in
/// every case. For an address that already has an account, the link in the mail carries a random token of which only
/// the hash is kept; the account's owner accepts it while signed in, and only then is the account linked.
/// </summary>
public sealed class MemberSignInOffer
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int DelegateId { get; set; }

    /// <summary>SHA-256 of the token in the link to accept, hex; null when there is nothing to accept (or no longer).</summary>
    public string? TokenHash { get; set; }

    public DateTime SentUtc { get; set; }
}

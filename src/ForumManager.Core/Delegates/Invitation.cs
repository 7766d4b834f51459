namespace ForumManager.Core.Delegates;

/// <summary>
/// An invitation to a delegation's head: the link carries a random token, of which only a hash is stored, so a copy of
/// the database does not let anyone register in someone else's place.
/// </summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int DelegationId { get; set; }
    public Delegation? Delegation { get; set; }
    public required string Email { get; set; }

    /// <summary>SHA-256 of the token in the link, hex.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? AcceptedUtc { get; set; }
    public int? AcceptedDelegateId { get; set; }

    /// <summary>
    /// The edition whose delegation head this invitation carries over (organizers invite last edition's heads in one
    /// action); one such invitation per address, edition and earlier edition, accepted or not, so doing it twice invites once.
    /// </summary>
    public int? CarriedFromForumId { get; set; }
}

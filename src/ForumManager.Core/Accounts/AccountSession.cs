namespace ForumManager.Core.Accounts;

/// <summary>
/// One signed-in session of an account. The sign-in cookie names its key, and a cookie whose row is gone (signed out,
/// expired, or ended by a new password) is refused at once, even though the cookie itself is still well formed.
/// </summary>
public sealed class AccountSession
{
    /// <summary>256 random bits, URL-safe.</summary>
    public required string Key { get; set; }

    public required string UserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime LastSeenUtc { get; set; }

    /// <summary>When the session lapses without use; moved on as it is used, like the cookie's sliding expiry.</summary>
    public DateTime ExpiresUtc { get; set; }
}

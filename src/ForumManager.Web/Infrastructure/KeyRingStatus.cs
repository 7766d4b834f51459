namespace ForumManager.Web.Infrastructure;

/// <summary>What the start found in the stored key ring (<see cref="KeyRing.PrepareAsync"/>), for <c>/health</c>.</summary>
public sealed class KeyRingStatus
{
    public int StoredKeys { get; private set; }

    /// <summary>Stored keys that no configured certificate decrypts.</summary>
    public int UnreadableKeys { get; private set; }

    /// <summary>Set when no stored key can be decrypted: what it means and what to set.</summary>
    public string? NoKeyReadableProblem { get; private set; }

    /// <summary>The operator said the certificate is lost for good (<c>DataProtection:Certificate:AcceptUnreadableKeys</c>).</summary>
    public bool Accepted { get; private set; }

    internal void Found(int storedKeys, int unreadableKeys)
    {
        StoredKeys = storedKeys;
        UnreadableKeys = unreadableKeys;
    }

    internal void NoKeyReadable(string problem, bool accepted)
    {
        NoKeyReadableProblem = problem;
        Accepted = accepted;
    }
}

using System.Security.Cryptography;

namespace ForumManager.Core.CheckIns;

/// <summary>A delegate's arrival at one checkpoint. There is at most one per delegate and checkpoint, so a second scan counts once.</summary>
public sealed class CheckIn
{
    public long Id { get; set; }
    public int ForumId { get; set; }
    public int DelegateId { get; set; }

    /// <summary><see cref="Checkpoints.Main"/>, or <c>session:{id}</c> for a session's door.</summary>
    public required string Checkpoint { get; set; }

    /// <summary>The id the desk gave its scan, so that a scan sent again after a lost answer or from the offline queue counts once.</summary>
    public string? ScanId { get; set; }

    public DateTime CheckedInUtc { get; set; }

    /// <summary>Who checked the delegate in, as shown to the next desk that scans the badge.</summary>
    public required string ByName { get; set; }
}

/// <summary>
/// One scan a desk sent, kept under the id the desk gave it with the answer it got, whatever that answer was: a scan sent
/// again gets the same answer, and the id sent with another badge or at another checkpoint is refused. The id is unique in
/// the database, so of two scans with one id arriving at once, one is kept and the other compared with it.
/// </summary>
public sealed class Scan
{
    public long Id { get; set; }
    public int ForumId { get; set; }

    /// <summary>The desk's id for the scan.</summary>
    public required string ScanId { get; set; }

    /// <summary>What was scanned: the badge's token as the desk reads it, or a digest of text that is no token.</summary>
    public required string Badge { get; set; }

    public required string Checkpoint { get; set; }

    /// <summary>The delegate the badge belongs to; null when it is nobody's.</summary>
    public int? DelegateId { get; set; }

    /// <summary>The answer given: checked-in, already-checked-in, unknown-token, not-approved, admitted or refused.</summary>
    public required string Result { get; set; }

    /// <summary>Why a door refused the badge (zone, day, time, not-cleared, revoked); null when it did not.</summary>
    public string? Reason { get; set; }

    public DateTime ScannedUtc { get; set; }
    public required string ByName { get; set; }
}

/// <summary>A badge printed, the first time or again; a reprint with a reason issued a new token.</summary>
public sealed class BadgePrint
{
    public long Id { get; set; }
    public int ForumId { get; set; }
    public int DelegateId { get; set; }
    public DateTime PrintedUtc { get; set; }
    public required string ByName { get; set; }
    public int Layout { get; set; }

    /// <summary>Why it was printed again (lost, damaged, name misspelt); null for a plain print.</summary>
    public string? ReprintReason { get; set; }
}

/// <summary>The layout badges of one category print in.</summary>
public sealed class BadgeLayoutChoice
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public Delegates.DelegateCategory Category { get; set; }

    /// <summary>The value of the documents' <c>BadgeLayout</c>: 0 A6, 1 CR80, 2 four A6 on A4.</summary>
    public int Layout { get; set; }
}

public static class Checkpoints
{
    public const string Main = "main";
    public const string SessionPrefix = "session:";

    public static string ForSession(int sessionId) => SessionPrefix + sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static int? SessionId(string checkpoint) =>
        checkpoint.StartsWith(SessionPrefix, StringComparison.Ordinal) && int.TryParse(checkpoint.AsSpan(SessionPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}

/// <summary>Check-in tokens: 128 random bits as 32 hexadecimal characters, unrelated to any id.</summary>
public static class CheckInTokens
{
    public const int Length = 32;

    public static string New() => RandomNumberGenerator.GetHexString(Length, lowercase: true);

    /// <summary>Whether the text has a token's shape; scanners sometimes add spaces or capitals.</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim().ToLowerInvariant();
        return trimmed is { Length: Length } && trimmed.All(char.IsAsciiHexDigit) ? trimmed : null;
    }
}

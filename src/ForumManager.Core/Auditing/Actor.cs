using System.Globalization;

namespace ForumManager.Core.Auditing;

/// <summary>Who made a change, for the audit log.</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static Actor System { get; } = new(null, "system");

    /// <summary>An audit entry for a change this actor made to one record of an edition.</summary>
    public AuditEntry Audit(int forumId, DateTime atUtc, string entityType, int entityId, string action, string? before = null, string? after = null) => new()
    {
        ForumId = forumId,
        AtUtc = atUtc,
        UserId = UserId,
        UserName = Name,
        EntityType = entityType,
        EntityId = entityId.ToString(CultureInfo.InvariantCulture),
        Action = action,
        Before = before,
        After = after,
    };
}

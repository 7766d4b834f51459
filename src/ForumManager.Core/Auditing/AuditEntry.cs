namespace ForumManager.Core.Auditing;

/// <summary>One change made by a person: who, when, what, and the values before and after (JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public int? ForumId { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

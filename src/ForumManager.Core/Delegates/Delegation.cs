using ForumManager.Core.Directory;

namespace ForumManager.Core.Delegates;

/// <summary>A group travelling together, usually from one partner city, led by a head of delegation.</summary>
public sealed class Delegation
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int? PartnerCityId { get; set; }
    public PartnerCity? PartnerCity { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public required string CountryCode { get; set; }

    /// <summary>Places offered to this delegation; null when not limited.</summary>
    public int? Quota { get; set; }

    public List<Delegate> Members { get; set; } = [];
}
